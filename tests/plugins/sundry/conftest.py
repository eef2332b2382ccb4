"""Fixtures for the sundry tests: cases and contexts built by hand, and a council driven through the core services."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from arrears import Case, Context, WorkingCalendar
from arrears.accounts import add_officer, record_action, show_account
from arrears.db import make_engine
from arrears.importer import import_accounts, import_payments
from arrears.registration import register_council
from arrears.runner import run_council
from arrears_sundry import SUNDRY
from arrears_sundry.params import SundryParameters

COUNCIL = "testshire"
PROFILE = Path(__file__).parents[2] / "data" / "sundry_council.toml"
ROTHERHAM = {"payment_terms_days": 21, "reminder_days": 14, "final_notice_days": 14}


def make_case(*, today: date, stage: str = "invoice", stage_since: date | None = None,
              opened_on: date = date(2025, 3, 3), amount: int = 12_050, paid: int = 0, charged: int | None = None,
              balance: int | None = None, kind: str = "person", state: dict | None = None,
              last_payment_on: date | None = None, attrs: dict | None = None) -> Case:
    """A sundry case as the runner would load it (money in pence)."""
    charged = amount if charged is None else charged
    balance = charged - paid if balance is None else balance
    return Case(1, "INV1", "sundry", kind, stage, stage_since or opened_on, opened_on, amount, balance, paid, charged,
                last_payment_on, today, attrs or {}, state if state is not None else {})


def make_context(today: date, calendar: WorkingCalendar | None = None, **params) -> Context:
    """A context with the sundry parameters: Rotherham's 21/14/14 unless given."""
    values = {**ROTHERHAM, **params}
    return Context(COUNCIL, SUNDRY, SundryParameters(**values), calendar or WorkingCalendar(), today, None, "test")


@pytest.fixture
def case():
    return make_case


@pytest.fixture
def ctx():
    return make_context


class Council:
    """Council ``testshire`` (sundry only) driven through the core services: import, run, show, act."""

    def __init__(self, engine, host, folder: Path, profile: Path):
        self.engine, self.host, self.folder = engine, host, folder
        self.files = 0
        register_council(engine, host, COUNCIL, profile)
        add_officer(engine, COUNCIL, "officer", "s151_officer")

    def _file(self, kind: str, lines: list[str]) -> Path:
        self.files += 1
        path = self.folder / f"{kind}_{self.files}.csv"
        path.write_text("\n".join(lines) + "\n")
        return path

    def invoice(self, reference: str = "INV1", amount: str = "120.50", on: str = "2025-03-03", kind: str = "person",
                service: str = "") -> str:
        lines = ["reference,debt_type,debtor_ref,debtor_name,debtor_kind,amount,date,service",
                 f'{reference},sundry,D-{reference},Debtor {reference},{kind},"{amount}",{on},{service}']
        import_accounts(self.engine, self.host, COUNCIL, self._file("accounts", lines))
        return reference

    def pay(self, reference: str, amount: str, on: str) -> None:
        lines = ["reference,amount,date", f'{reference},"{amount}",{on}']
        import_payments(self.engine, self.host, COUNCIL, self._file("payments", lines))

    def run(self, to: date | str):
        return run_council(self.engine, self.host, COUNCIL, to if isinstance(to, date) else date.fromisoformat(to))

    def show(self, ref: str = "INV1") -> dict:
        return show_account(self.engine, self.host, COUNCIL, ref)

    def moves(self, ref: str = "INV1") -> list[tuple[str, str, str]]:
        return [(t["date"], t["rule"], t["to"]) for t in self.show(ref)["timeline"] if t["type"] == "stage"]

    def reasons(self, ref: str = "INV1") -> dict[str, str]:
        return {t["rule"]: t["reason"] for t in self.show(ref)["timeline"] if t["type"] == "stage"}

    def fees(self, ref: str = "INV1") -> list[tuple[str, str, int]]:
        return [(t["date"], t["code"], t["amount_pence"]) for t in self.show(ref)["timeline"] if t["type"] == "fee"]

    def act(self, ref: str, action: str, on: date | str, **fields: str) -> dict:
        on = on if isinstance(on, date) else date.fromisoformat(on)
        return record_action(self.engine, self.host, COUNCIL, ref, action, fields, "officer", on)


@pytest.fixture
def lite(sqlite_template, tmp_path):
    """An engine on a fresh SQLite database (the rules are backend-neutral; the CLI scenario covers both backends)."""
    target = tmp_path / "sundry.db"
    shutil.copy(sqlite_template, target)
    engine = make_engine(f"sqlite:///{target}")
    yield engine
    engine.dispose()


@pytest.fixture
def council_with(lite, host, tmp_path):
    """A council whose profile is the test profile (21/14/14) with some keys replaced or added."""

    def make(**values) -> Council:
        lines = PROFILE.read_text().splitlines()
        for key, value in values.items():
            text = value if isinstance(value, str) and value[:1] in "[{\"" else json.dumps(value)
            lines = [ln for ln in lines if not ln.startswith(f"{key} = ")] + [f"{key} = {text}"]
        path = tmp_path / "profile.toml"
        path.write_text("\n".join(lines) + "\n")
        return Council(lite, host, tmp_path, path)

    return make
