"""The plugin's README names every stage, rule, parameter and import column it declares."""

from __future__ import annotations

from pathlib import Path

import arrears_council_tax
from arrears_council_tax import COUNCIL_TAX
from arrears_council_tax.params import CouncilTaxParameters

README = (Path(arrears_council_tax.__file__).parent / "README.md").read_text()


def test_the_readme_names_every_stage_rule_parameter_and_column():
    names = ([s.id for s in COUNCIL_TAX.ladder.stages] + [t.rule for t in COUNCIL_TAX.ladder.transitions]
             + list(CouncilTaxParameters.model_fields) + [c.name for c in COUNCIL_TAX.columns])
    missing = [n for n in names if f"`{n}`" not in README]
    assert missing == []


def test_the_readme_names_every_officer_field():
    fields = {f for t in COUNCIL_TAX.ladder.transitions for f in t.fields + t.optional_fields}
    fields |= {"net_earnings", "pay_period", "standard_allowance"}
    assert sorted(f for f in fields if f"`{f}`" not in README) == []
