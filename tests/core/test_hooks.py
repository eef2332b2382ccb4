"""One test per hook: a small plugin written here changes what the platform does, on both backends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from arrears import Billing, Charge, DebtType, Fee, Ladder, Outcome, Parameters, Stage, Transition, cleared, hookimpl
from arrears.services.accounts import add_officer, show_account
from arrears.services.actions import record_action
from arrears.errors import ActionRefused, ProfileError
from arrears.services.account_import import import_accounts
from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import load_profile
from arrears.engine.registration import register_council
from arrears.engine.runner import run_council

COUNCIL = "testshire"
INVOICE_DAY = date(2025, 3, 3)
REMINDER_DAY = date(2025, 3, 25)  # 21 days' terms run out on 24 March (WE-26)
FINAL_DAY = date(2025, 4, 9)


def plugin_host(name, plugin):
    host = build_plugin_host(blocked=(), extra_plugins=[(name, plugin)])
    assert host.failures == [], [p.error for p in host.failures]
    return host


def write_accounts(path, rows):
    """rows: (reference, debt_type, amount, date)."""
    lines = ["reference,debt_type,debtor_ref,debtor_name,amount,date"]
    lines += [f"{ref},{dt},D-{ref},Debtor {ref},{amount},{on}" for ref, dt, amount, on in rows]
    path.write_text("\n".join(lines) + "\n")
    return path


def setup(engine, host, tmp_path, profile_path, rows):
    register_council(engine, host, COUNCIL, profile_path)
    import_accounts(engine, host, COUNCIL, write_accounts(tmp_path / "accounts.csv", rows), business_date=INVOICE_DAY)


def sundry(engine, host, tmp_path, data_dir, *invoices):
    setup(engine, host, tmp_path, data_dir / "sundry_council.toml",
          [(ref, "sundry", amount, INVOICE_DAY.isoformat()) for ref, amount in invoices])


def entries(shown, kind):
    return [(t["date"], t["amount_pence"], t["code"]) for t in shown["timeline"] if t["type"] == kind]


def stages(shown):
    return [(t["date"], t["to"]) for t in shown["timeline"] if t["type"] == "stage"]


# --- a third-party debt type: trade waste --------------------------------------------------------


class TradeWasteParameters(Parameters):
    admin_charge_pence: int = 0


TRADE_WASTE = DebtType(
    id="trade_waste", label="Trade waste", params=TradeWasteParameters, guards={"cleared": cleared},
    ladder=Ladder(stages=(Stage("billed", "Billed"), Stage("paid", "Paid", terminal=True)),
                  transitions=(Transition("cleared", "billed", "paid", guard="cleared"),)),
)


class TradeWaste:
    @hookimpl
    def register_debt_types(self, register):
        register(TRADE_WASTE)

    @hookimpl
    def bill_accounts(self, context, cases):
        if context.debt_type.id != "trade_waste":
            return None
        admin = context.params.admin_charge_pence
        return [
            Billing(
                charges=[Charge(c.amount_pence, c.opened_on, "Trade waste collections"),
                         Charge(admin, c.opened_on, "Admin charge")],
                instalments=[(c.opened_on + timedelta(days=30), c.amount_pence + admin)],
            )
            for c in cases
        ]


def trade_waste_profile(data_dir, tmp_path, extra=""):
    text = (data_dir / "sundry_council.toml").read_text()
    text = text.replace('debt_types = ["sundry"]', 'debt_types = ["sundry", "trade_waste"]')
    text = text.replace("levels = { sundry = 5 }", "levels = { sundry = 5, trade_waste = 6 }")
    path = tmp_path / "trade_waste.toml"
    path.write_text(text + "\n[debt_types.trade_waste]\nadmin_charge_pence = 1500\n" + extra)
    return path


def test_hook_register_debt_types(data_dir, tmp_path):
    host = plugin_host("trade", TradeWaste())
    assert host.debt_types["trade_waste"].plugin == "trade"
    assert [p.debt_types for p in host.plugins if p.name == "trade"] == [["trade_waste"]]
    path = trade_waste_profile(data_dir, tmp_path)
    profile = load_profile(path, host.debt_types)
    assert profile.params("trade_waste", INVOICE_DAY).admin_charge_pence == 1500
    # Without the plugin the same profile names a debt type nobody provides.
    with pytest.raises(ProfileError, match=r"council\.debt_types\[1\]: unknown debt type 'trade_waste'"):
        load_profile(path, build_plugin_host(blocked=()).debt_types)
    # The registered parameters model validates the section.
    with pytest.raises(ProfileError, match=r"debt_types\.trade_waste\.bin_size: unknown key"):
        load_profile(trade_waste_profile(data_dir, tmp_path, extra="bin_size = 1100\n"), host.debt_types)


def test_hook_bill_accounts(engine, data_dir, tmp_path):
    host = plugin_host("trade", TradeWaste())
    setup(engine, host, tmp_path, trade_waste_profile(data_dir, tmp_path),
          [("TW1", "trade_waste", "240.00", "2025-04-01"), ("S1", "sundry", "10.00", "2025-04-01")])
    report = run_council(engine, host, COUNCIL, date(2025, 4, 1))
    assert report.accounts_billed == 2
    assert report.charges_pence == 24000 + 1500 + 1000
    assert report.without_rules == ["trade_waste"]  # it bills, but has no progression of its own
    shown = show_account(engine, host, COUNCIL, "TW1")
    charges = [(t["date"], t["amount_pence"], t["description"]) for t in shown["timeline"] if t["type"] == "charge"]
    assert sorted(charges) == [("2025-04-01", 1500, "Admin charge"), ("2025-04-01", 24000, "Trade waste collections")]
    assert shown["balance_pence"] == 25500 and shown["balance_cache_ok"]
    assert [{k: s[k] for k in ("due_on", "amount_pence")} for s in shown["schedule"]] == [{"due_on": "2025-05-01", "amount_pence": 25500}]
    # Billing happens once: a later run raises nothing more.
    assert run_council(engine, host, COUNCIL, date(2025, 4, 20)).charges_pence == 0


class ReminderFee:
    @hookimpl
    def transition_fees(self, context, moves):
        if context.debt_type.id != "sundry":
            return None
        return [Fee(case.id, 1000, "test_fee", "Reminder fee") for case, move in moves if move.to_stage == "reminder"]


def test_hook_transition_fees(engine, data_dir, tmp_path):
    host = plugin_host("fees", ReminderFee())
    sundry(engine, host, tmp_path, data_dir, ("INV1", "120.50"), ("INV2", "80.00"))
    first = run_council(engine, host, COUNCIL, REMINDER_DAY - timedelta(days=1))
    assert first.fees_pence == 0  # nothing has moved yet
    report = run_council(engine, host, COUNCIL, FINAL_DAY)
    assert report.fees_pence == 2000  # one fee per reminder; the final notice adds none
    for ref, amount in (("INV1", 12050), ("INV2", 8000)):
        shown = show_account(engine, host, COUNCIL, ref)
        assert stages(shown) == [(REMINDER_DAY.isoformat(), "reminder"), (FINAL_DAY.isoformat(), "final_notice")]
        assert entries(shown, "fee") == [(REMINDER_DAY.isoformat(), 1000, "test_fee")]
        assert shown["balance_pence"] == amount + 1000 and shown["balance_cache_ok"]


class HighBalanceFirst:
    @hookimpl
    def case_priority(self, profile, debt_type, balance_pence):
        return 1 if balance_pence > 10000 else None


def test_hook_case_priority(engine, host, data_dir, tmp_path):
    urgent = plugin_host("priority", HighBalanceFirst())
    sundry(engine, urgent, tmp_path, data_dir, ("BIG", "120.50"), ("SMALL", "50.00"))
    run_council(engine, urgent, COUNCIL, INVOICE_DAY)
    assert show_account(engine, urgent, COUNCIL, "BIG")["priority"] == 1
    assert show_account(engine, urgent, COUNCIL, "SMALL")["priority"] == 5  # None: the profile's level answers
    assert show_account(engine, host, COUNCIL, "BIG")["priority"] == 5  # without the plugin


class CabinetForEverything:
    @hookimpl
    def writeoff_authority(self, profile, request):
        return "cabinet"


def test_hook_writeoff_authority(engine, host, data_dir, tmp_path):
    strict = plugin_host("cabinet_only", CabinetForEverything())
    sundry(engine, host, tmp_path, data_dir, ("W1", "50.00"), ("W2", "50.00"))
    run_council(engine, host, COUNCIL, INVOICE_DAY)
    add_officer(engine, COUNCIL, "alice", "recovery_officer")
    add_officer(engine, COUNCIL, "carol", "cabinet")
    on = INVOICE_DAY + timedelta(days=1)
    # £50 is within a recovery officer's delegation (up to £100) under the profile alone.
    assert record_action(engine, host, COUNCIL, "W1", "write_off", {"reason": "uneconomical"}, "alice", on)["to"] == "written_off"
    with pytest.raises(ActionRefused, match="cabinet"):
        record_action(engine, strict, COUNCIL, "W2", "write_off", {"reason": "uneconomical"}, "alice", on)
    refused = show_account(engine, strict, COUNCIL, "W2")
    assert (refused["stage"], refused["balance_pence"], entries(refused, "write_off")) == ("invoice", 5000, [])
    done = record_action(engine, strict, COUNCIL, "W2", "write_off", {"reason": "uneconomical"}, "carol", on)
    assert done["to"] == "written_off"
    shown = show_account(engine, strict, COUNCIL, "W2")
    assert shown["balance_pence"] == 0 and entries(shown, "write_off") == [(on.isoformat(), -5000, "uneconomical")]
    assert [t["facts"]["authority_needed"] for t in shown["timeline"] if t["type"] == "stage"] == ["cabinet"]


class HoldEverything:
    @hookimpl(wrapper=True)
    def progress_cases(self, context, cases):
        outcomes = yield
        if outcomes is None:
            return None
        return [Outcome(None, context.today + timedelta(days=1)) for _ in outcomes]


def test_hook_progress_cases(engine, host, data_dir, tmp_path):
    hold = plugin_host("hold", HoldEverything())
    sundry(engine, hold, tmp_path, data_dir, ("H1", "120.50"))
    held = run_council(engine, hold, COUNCIL, date(2025, 4, 30))
    assert held.cases_evaluated > 0
    assert dict(held.moves) == {}
    shown = show_account(engine, hold, COUNCIL, "H1")
    assert (shown["stage"], stages(shown)) == ("invoice", [])
    # Without the hold, the overdue reminder is issued on the next run.
    released = run_council(engine, host, COUNCIL, date(2025, 5, 1))
    assert {dt: dict(c) for dt, c in released.moves.items()} == {"sundry": {"reminder": 1}}
    assert stages(show_account(engine, host, COUNCIL, "H1")) == [("2025-05-01", "reminder")]


def test_a_transition_posts_fees_or_adjustments_only():
    from arrears import Fee

    assert Fee(1, -500, "discount", "Discount earned", "adjustment").kind == "adjustment"
    assert Fee(1, 500, "costs", "Costs").kind == "fee"
    with pytest.raises(ValueError, match="a fee or an adjustment, not 'payment'"):
        Fee(1, -500, "x", "y", "payment")
