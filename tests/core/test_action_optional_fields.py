"""An officer action's optional fields: taken when given, never demanded, listed apart from the required ones."""

from __future__ import annotations

from datetime import date

import pytest

from arrears import Billing, Charge, DebtType, DebtTypeRules, Ladder, Parameters, Stage, Transition, cleared, hookimpl
from arrears.services.accounts import add_officer, show_account
from arrears.services.actions import list_actions, record_action
from arrears.errors import ActionRefused
from arrears.services.account_import import import_accounts
from arrears.engine.plugins import build_plugin_host
from arrears.engine.registration import register_council

COUNCIL = "testshire"
ON = date(2025, 4, 2)

class SkipHireRules(DebtTypeRules):
    def bill(self, case, context):
        return Billing(charges=[Charge(case.amount_pence, case.opened_on, "Skip hire")])

    def action_facts(self, case, action, fields, context):
        return ({"monthly_given": bool(fields.get("monthly"))}, "With a monthly amount." if fields.get("monthly") else "")


SKIP_HIRE = DebtType(
    id="skip_hire", label="Skip hire", params=Parameters, guards={"cleared": cleared},
    ladder=Ladder(
        stages=(Stage("billed", "Billed"), Stage("agreed", "Arrangement agreed"), Stage("paid", "Paid", terminal=True)),
        transitions=(
            Transition("cleared", "billed", "paid", guard="cleared"),
            Transition("agree", "billed", "agreed", kind="action", fields=("agreed_with",),
                       optional_fields=("monthly",), reason="Record an arrangement."),
            Transition("agreement_ended", "agreed", "billed", kind="action", fields=("outcome",), reason="It ended."),
        )),
    rules=SkipHireRules(),
)


class SkipHire:
    @hookimpl
    def register_debt_types(self, register):
        register(SKIP_HIRE)


@pytest.fixture
def council(engine, data_dir, tmp_path):
    host = build_plugin_host(blocked=(), extra_plugins=[("skip", SkipHire())])
    text = (data_dir / "sundry_council.toml").read_text()
    text = text.replace('debt_types = ["sundry"]', 'debt_types = ["sundry", "skip_hire"]')
    text = text.replace("levels = { sundry = 5 }", "levels = { sundry = 5, skip_hire = 6 }")
    (tmp_path / "p.toml").write_text(text + "\n[debt_types.skip_hire]\n")
    register_council(engine, host, COUNCIL, tmp_path / "p.toml")
    (tmp_path / "a.csv").write_text("reference,debt_type,debtor_ref,debtor_name,amount,date\n"
                                    "S1,skip_hire,D1,Debtor One,90.00,2025-04-01\nS2,skip_hire,D2,Debtor Two,90.00,2025-04-01\n")
    import_accounts(engine, host, COUNCIL, tmp_path / "a.csv", business_date=date(2025, 4, 1))
    add_officer(engine, COUNCIL, "alice", "recovery_officer")
    return engine, host


def test_optional_fields_are_listed_apart_and_taken_when_given(council):
    engine, host = council
    listed = list_actions(engine, host, COUNCIL, "S1")
    assert [(a["action"], a["fields"], a["optional_fields"]) for a in listed] == [("agree", ["agreed_with"], ["monthly"])]
    record_action(engine, host, COUNCIL, "S1", "agree", {"agreed_with": "D1"}, "alice", ON)
    record_action(engine, host, COUNCIL, "S2", "agree", {"agreed_with": "D2", "monthly": "30.00"}, "alice", ON)
    without, given = ([t for t in show_account(engine, host, COUNCIL, ref)["timeline"] if t["type"] == "stage"][-1]
                      for ref in ("S1", "S2"))
    assert (without["facts"]["monthly_given"], "monthly" in without["facts"]) == (False, False)
    assert (given["facts"]["monthly_given"], given["facts"]["monthly"]) == (True, "30.00")
    assert given["reason"].startswith("Record an arrangement. With a monthly amount.")


def test_required_fields_are_still_demanded_and_unknown_ones_refused(council):
    engine, host = council
    with pytest.raises(ActionRefused, match=r"agree: missing agreed_with=\.\.\. \(fields: agreed_with, monthly\)"):
        record_action(engine, host, COUNCIL, "S1", "agree", {"monthly": "30.00"}, "alice", ON)
    with pytest.raises(ActionRefused, match=r"agree: unknown weekly"):
        record_action(engine, host, COUNCIL, "S1", "agree", {"agreed_with": "D1", "weekly": "7.00"}, "alice", ON)
    assert show_account(engine, host, COUNCIL, "S1")["stage"] == "billed"
