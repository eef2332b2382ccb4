"""Court fees by date: the possession claim and the warrant of possession (DOMAIN §7.2, WE-39)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import load_profile
from arrears_rents.fees import fee_for


@pytest.fixture(scope="module")
def profile():
    host = build_plugin_host(blocked=())
    return load_profile(Path(__file__).parents[2] / "data" / "rents_council.toml", host.debt_types)


@pytest.mark.parametrize("on,claim,warrant", [
    (date(2025, 3, 1), 39_100, 14_300),      # WE-39
    (date(2025, 4, 7), 39_100, 14_300),      # the day before the 2025 fees order
    (date(2025, 4, 8), 40_400, 14_800),      # in force 8 April 2025
    (date(2025, 5, 1), 40_400, 14_800),      # WE-39
])
def test_we39_fees_follow_the_dated_profile(profile, on, claim, warrant):
    params = profile.params("rents", on)
    assert fee_for("issue_possession_claim", params)[0] == claim
    assert fee_for("request_warrant", params)[0] == warrant
    assert fee_for("serve_nsp", params) is None


def test_we39_possession_claim_fee_through_the_cli(council, csv, h):
    h.open(council, csv, {"reference": "MARCH", "date": "2024-12-02"}, {"reference": "MAY", "date": "2024-12-02"})
    h.run_to(council, "2025-01-13")
    for ref in ("MARCH", "MAY"):
        assert h.show(council, ref)["stage"] == "contact_task"
        h.act(council, ref, "serve_nsp", "2025-01-13", "proceedings_date=2025-02-16", "served_by=hand")
    h.run_to(council, "2025-03-01")
    h.act(council, "MARCH", "issue_possession_claim", "2025-03-01", "claim_number=K1MARCH")
    h.run_to(council, "2025-05-01")
    refused = h.act(council, "MAY", "issue_possession_claim", "2025-05-01", "claim_number=K1MAY", expect=1)
    assert "a rent statement is overdue since 2025-03-03" in refused.output
    h.act(council, "MAY", "rent_statement_sent", "2025-05-01", "sent_on=2025-05-01")
    h.act(council, "MAY", "issue_possession_claim", "2025-05-01", "claim_number=K1MAY")
    march, may = h.show(council, "MARCH"), h.show(council, "MAY")
    assert h.entries(march, "fee") == [("2025-03-01", 39_100, "County court possession claim issue fee (CPR 55)")]
    assert h.entries(may, "fee") == [("2025-05-01", 40_400, "County court possession claim issue fee (CPR 55)")]
    assert march["stage"] == may["stage"] == "possession_claim"
