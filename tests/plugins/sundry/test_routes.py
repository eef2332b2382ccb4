"""The officer routes of the sundry ladder and their returns to officer review, through the core services (DOMAIN §3.2)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears.services.actions import list_actions
from arrears.errors import ActionRefused
from arrears_sundry import SUNDRY
from arrears_sundry.review import review


@pytest.fixture
def reviewed(council_with):
    """A person's invoice of 3 March at officer review from 25 May (Letter of Claim of 24 April unanswered)."""
    council = council_with(pre_action_letters=True, service_suspension=True)
    council.invoice("R1", "400.00")
    council.run("2025-05-25")
    assert council.show("R1")["stage"] == "officer_review"
    return council


def actions(council, ref="R1") -> list[str]:
    return [a["action"] for a in list_actions(council.engine, council.host, "testshire", ref)]


def test_officer_review_offers_every_route():
    assert [a.name for a in SUNDRY.ladder.actions("officer_review")] == [
        "send_letter_of_claim", "send_letter_before_claim", "send_visiting_officer",
        "refer_collection_agent_after_review", "suspend_service", "record_acknowledgement", "issue_county_court_claim",
        "write_off"]
    assert [a.name for a in SUNDRY.ladder.actions("write_off_review")] == ["write_off"]
    assert [a.name for a in SUNDRY.ladder.actions("letter_of_claim")] == ["debtor_taking_advice", "write_off"]


def test_visiting_officer_and_back(reviewed):
    reviewed.act("R1", "send_visiting_officer", "2025-05-27", visiting_officer="J Bloggs")
    assert actions(reviewed) == ["visit_returned", "write_off"]
    reviewed.act("R1", "visit_returned", "2025-06-10", outcome="no one at home")
    assert reviewed.moves("R1")[-2:] == [("2025-05-27", "send_visiting_officer", "visiting_officer"),
                                        ("2025-06-10", "visit_returned", "officer_review")]


def test_collection_agent_after_review_and_back(reviewed):
    reviewed.act("R1", "refer_collection_agent_after_review", "2025-05-27", agent="Marstons")
    reviewed.act("R1", "agent_returned", "2025-07-01", outcome="unable to collect")
    assert [m[1:] for m in reviewed.moves("R1")[-2:]] == [("refer_collection_agent_after_review", "with_agent"),
                                                          ("agent_returned", "officer_review")]


def test_a_claim_that_ends_without_judgment_comes_back(reviewed):
    reviewed.act("R1", "issue_county_court_claim", "2025-05-27", court="CCMCC")
    assert actions(reviewed) == ["record_judgment", "claim_ended", "write_off"]
    reviewed.act("R1", "claim_ended", "2025-07-01", outcome="discontinued")
    assert reviewed.show("R1")["stage"] == "officer_review"


def test_enforcement_returns_to_judgment_for_another_method(reviewed):
    reviewed.act("R1", "issue_county_court_claim", "2025-05-27", court="CCMCC")
    reviewed.act("R1", "record_judgment", "2025-06-16", judgment_date="2025-06-16", kind="admission")
    reviewed.act("R1", "enforce_judgment", "2025-06-17", method="order_to_obtain_information")
    reviewed.act("R1", "enforcement_returned", "2025-07-15", outcome="information obtained")
    reviewed.act("R1", "enforce_judgment", "2025-07-16", method="attachment_of_earnings")
    assert [m[1] for m in reviewed.moves("R1")[-3:]] == ["enforce_judgment", "enforcement_returned", "enforce_judgment"]


def test_a_refused_action_changes_nothing(reviewed):
    reviewed.act("R1", "issue_county_court_claim", "2025-05-27", court="CCMCC")  # served Thu 29 May
    before = reviewed.show("R1")
    with pytest.raises(ActionRefused, match="kind: 'summary' is not one of default, admission, hearing"):
        reviewed.act("R1", "record_judgment", "2025-05-28", judgment_date="2025-05-28", kind="summary")
    with pytest.raises(ActionRefused, match="possible from 2025-06-13"):
        reviewed.act("R1", "record_judgment", "2025-06-12", judgment_date="2025-06-12", kind="default")
    assert reviewed.show("R1") == before


def test_service_suspension_and_its_end(reviewed):
    reviewed.act("R1", "suspend_service", "2025-05-27", service="pest control contract")
    assert actions(reviewed) == ["suspension_ended", "write_off"]
    reviewed.act("R1", "suspension_ended", "2025-06-30", outcome="service cancelled")
    assert reviewed.show("R1")["stage"] == "officer_review"


def test_an_acknowledgement_is_recorded_and_restarts_time(reviewed):
    reviewed.act("R1", "record_acknowledgement", "2025-06-02", document="signed letter of 2 June")
    reviewed.run("2025-06-02")
    assert reviewed.moves("R1")[-2:] == [("2025-06-02", "record_acknowledgement", "acknowledged"),
                                        ("2025-06-02", "acknowledgement_recorded", "officer_review")]
    assert "a claim may be issued until 2031-06-02" in reviewed.reasons("R1")["acknowledgement_recorded"]


def test_a_sent_letter_before_claim_in_the_ladder(case, ctx):
    """A company under a profile without a final notice: the letter follows the reminder."""
    c = case(today=date(2025, 4, 9), stage="reminder", stage_since=date(2025, 3, 25), kind="company")
    move = review(c, ctx(date(2025, 4, 9), final_notice=False)).move
    assert (move.rule, move.to_stage) == ("letter_before_claim_after_reminder", "letter_before_claim")
    assert move.reason.startswith("£120.50 unpaid after the reminder of 2025-03-25 (pay by 2025-04-08); letter before claim")
