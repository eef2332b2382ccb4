"""Fixtures for the council rent tests: cases and contexts built by hand, and a council driven through the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from arrears import Case, Context, WorkingCalendar
from arrears_rents import RENTS
from arrears_rents.params import RentsParameters

COUNCIL = "rentshire"
MONDAY = date(2025, 4, 7)


def make_case(*, today: date, stage: str = "current", stage_since: date | None = None, opened_on: date = MONDAY,
              rent: int = 10_000, balance: int | None = None, paid: int = 0, charged: int | None = None,
              period: str = "weekly", rent_day: int | None = 1, attrs: dict | None = None, state: dict | None = None,
              last_payment_on: date | None = None) -> Case:
    """A rent case as the runner would load it: £100.00 a week from Monday 7 April 2025 unless told (money in pence)."""
    charged = rent if charged is None else charged
    balance = charged - paid if balance is None else balance
    cols = {"rent_period": period, **({"rent_day": rent_day} if rent_day is not None else {}), **(attrs or {})}
    return Case(1, "R1", "rents", "person", stage, stage_since or opened_on, opened_on, rent, balance, paid, charged,
                last_payment_on, today, cols, dict(state or {}))


def make_context(today: date, calendar: WorkingCalendar | None = None, **params) -> Context:
    """A context for council ``rentshire`` with the rent parameters (defaults unless given)."""
    return Context(COUNCIL, RENTS, RentsParameters(**params), calendar or WorkingCalendar(), today, None, "test")


@pytest.fixture
def case():
    return make_case


@pytest.fixture
def ctx():
    return make_context


@pytest.fixture
def council(arrears, data_dir):
    """The CLI with council ``rentshire`` (rents only) registered and officer ``hoa`` (a housing officer) added."""
    arrears("init", "--council", COUNCIL, "--profile", data_dir / "rents_council.toml")
    arrears("officer", "add", "hoa", "--council", COUNCIL, "--role", "housing_officer")
    return arrears


COLUMNS = ["reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date", "rent_period", "rent_day",
           "tenancy_start", "arrears_brought_forward", "last_statement_on", "benefit_claim_pending", "uc_managed_payment"]


class Csv:
    """Writes the accounts and payments files the CLI imports."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0

    def accounts(self, rows: list[dict]) -> Path:
        lines = [",".join(COLUMNS)]
        for r in rows:
            values = {"debt_type": "rents", "debtor_ref": f"T-{r['reference']}", "debtor_name": f"Tenant {r['reference']}",
                      "amount": "100.00", "date": MONDAY.isoformat(), "rent_period": "weekly", "rent_day": "1", **r}
            lines.append(",".join(str(values.get(c, "")) for c in COLUMNS))
        return self._write("accounts", lines)

    def payments(self, rows) -> Path:
        lines = ["reference,amount,date"] + [f"{ref},{amount},{on}" for ref, amount, on in rows]
        return self._write("payments", lines)

    def _write(self, kind: str, lines: list[str]) -> Path:
        self.count += 1
        path = self.folder / f"{kind}_{self.count}.csv"
        path.write_text("\n".join(lines) + "\n")
        return path


@pytest.fixture
def csv(tmp_path) -> Csv:
    return Csv(tmp_path)


class Helpers:
    """CLI steps: open accounts, pay, run, act, show."""

    @staticmethod
    def open(cli, csv, *rows: dict) -> None:
        cli("import", "accounts", csv.accounts(list(rows)), "--council", COUNCIL)

    @staticmethod
    def pay(cli, csv, *rows) -> None:
        cli("import", "payments", csv.payments(rows), "--council", COUNCIL)

    @staticmethod
    def run_to(cli, day) -> None:
        cli("run", "--council", COUNCIL, "--date", str(day))

    @staticmethod
    def act(cli, ref: str, action: str, on, *fields: str, expect: int | None = 0):
        return cli("account", "act", ref, action, *fields, "--council", COUNCIL, "--officer", "hoa", "--date", str(on),
                   expect=expect)

    @staticmethod
    def show(cli, ref: str) -> dict:
        return json.loads(cli("account", "show", ref, "--council", COUNCIL, "--json").output)

    @staticmethod
    def text(cli, ref: str) -> str:
        return cli("account", "show", ref, "--council", COUNCIL).output

    @staticmethod
    def moves(shown: dict) -> list[tuple[str, str, str]]:
        """(date, rule, to stage) of each stage move, in order."""
        return [(t["date"], t["rule"], t["to"]) for t in shown["timeline"] if t["type"] == "stage"]

    @staticmethod
    def events(shown: dict) -> list[dict]:
        return [t for t in shown["timeline"] if t["type"] == "stage"]

    @staticmethod
    def entries(shown: dict, kind: str) -> list[tuple[str, int, str]]:
        return [(t["date"], t["amount_pence"], t["description"]) for t in shown["timeline"] if t["type"] == kind]


@pytest.fixture
def h():
    return Helpers
