"""``arrears account show/actions/act`` and ``arrears officer add``: the case an officer works."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

# At 2025-04-24 the March invoices are at further recovery; the late one is still an invoice.
INVOICES = [
    ("INV1", "120.50", "2025-03-03"),
    ("SMALL", "80.00", "2025-03-03"),
    ("BIG", "1000.00", "2025-03-03"),
    ("LATE", "45.00", "2025-04-20"),
]


@pytest.fixture
def cases(council, h, tmp_path):
    h.write_invoices(tmp_path / "a.csv", INVOICES)
    council("import", "accounts", tmp_path / "a.csv", "--council", "testshire")
    h.write_payments(tmp_path / "p.csv", [("INV1", "20.50", "2025-03-10")])
    council("import", "payments", tmp_path / "p.csv", "--council", "testshire")
    h.run_json(council, "2025-04-24")
    council("officer", "add", "jsmith", "--council", "testshire", "--role", "recovery_officer")
    return council


def _act(cli, ref, action, *fields, officer="jsmith", expect=0, on="2025-05-01"):
    return cli("account", "act", ref, action, *fields, "--council", "testshire",
               "--officer", officer, "--date", on, expect=expect)


def _actions(cli, ref):
    return json.loads(cli("account", "actions", ref, "--council", "testshire", "--json").output)


def _ledger(engine, ref):
    with engine.connect() as conn:
        return conn.execute(sa.text(
            "SELECT l.kind, l.amount_pence, l.effective_on, l.officer_id FROM ledger_entry l "
            "JOIN account a ON a.id = l.account_id WHERE a.reference = :r ORDER BY l.id"
        ), {"r": ref}).all()


def test_show_json_has_the_account_and_its_whole_timeline(cases, engine, h):
    shown = h.show(cases, "INV1")
    for key in ("reference", "debt_type", "debtor", "balance_pence", "stage", "stage_since", "timeline"):
        assert key in shown, key
    assert (shown["reference"], shown["debt_type"], shown["stage"], shown["stage_since"]) == (
        "INV1", "sundry", "further_recovery", "2025-04-24")
    assert shown["debtor"] == {"reference": "D-INV1", "name": "Debtor D-INV1", "kind": "person"}
    cached, ledger_sum = h.ledger_sums(engine)["INV1"]
    assert shown["balance_pence"] == ledger_sum == cached == 10000
    kinds = [t["type"] for t in shown["timeline"]]
    assert kinds == ["charge", "payment", "stage", "stage", "stage"]
    charge, payment = shown["timeline"][:2]
    assert (charge["amount_pence"], charge["date"]) == (12050, "2025-03-03")
    assert (payment["amount_pence"], payment["date"]) == (-2050, "2025-03-10")
    moves = [t for t in shown["timeline"] if t["type"] == "stage"]
    assert [(m["date"], m["from"], m["to"]) for m in moves] == [
        ("2025-03-25", "invoice", "reminder"),
        ("2025-04-09", "reminder", "final_notice"),
        ("2025-04-24", "final_notice", "further_recovery"),
    ]
    assert [m["rule"] for m in moves] == ["reminder_after_terms", "final_notice_after_reminder", "refer_after_final_notice"]
    assert all(m["reason"] and m["officer"] is None and isinstance(m["run_id"], int) for m in moves)
    assert "£100.00 unpaid after the 21-day payment terms" in moves[0]["reason"]


def test_show_text_gives_the_reason_for_each_move(cases):
    text = cases("account", "show", "INV1", "--council", "testshire").output
    assert "INV1" in text and "further_recovery" in text
    assert "unpaid after the 21-day payment terms; reminder issued." in text
    assert "[refer_after_final_notice]" in text


def test_show_unknown_account_is_refused(cases):
    result = cases("account", "show", "NOPE", "--council", "testshire", expect=1)
    assert "no account 'NOPE'" in result.output


def test_actions_depend_on_the_stage(cases):
    further = {a["action"]: a for a in _actions(cases, "INV1")}
    assert set(further) == {"refer_collection_agent", "write_off"}
    assert further["refer_collection_agent"]["fields"] == ["agent"]
    assert further["refer_collection_agent"]["to_stage"] == "with_agent"
    assert further["write_off"]["fields"] == ["reason"]
    assert [a["action"] for a in _actions(cases, "LATE")] == ["write_off"]
    text = cases("account", "actions", "INV1", "--council", "testshire").output
    assert "refer_collection_agent" in text and "agent=..." in text


def test_refer_to_agent_moves_the_case_and_records_the_officer(cases, h):
    result = _act(cases, "INV1", "refer_collection_agent", "agent=Marstons")
    assert "further_recovery -> with_agent" in result.output
    shown = h.show(cases, "INV1")
    assert (shown["stage"], shown["stage_since"]) == ("with_agent", "2025-05-01")
    last = [t for t in shown["timeline"] if t["type"] == "stage"][-1]
    assert (last["date"], last["from"], last["to"], last["rule"], last["officer"]) == (
        "2025-05-01", "further_recovery", "with_agent", "refer_collection_agent", "jsmith")
    assert last["facts"]["agent"] == "Marstons"
    assert "jsmith" in last["reason"]
    assert [a["action"] for a in _actions(cases, "INV1")] == ["agent_returned", "write_off"]
    assert "by jsmith" in cases("account", "show", "INV1", "--council", "testshire").output
    # The nightly run leaves an officer's move alone.
    h.run_json(cases, "2025-05-02")
    assert h.show(cases, "INV1")["stage"] == "with_agent"


def test_action_not_allowed_at_the_stage_is_refused_naming_the_allowed_ones(cases, h):
    result = _act(cases, "INV1", "agent_returned", "outcome=nothing", expect=1)
    assert "agent_returned" in result.output
    assert "allowed: refer_collection_agent, write_off" in result.output
    result = _act(cases, "LATE", "refer_collection_agent", "agent=Marstons", expect=1)
    assert "allowed: write_off" in result.output
    assert (h.show(cases, "INV1")["stage"], h.show(cases, "LATE")["stage"]) == ("further_recovery", "invoice")


def test_missing_field_and_unknown_officer_are_refused(cases, h):
    result = _act(cases, "INV1", "refer_collection_agent", expect=1)
    assert "missing agent=" in result.output
    result = _act(cases, "INV1", "refer_collection_agent", "agent=Marstons", officer="nobody", expect=1)
    assert "'nobody' is not an officer of council 'testshire'" in result.output
    assert "Traceback" not in result.output
    shown = h.show(cases, "INV1")
    assert shown["stage"] == "further_recovery"
    assert [t["type"] for t in shown["timeline"]].count("stage") == 3


def test_write_off_reason_must_be_one_of_the_profile_reasons(cases, h):
    result = _act(cases, "SMALL", "write_off", "reason=bored", expect=1)
    assert "uneconomical, cannot_trace" in result.output
    assert h.show(cases, "SMALL")["stage"] == "further_recovery"


def test_small_write_off_by_a_recovery_officer(cases, engine, h):
    _act(cases, "SMALL", "write_off", "reason=uneconomical")
    shown = h.show(cases, "SMALL")
    assert (shown["stage"], shown["balance_pence"], shown["closed_on"]) == ("written_off", 0, "2025-05-01")
    assert shown["balance_cache_ok"] is True
    assert h.ledger_sums(engine)["SMALL"] == (0, 0)
    entries = _ledger(engine, "SMALL")
    assert [(e[0], e[1], str(e[2])) for e in entries] == [("charge", 8000, "2025-03-03"), ("write_off", -8000, "2025-05-01")]
    assert entries[-1][3] is not None
    last = [t for t in shown["timeline"] if t["type"] == "stage"][-1]
    assert (last["rule"], last["officer"], last["facts"]["authority_needed"]) == ("write_off", "jsmith", "recovery_officer")
    assert _actions(cases, "SMALL") == []


def test_large_write_off_needs_the_s151_officer(cases, engine, h):
    result = _act(cases, "BIG", "write_off", "reason=cannot_trace", expect=1)
    assert "s151_officer" in result.output and "recovery_officer" in result.output
    assert h.show(cases, "BIG")["stage"] == "further_recovery"
    assert [e[0] for e in _ledger(engine, "BIG")] == ["charge"]
    cases("officer", "add", "cfo", "--council", "testshire", "--role", "s151_officer")
    _act(cases, "BIG", "write_off", "reason=cannot_trace", officer="cfo")
    shown = h.show(cases, "BIG")
    assert (shown["stage"], shown["balance_pence"]) == ("written_off", 0)
    assert [(e[0], e[1]) for e in _ledger(engine, "BIG")] == [("charge", 100000), ("write_off", -100000)]
    last = [t for t in shown["timeline"] if t["type"] == "stage"][-1]
    assert (last["officer"], last["facts"]["authority_needed"]) == ("cfo", "s151_officer")


def test_officer_own_limit_below_the_delegation_is_enforced(cases, h):
    cases("officer", "add", "trainee", "--council", "testshire", "--role", "recovery_officer", "--write-off-limit", "50.00")
    result = _act(cases, "SMALL", "write_off", "reason=uneconomical", officer="trainee", expect=1)
    assert "own limit" in result.output
    assert h.show(cases, "SMALL")["stage"] == "further_recovery"


def test_an_action_dated_before_the_stage_it_acts_on_is_refused(cases, h, engine):
    since = h.show(cases, "INV1")["stage_since"]
    before = _ledger(engine, "INV1")
    day_before = (date.fromisoformat(since) - timedelta(days=1)).isoformat()
    result = _act(cases, "INV1", "refer_collection_agent", "agent=Marstons", on=day_before, expect=1)
    assert (f"INV1: refer_collection_agent: dated {day_before}, before the case reached stage 'further_recovery' on "
            f"{since}") in result.output
    assert h.show(cases, "INV1")["stage"] == "further_recovery" and _ledger(engine, "INV1") == before
    assert "further_recovery -> with_agent" in _act(cases, "INV1", "refer_collection_agent", "agent=Marstons", on=since).output
