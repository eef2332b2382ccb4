"""Fixtures for the bundled council profiles: each council registered from its own profile, driven only through the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from arrears_test_csv import payment_lines


class Council:
    """One bundled council registered in the test database, with an officer of each role given."""

    def __init__(self, cli, council_id: str, folder: Path):
        self.cli, self.id, self.folder = cli, council_id, folder
        self.files = 0

    def __call__(self, *args, expect: int | None = 0):
        return self.cli(*args, "--council", self.id, expect=expect)

    def officer(self, login: str, role: str) -> None:
        self("officer", "add", login, "--role", role)

    def _write(self, kind: str, lines: list[str]) -> Path:
        self.files += 1
        path = self.folder / f"{self.id}_{kind}_{self.files}.csv"
        path.write_text("\n".join(lines) + "\n")
        return path

    def accounts(self, debt_type: str, *rows: dict, expect: int | None = 0):
        """Import accounts of one debt type; each row a dict of columns (``debtor_ref`` and ``debtor_name`` filled in)."""
        cols = ["reference", "debt_type", "debtor_ref", "debtor_name"]
        for row in rows:
            cols += [c for c in row if c not in cols]
        lines = [",".join(cols)]
        for row in rows:
            debtor = row.get("debtor_ref", f"D-{row['reference']}")
            values = {"debt_type": debt_type, "debtor_ref": debtor, "debtor_name": f"Debtor {debtor}", **row}
            lines.append(",".join(f'"{values.get(c, "")}"' for c in cols))
        return self("import", "accounts", self._write("accounts", lines), expect=expect)

    def pay(self, *payments: tuple[str, str, date | str]) -> None:
        self("import", "payments", self._write("payments", payment_lines(payments)))

    def run_to(self, day: date | str) -> dict:
        return json.loads(self("run", "--date", str(day), "--json").output)

    def act(self, ref: str, action: str, on: date | str, officer: str, *fields: str, expect: int | None = 0):
        return self.cli("account", "act", ref, action, *fields, "--council", self.id, "--officer", officer, "--date", str(on),
                        expect=expect)

    def show(self, ref: str) -> dict:
        return json.loads(self("account", "show", ref, "--json").output)

    def text(self, ref: str) -> str:
        return self("account", "show", ref).output

    def moves(self, ref: str) -> list[tuple[str, str]]:
        """(date, stage reached) of each move of the account, in order."""
        return [(t["date"], t["to"]) for t in self.show(ref)["timeline"] if t["type"] == "stage"]

    def fees(self, ref: str) -> list[tuple[str, str, int]]:
        return [(t["date"], t["code"], t["amount_pence"]) for t in self.show(ref)["timeline"] if t["type"] == "fee"]

    def profile(self) -> dict:
        """The effective bundled profile, every default filled in."""
        return json.loads(self.cli("profile", "show", self.id, "--json").output)["profile"]

    def plan(self, *args: str, expect: int | None = 0) -> dict:
        return json.loads(self.cli("plan", "check", "--council", self.id, *args, "--json", expect=expect).output)


@pytest.fixture
def council(arrears, tmp_path):
    """``council(id)``: register the bundled profile of ``id`` (``arrears init --council id``) and drive it."""

    def make(council_id: str) -> Council:
        arrears("init", "--council", council_id)
        return Council(arrears, council_id, tmp_path)

    return make


def reasons(shown: dict) -> list[str]:
    return [t["reason"] for t in shown["timeline"] if t["type"] == "stage"]


@pytest.fixture
def explained():
    """Assert every move of an account explains itself (a reason with its placeholders filled in)."""

    def check(shown: dict) -> None:
        for reason in reasons(shown):
            assert reason and "{" not in reason and "?" not in reason, reason

    return check
