"""The plugin's README names every stage, rule, parameter and import column it has."""

from __future__ import annotations

from pathlib import Path

from arrears_pcn.columns import COLUMNS
from arrears_pcn.ladder import LADDER
from arrears_pcn.params import PcnParameters

README = (Path(__file__).parents[3] / "plugins" / "pcn" / "README.md").read_text()


def test_the_readme_lists_the_ladder_parameters_and_columns():
    names = [s.id for s in LADDER.stages] + [t.rule for t in LADDER.transitions]
    names += list(PcnParameters.model_fields) + [c.name for c in COLUMNS]
    missing = [n for n in names if f"| `{n}`" not in README]
    assert missing == []
