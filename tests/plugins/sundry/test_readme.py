"""The plugin's README names every stage, rule, parameter and import column the plugin has."""

from __future__ import annotations

from pathlib import Path

import pytest

from arrears_sundry import SUNDRY
from arrears_sundry.params import SundryParameters

README = (Path(__file__).parents[3] / "plugins" / "sundry" / "README.md").read_text()


@pytest.mark.parametrize(("what", "names"), [
    ("stages", [s.id for s in SUNDRY.ladder.stages]),
    ("rules", [t.rule for t in SUNDRY.ladder.transitions]),
    ("parameters", list(SundryParameters.model_fields)),
    ("columns", [c.name for c in SUNDRY.columns]),
])
def test_readme_documents_everything(what, names):
    missing = [n for n in names if f"| `{n}`" not in README]
    assert not missing, f"README lacks {what}: {missing}"


def test_readme_cites_the_worked_examples_and_sources():
    for needle in ("WE-26", "WE-38", "WE-41", "DOMAIN §7.4", "Limitation Act 1980", "Pre-Action Protocol for Debt Claims",
                   "Late Payment of Commercial Debts (Interest) Act 1998"):
        assert needle in README, needle


def test_readme_parameter_meanings_are_the_profile_descriptions():
    stale = [n for n, f in SundryParameters.model_fields.items() if f"| {f.description} |" not in README]
    assert not stale, f"README describes these parameters differently from params.py: {stale}"
