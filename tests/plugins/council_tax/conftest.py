"""Fixtures for the council tax tests: cases and contexts built by hand, and a council run through the core services."""

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
from arrears_council_tax import COUNCIL_TAX
from arrears_council_tax.params import CouncilTaxParameters

COUNCIL = "ctshire"
PROFILE = Path(__file__).parents[2] / "data" / "council_tax_council.toml"
ACCOUNT_COLUMNS = ("reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date", "financial_year")
OPTIONAL = ("debtor_kind", "joint_debtor_ref", "joint_debtor_name", "instalments", "instalment_day", "direct_debit",
            "employer", "benefit", "owns_dwelling")


def make_case(*, today: date, stage: str = "demand", stage_since: date | None = None, opened_on: date = date(2025, 3, 10),
              amount: int = 120_000, paid: int = 0, charged: int | None = None, balance: int | None = None,
              kind: str = "person", attrs: dict | None = None, state: dict | None = None, schedule: list | None = None,
              last_payment_on: date | None = None) -> Case:
    """A council tax case as the runner would load it (money in pence)."""
    charged = amount if charged is None else charged
    balance = charged - paid if balance is None else balance
    return Case(1, "CT1", "council_tax", kind, stage, stage_since or opened_on, opened_on, amount, balance, paid, charged,
                last_payment_on, today, attrs or {"financial_year": 2025}, state or {}, schedule)


def make_context(today: date, calendar: WorkingCalendar | None = None, **params) -> Context:
    """A context for council ``ctshire`` with the council tax parameters (defaults unless given)."""
    return Context(COUNCIL, COUNCIL_TAX, CouncilTaxParameters(**params), calendar or WorkingCalendar(), today, None, "test")


@pytest.fixture
def case():
    return make_case


@pytest.fixture
def ctx():
    return make_context


class Council:
    """Council ``ctshire`` driven through the core services: import, run, show, act."""

    def __init__(self, engine, host, folder: Path, profile: Path = PROFILE):
        self.engine, self.host, self.folder = engine, host, folder
        self.files = 0
        register_council(engine, host, COUNCIL, profile)
        add_officer(engine, COUNCIL, "officer", "s151_officer")

    def _file(self, kind: str, lines: list[str]) -> Path:
        self.files += 1
        path = self.folder / f"{kind}_{self.files}.csv"
        path.write_text("\n".join(lines) + "\n")
        return path

    def accounts(self, *rows: dict) -> None:
        """Each row: reference and amount at least; date 2025-03-10, year 2025 and a debtor of its own by default."""
        extra = [c for c in OPTIONAL if any(c in r for r in rows)]
        cols = list(ACCOUNT_COLUMNS) + extra
        lines = [",".join(cols)]
        for r in rows:
            values = {"debt_type": "council_tax", "debtor_ref": f"P-{r['reference']}", "debtor_name": f"Taxpayer {r['reference']}",
                      "date": "2025-03-10", "financial_year": "2025", **r}
            lines.append(",".join(f'"{values.get(c, "")}"' for c in cols))
        import_accounts(self.engine, self.host, COUNCIL, self._file("accounts", lines))

    def account(self, reference: str = "CT1", amount: str = "1200.00", **cols) -> str:
        self.accounts({"reference": reference, "amount": amount, **cols})
        return reference

    def pay(self, *payments: tuple[str, str, date | str]) -> None:
        lines = ["reference,amount,date"] + [f'{ref},"{amount}",{on}' for ref, amount, on in payments]
        import_payments(self.engine, self.host, COUNCIL, self._file("payments", lines))

    def run(self, to: date | str):
        return run_council(self.engine, self.host, COUNCIL, to if isinstance(to, date) else date.fromisoformat(to))

    def show(self, ref: str = "CT1") -> dict:
        return show_account(self.engine, self.host, COUNCIL, ref)

    def events(self, ref: str = "CT1") -> list[dict]:
        return [t for t in self.show(ref)["timeline"] if t["type"] == "stage"]

    def moves(self, ref: str = "CT1") -> list[tuple[str, str]]:
        return [(e["date"], e["to"]) for e in self.events(ref)]

    def fees(self, ref: str = "CT1") -> list[tuple[str, str, int]]:
        return [(t["date"], t["code"], t["amount_pence"]) for t in self.show(ref)["timeline"] if t["type"] == "fee"]

    def act(self, ref: str, action: str, on: date | str, **fields: str) -> dict:
        on = on if isinstance(on, date) else date.fromisoformat(on)
        return record_action(self.engine, self.host, COUNCIL, ref, action, fields, "officer", on)


@pytest.fixture
def lite(sqlite_template, tmp_path):
    """An engine on a fresh SQLite database (the rules are backend-neutral; the CLI tests cover both backends)."""
    target = tmp_path / "ct.db"
    shutil.copy(sqlite_template, target)
    engine = make_engine(f"sqlite:///{target}")
    yield engine
    engine.dispose()


@pytest.fixture
def council(lite, host, tmp_path) -> Council:
    return Council(lite, host, tmp_path)


@pytest.fixture
def council_with(lite, host, tmp_path):
    """A council whose profile has extra ``[debt_types.council_tax]`` lines."""

    def make(extra: str) -> Council:
        text = PROFILE.read_text().replace("[debt_types.council_tax]\n", "[debt_types.council_tax]\n" + extra + "\n")
        path = tmp_path / "profile.toml"
        path.write_text(text)
        return Council(lite, host, tmp_path, path)

    return make


def show_json(cli, ref: str) -> dict:
    return json.loads(cli("account", "show", ref, "--council", COUNCIL, "--json").output)
