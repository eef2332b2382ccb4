"""Fixtures for the HB overpayment tests: cases and contexts built by hand, and a registered test council."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from arrears import Case, Context, WorkingCalendar
from arrears_hb_overpayment import HB_OVERPAYMENT
from arrears_hb_overpayment.params import HbOverpaymentParameters

COUNCIL = "hbshire"
BASE_ATTRS = {"period_start": "2024-10-07", "period_end": "2025-01-05", "cause": "claimant_error"}
COLUMNS = ["reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date", "debtor_kind", "period_start",
           "period_end", "cause", "error_apparent", "fraud", "on_hb", "earnings_disregard", "landlord_paid", "benefit",
           "employer", "rent_account", "claim_ref"]


def make_case(*, today: date, stage: str = "overpayment_notice", stage_since: date | None = None,
              opened_on: date = date(2025, 2, 3), amount: int = 120_000, balance: int | None = None, paid: int = 0,
              charged: int | None = None, last_payment_on: date | None = None, kind: str = "person",
              state: dict | None = None, ref: str = "H1", **attrs) -> Case:
    """An HB overpayment case as the runner would load it (money in pence); keyword attrs override the import columns."""
    charged = amount if charged is None else charged
    balance = charged - paid if balance is None else balance
    return Case(1, ref, "hb_overpayment", kind, stage, stage_since or opened_on, opened_on, amount, balance, paid,
                charged, last_payment_on, today, {**BASE_ATTRS, **attrs}, dict(state or {}), None)


def make_context(today: date, **params) -> Context:
    """A context for council ``hbshire`` with the HB overpayment parameters (defaults unless given)."""
    return Context(COUNCIL, HB_OVERPAYMENT, HbOverpaymentParameters(**params), WorkingCalendar(), today, None, "test")


@pytest.fixture
def case():
    return make_case


@pytest.fixture
def ctx():
    return make_context


@pytest.fixture
def make_council(arrears, data_dir, tmp_path):
    """Register council ``hbshire`` from the test profile with some ``key = value`` lines replaced; add officer jsmith."""

    def make(**changes):
        text = (data_dir / "hb_overpayment_council.toml").read_text()
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
    """The CLI with council ``hbshire`` (HB overpayments only) registered and officer ``jsmith`` added."""
    return make_council()


class Csv:
    """Writes the accounts and payments files the CLI imports."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0

    def accounts(self, rows: list[dict]) -> Path:
        lines = [",".join(COLUMNS)] + [
            ",".join(str(r.get(c, "hb_overpayment" if c == "debt_type" else "")) for c in COLUMNS) for r in rows
        ]
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


def row(ref: str, amount: str = "1200.00", notice: str = "2025-02-03", **cols) -> dict:
    """One overpayment row: a claimant-error overpayment for 7 Oct 2024 to 5 Jan 2025 unless the columns say otherwise."""
    return {"reference": ref, "debtor_ref": f"D-{ref}", "debtor_name": f"Claimant {ref}", "amount": amount,
            "date": notice, "debtor_kind": "person", **BASE_ATTRS, **cols}


class Steps:
    row = staticmethod(row)

    @staticmethod
    def show(cli, ref: str) -> dict:
        return json.loads(cli("account", "show", ref, "--council", COUNCIL, "--json").output)

    @staticmethod
    def text(cli, ref: str) -> str:
        return cli("account", "show", ref, "--council", COUNCIL).output

    @staticmethod
    def run_to(cli, day) -> None:
        cli("run", "--council", COUNCIL, "--date", str(day))

    @staticmethod
    def act(cli, ref: str, action: str, on, *fields: str, expect: int | None = 0):
        return cli("account", "act", ref, action, *fields, "--council", COUNCIL, "--officer", "jsmith",
                   "--date", str(on), expect=expect)

    @staticmethod
    def moves(shown_account: dict) -> list[tuple[str, str, str]]:
        """(date, rule, to stage) of each stage move, in order."""
        return [(t["date"], t["rule"], t["to"]) for t in shown_account["timeline"] if t["type"] == "stage"]


@pytest.fixture
def h():
    return Steps


@pytest.fixture
def decide():
    """The nightly review of one case on its day, with the profile's parameters (defaults unless given)."""
    from arrears_hb_overpayment.review import review

    def run(one_case, **params):
        return review(one_case, make_context(one_case.today, **params))

    return run
