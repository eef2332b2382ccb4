"""Fixtures for the PCN tests: cases and contexts built by hand, and a council run through the core services."""

from __future__ import annotations

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
from arrears_pcn import PCN
from arrears_pcn.params import PcnParameters
from arrears_pcn.rules import review

COUNCIL = "parkshire"
PROFILE = Path(__file__).parents[2] / "data" / "pcn_council.toml"
ACCOUNT_COLUMNS = ("reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date", "vehicle_reg", "band", "level",
                   "served_by")
OPTIONAL = ("served_on", "contravention_on", "contravention_code", "location", "keeper_address")


def make_case(*, today: date, stage: str = "pcn_served", stage_since: date | None = None,
              opened_on: date = date(2025, 6, 2), amount: int = 7000, paid: int = 0, charged: int | None = None,
              balance: int | None = None, served_by: str = "affixed", attrs: dict | None = None, state: dict | None = None,
              last_payment_on: date | None = None) -> Case:
    """A PCN case as the runner would load it (money in pence); band 2 higher, fixed to the vehicle, by default."""
    charged = amount if charged is None else charged
    balance = charged - paid if balance is None else balance
    columns = {"vehicle_reg": "AB12 CDE", "band": "2", "level": "higher", "served_by": served_by, **(attrs or {})}
    return Case(1, "PCN1", "pcn", "person", stage, stage_since or opened_on, opened_on, amount, balance, paid, charged,
                last_payment_on, today, columns, dict(state or {}), None)


def make_context(today: date, calendar: WorkingCalendar | None = None, **params) -> Context:
    """A context for council ``parkshire`` with the PCN parameters (defaults unless given)."""
    return Context(COUNCIL, PCN, PcnParameters(**params), calendar or WorkingCalendar(), today, None, "test")


def decide(case: Case, **params):
    """The review of ``case`` on its own day."""
    return review(case, make_context(case.today, **params))


@pytest.fixture
def case():
    return make_case


@pytest.fixture
def ctx():
    return make_context


@pytest.fixture
def review_of():
    return decide


class Council:
    """Council ``parkshire`` driven through the core services: import, run, show, act."""

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

    def accounts(self, *rows: dict) -> Path:
        """Each row: reference at least; a band 2 higher PCN for £70.00 fixed to a vehicle on 2025-06-02 by default."""
        extra = [c for c in OPTIONAL if any(c in r for r in rows)]
        cols = list(ACCOUNT_COLUMNS) + extra
        lines = [",".join(cols)]
        for r in rows:
            values = {"debt_type": "pcn", "debtor_ref": f"K-{r['reference']}", "debtor_name": f"Keeper {r['reference']}",
                      "amount": "70.00", "date": "2025-06-02", "vehicle_reg": "AB12 CDE", "band": "2", "level": "higher",
                      "served_by": "affixed", **r}
            lines.append(",".join(f'"{values.get(c, "")}"' for c in cols))
        path = self._file("accounts", lines)
        import_accounts(self.engine, self.host, COUNCIL, path)
        return path

    def pay(self, *payments: tuple[str, str, date | str]) -> None:
        lines = ["reference,amount,date"] + [f'{ref},"{amount}",{on}' for ref, amount, on in payments]
        import_payments(self.engine, self.host, COUNCIL, self._file("payments", lines))

    def run(self, to: date | str):
        return run_council(self.engine, self.host, COUNCIL, to if isinstance(to, date) else date.fromisoformat(to))

    def show(self, ref: str = "PCN1") -> dict:
        return show_account(self.engine, self.host, COUNCIL, ref)

    def moves(self, ref: str = "PCN1") -> list[tuple[str, str]]:
        return [(t["date"], t["to"]) for t in self.show(ref)["timeline"] if t["type"] == "stage"]

    def reasons(self, ref: str = "PCN1") -> list[str]:
        return [t["reason"] for t in self.show(ref)["timeline"] if t["type"] == "stage"]

    def entries(self, ref: str = "PCN1") -> list[tuple[str, str, str, int]]:
        return [(t["date"], t["type"], t["code"], t["amount_pence"]) for t in self.show(ref)["timeline"] if t["type"] != "stage"]

    def act(self, ref: str, action: str, on: date | str, **fields: str) -> dict:
        on = on if isinstance(on, date) else date.fromisoformat(on)
        return record_action(self.engine, self.host, COUNCIL, ref, action, fields, "officer", on)


@pytest.fixture
def lite(sqlite_template, tmp_path):
    """An engine on a fresh SQLite database (the rules are backend-neutral; the CLI scenario covers both backends)."""
    target = tmp_path / "pcn.db"
    shutil.copy(sqlite_template, target)
    engine = make_engine(f"sqlite:///{target}")
    yield engine
    engine.dispose()


@pytest.fixture
def council(lite, host, tmp_path) -> Council:
    return Council(lite, host, tmp_path)


@pytest.fixture
def council_with(lite, host, tmp_path):
    """A council whose profile has extra ``[debt_types.pcn]`` lines."""

    def make(extra: str = "", *, charges: str | None = None, tail: str = "") -> Council:
        """``charges``: TOML lines that take the place of the profile's charge table; ``tail``: tables added at the end."""
        text = PROFILE.read_text().replace("[debt_types.pcn]\n", "[debt_types.pcn]\n" + extra + "\n") + tail
        if charges is not None:
            start = text.index("[debt_types.pcn.charges]\n")
            end = text.index("\n\n", start)
            text = text[:start] + "[debt_types.pcn.charges]\n" + charges + text[end:]
        path = tmp_path / "profile.toml"
        path.write_text(text)
        return Council(lite, host, tmp_path, path)

    return make
