"""Fixtures for the business rates tests: cases and contexts built by hand, and a registered test council."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from arrears import Case, Context, WorkingCalendar
from arrears_nndr import NNDR
from arrears_nndr.params import NndrParameters

COUNCIL = "ratesville"


def make_case(*, today: date, stage: str = "demand", stage_since: date | None = None, opened_on: date = date(2025, 3, 10),
              amount: int = 120_000, balance: int | None = None, paid: int = 0, charged: int | None = None,
              kind: str = "company", attrs: dict | None = None, state: dict | None = None,
              schedule: list | None = None, ref: str = "R1") -> Case:
    """A business rates case as the runner would load it (money in pence)."""
    charged = amount if charged is None else charged
    balance = charged - paid if balance is None else balance
    return Case(1, ref, "nndr", kind, stage, stage_since or opened_on, opened_on, amount, balance, paid, charged,
                None, today, attrs or {"financial_year": 2025}, state or {}, schedule)


def make_context(today: date, calendar: WorkingCalendar | None = None, **params) -> Context:
    """A context for council ``ratesville`` with the NNDR parameters (defaults unless given)."""
    return Context(COUNCIL, NNDR, NndrParameters(**params), calendar or WorkingCalendar(), today, None, "test")


@pytest.fixture
def case():
    return make_case


@pytest.fixture
def ctx():
    return make_context


@pytest.fixture
def make_council(arrears, data_dir, tmp_path):
    """Register council ``ratesville`` from the test profile with some ``key = value`` lines replaced; add officer jsmith."""

    def make(**changes):
        text = (data_dir / "nndr_council.toml").read_text()
        for key, value in changes.items():
            line = next(ln for ln in text.splitlines() if ln.startswith(f"{key} = "))
            text = text.replace(line, f"{key} = {value}")
        path = tmp_path / "profile.toml"
        path.write_text(text)
        arrears("init", "--council", COUNCIL, "--profile", path)
        arrears("officer", "add", "jsmith", "--council", COUNCIL, "--role", "recovery_officer")
        return arrears

    return make


@pytest.fixture
def council(make_council):
    """The CLI with council ``ratesville`` (business rates only) registered and officer ``jsmith`` added."""
    return make_council()


class Csv:
    """Writes the accounts and payments files the CLI imports."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0

    def accounts(self, rows: list[dict]) -> Path:
        cols = ["reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date", "debtor_kind", "financial_year",
                "instalments", "instalment_day"]
        lines = [",".join(cols)] + [",".join(str(r.get(c, "nndr" if c == "debt_type" else "")) for c in cols) for r in rows]
        return self._write("accounts", lines)

    def payments(self, rows: list[tuple[str, str, date]]) -> Path:
        lines = ["reference,amount,date"] + [f"{ref},{amount},{on.isoformat()}" for ref, amount, on in rows]
        return self._write("payments", lines)

    def _write(self, kind: str, lines: list[str]) -> Path:
        self.count += 1
        path = self.folder / f"{kind}_{self.count}.csv"
        path.write_text("\n".join(lines) + "\n")
        return path


@pytest.fixture
def csv(tmp_path) -> Csv:
    return Csv(tmp_path)


def open_account(cli, csv, ref: str, amount: str = "1200.00", issued: str = "2025-03-10", kind: str = "company",
                 payments=(), **cols) -> None:
    """Import one business rates account for 2025/26 and its payments ((amount, date) pairs)."""
    row = {"reference": ref, "debtor_ref": f"D-{ref}", "debtor_name": f"Ratepayer {ref}", "amount": amount,
           "date": issued, "debtor_kind": kind, "financial_year": 2025, **cols}
    cli("import", "accounts", csv.accounts([row]), "--council", COUNCIL)
    if payments:
        cli("import", "payments", csv.payments([(ref, a, on) for a, on in payments]), "--council", COUNCIL)


def run_to(cli, day) -> None:
    cli("run", "--council", COUNCIL, "--date", str(day))


def act(cli, ref: str, action: str, on, *fields: str, expect: int | None = 0):
    return cli("account", "act", ref, action, *fields, "--council", COUNCIL, "--officer", "jsmith", "--date", str(on),
               expect=expect)


def moves(shown_account: dict) -> list[tuple[str, str, str]]:
    """(date, rule, to stage) of each stage move, in order."""
    return [(t["date"], t["rule"], t["to"]) for t in shown_account["timeline"] if t["type"] == "stage"]


class Helpers:
    show = staticmethod(lambda cli, ref: show(cli, ref))
    text = staticmethod(lambda cli, ref: cli("account", "show", ref, "--council", COUNCIL).output)
    open_account = staticmethod(open_account)
    run_to = staticmethod(run_to)
    act = staticmethod(act)
    moves = staticmethod(moves)


@pytest.fixture
def h():
    return Helpers


def show(cli, ref: str) -> dict:
    return json.loads(cli("account", "show", ref, "--council", COUNCIL, "--json").output)


@pytest.fixture
def shown():
    return show
