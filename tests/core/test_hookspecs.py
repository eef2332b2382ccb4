"""Guard tests (as datasette does): every hook is documented, and every hook has a test of its own."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from arrears import hookspecs

TESTS = Path(__file__).resolve().parents[1]


def _specs() -> dict[str, object]:
    return {
        name: fn
        for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(fn, "arrears_spec")
    }


SPECS = _specs()


def test_the_five_named_concerns_each_have_a_hook():
    assert {"bill_accounts", "progress_cases", "transition_fees", "case_priority", "writeoff_authority"} <= set(SPECS)
    assert "register_debt_types" in SPECS


@pytest.mark.parametrize("name", sorted(SPECS))
def test_hookspec_is_documented(name):
    fn = SPECS[name]
    doc = inspect.getdoc(fn)
    assert doc, f"{name} has no docstring"
    summary = doc.splitlines()[0].strip()
    assert len(summary) > 15 and summary.endswith("."), f"{name}: the first line should be a one-sentence summary"
    for param in inspect.signature(fn).parameters:
        assert re.search(rf"^:param {param}:\s*\S", doc, re.M), f"{name}: no ':param {param}:' with a description"
    documented = re.findall(r"^:param (\w+):", doc, re.M)
    assert set(documented) <= set(inspect.signature(fn).parameters), f"{name}: documents parameters it does not take"
    assert re.search(r"^:returns:\s*\S", doc, re.M), f"{name}: no ':returns:'"
    assert re.search(r"\bFires\b", doc), f"{name}: does not say when it fires"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_firstresult_hooks_say_so(name):
    doc = inspect.getdoc(SPECS[name])
    firstresult = SPECS[name].arrears_spec["firstresult"]
    says_first_wins = "Stops at the first non-None result" in " ".join(doc.split())
    assert says_first_wins == firstresult, f"{name}: the docstring must say whether the first answer wins"


def _test_sources() -> str:
    return "\n".join(p.read_text() for p in sorted(TESTS.rglob("test_*.py")))


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_hook_has_a_test(name):
    assert re.search(rf"^def test_hook_{name}\(", _test_sources(), re.M), f"no test named test_hook_{name} under {TESTS}"
