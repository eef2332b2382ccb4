"""The five bundled council profiles: each validates, registers, runs the debt types its seed covers, and explains
every value it sets."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

COUNCILS = ("stockport", "rotherham", "reading", "rutland", "oadby_wigston")
PROFILES = Path(__file__).parents[2] / "councils"

# The debt types each seed's scope covers (DOMAIN §0).
SCOPE = {
    "stockport": {"council_tax", "nndr", "hb_overpayment", "rents", "sundry"},
    "rotherham": {"council_tax", "nndr", "sundry", "hb_overpayment"},
    "reading": {"council_tax", "nndr", "rents", "hb_overpayment", "sundry", "pcn"},
    "rutland": {"rents", "council_tax", "nndr", "hb_overpayment", "pcn", "sundry"},
    "oadby_wigston": {"council_tax", "nndr", "hb_overpayment"},
}
KEY = re.compile(r'^[A-Za-z0-9_"]+\s*=')


def unexplained(text: str) -> list[tuple[int, str]]:
    """Lines setting a value with no comment above them (other settings and array lines in between allowed)."""
    lines = text.splitlines()
    missing = []
    for i, line in enumerate(lines):
        if KEY.match(line):
            j = i - 1
            while j >= 0 and (KEY.match(lines[j]) or lines[j].startswith((" ", "]", "}"))):
                j -= 1
            if j < 0 or not lines[j].startswith("#"):
                missing.append((i + 1, line))
    return missing


def test_unexplained_finds_a_value_without_a_comment():
    assert unexplained("# why\na = 1\nb = [\n  1,\n]\n\nc = 2\n") == [(7, "c = 2")]
    assert unexplained("[x]\n# why\na = 1\n[[y]]\nb = 2\n") == [(5, "b = 2")]


def test_every_bundled_council_is_shipped():
    assert sorted(p.stem for p in PROFILES.glob("*.toml")) == sorted(COUNCILS)


@pytest.mark.parametrize("council_id", COUNCILS)
def test_profile_validates_and_explains_every_value(arrears, council_id):
    path = PROFILES / f"{council_id}.toml"
    checked = arrears("profile", "check", path)
    assert checked.output.strip() == "1 profile OK"
    text = path.read_text()
    assert unexplained(text) == []
    assert not re.search(r"/(work|tmp|home)/", text)
    data = tomllib.loads(text)
    assert data["council"]["id"] == council_id
    assert set(data["council"]["debt_types"]) == SCOPE[council_id]


@pytest.mark.parametrize("council_id", COUNCILS)
def test_init_registers_the_bundled_profile(council, council_id):
    registered = council(council_id)
    shown = registered.profile()
    assert shown["council"]["id"] == council_id
    assert set(shown["council"]["debt_types"]) == SCOPE[council_id]
    assert set(shown["priority"]["levels"]) == SCOPE[council_id]
    # Every debt type it runs is ranked on the same 1-5 scale (Rutland's table, DOMAIN §8.1).
    assert all(1 <= level <= 5 for level in shown["priority"]["levels"].values())
    # The last write-off authority is unlimited; every other has a limit.
    delegations = shown["write_off"]["delegations"]
    assert delegations[-1]["up_to_pence"] is None and all(d["up_to_pence"] for d in delegations[:-1])
    report = registered.run_to("2025-04-01")
    assert report["cases_evaluated"] == 0
