"""The plugin's README names every stage, rule, parameter and import column it declares."""

from __future__ import annotations

from pathlib import Path

import arrears_hb_overpayment
from arrears_hb_overpayment import HB_OVERPAYMENT
from arrears_hb_overpayment.params import HbOverpaymentParameters

README = (Path(arrears_hb_overpayment.__file__).parent / "README.md").read_text()


def test_the_readme_names_every_stage_rule_parameter_and_column():
    names = ([s.id for s in HB_OVERPAYMENT.ladder.stages] + [t.rule for t in HB_OVERPAYMENT.ladder.transitions]
             + list(HbOverpaymentParameters.model_fields) + [c.name for c in HB_OVERPAYMENT.columns])
    missing = [n for n in names if f"`{n}`" not in README]
    assert missing == []
