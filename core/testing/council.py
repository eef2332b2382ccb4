"""A council in a throwaway database, driven through the same services an operator's commands use."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from ..engine.plugins import PluginHost
from ..engine.runner import RunReport, run_council
from ..services.account_import import import_accounts
from ..services.accounts import add_officer, show_account
from ..services.actions import record_action
from ..services.database import open_database, set_up_council
from ..services.payment_import import import_payments

__all__ = ["TestCouncil", "profile_text"]

COUNCIL = "testshire"


def profile_text(debt_types: Mapping[str, Mapping[str, Any]], council_id: str = COUNCIL) -> str:
    """A council profile enabling ``debt_types`` (id -> that section's parameters), every other policy at its default."""
    document = {
        "council": {"id": council_id, "name": f"{council_id.title()} Council", "debt_types": list(debt_types)},
        "priority": {"levels": {dt: i + 1 for i, dt in enumerate(debt_types)}},
        "write_off": {"reasons": ["uneconomical", "cannot_trace"],
                      "delegations": [{"authority": "recovery_officer", "up_to_pence": 50000}, {"authority": "s151_officer"}]},
        "debt_types": {dt: dict(params) for dt, params in debt_types.items()},
    }
    return tomli_w.dumps(document)


class TestCouncil:
    """One council in the database at ``url``: import accounts and payments, run, show and act, as an operator would.

    Accounts are rows of the accounts CSV as dicts: ``reference``, ``amount``
    (pounds) and ``date`` at least; ``debt_type``, ``debtor_ref`` and
    ``debtor_name`` are filled in. Every import is dated ``today`` unless given.
    """

    __test__ = False  # not a test class, whatever its name

    def __init__(self, url: str, host: PluginHost, folder: Path, debt_types: Mapping[str, Mapping[str, Any]],
                 *, today: date, council_id: str = COUNCIL) -> None:
        self.host, self.folder, self.today, self.id = host, Path(folder), today, council_id
        self.debt_type = next(iter(debt_types))
        self.folder.mkdir(parents=True, exist_ok=True)
        profile = self.folder / f"{council_id}.toml"
        profile.write_text(profile_text(debt_types, council_id))
        self.engine = open_database(url, migrate_check=False)
        set_up_council(self.engine, host, council_id, profile)
        add_officer(self.engine, council_id, "officer", "s151_officer")
        self._files = 0

    def close(self) -> None:
        self.engine.dispose()

    def _csv(self, kind: str, header: list[str], rows: Iterable[Mapping[str, Any]]) -> Path:
        self._files += 1
        path = self.folder / f"{kind}_{self._files}.csv"
        with path.open("w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            for row in rows:
                writer.writerow([row.get(column, "") for column in header])
        return path

    def accounts(self, *rows: Mapping[str, Any], on: date | None = None):
        """Import accounts (each a dict of columns)."""
        filled = [{"debt_type": self.debt_type, "debtor_ref": f"D-{r['reference']}", "debtor_name": f"Debtor {r['reference']}",
                   **{k: (v.isoformat() if isinstance(v, date) else v) for k, v in r.items()}} for r in rows]
        header = list(dict.fromkeys(column for row in filled for column in row))
        return import_accounts(self.engine, self.host, self.id, self._csv("accounts", header, filled),
                               business_date=on or self.today)

    def pay(self, *payments: tuple[str, str, date], on: date | None = None):
        """Import payments: (account reference, pounds, date), each with a transaction reference of its own."""
        rows = [{"reference": ref, "amount": amount, "date": day.isoformat(), "payment_ref": f"{ref}/{day}/{amount}/{i}"}
                for i, (ref, amount, day) in enumerate(payments)]
        return import_payments(self.engine, self.host, self.id,
                               self._csv("payments", ["reference", "amount", "date", "payment_ref"], rows),
                               business_date=on or self.today)

    def run(self, to: date) -> RunReport:
        """The nightly run, catching up to ``to``."""
        return run_council(self.engine, self.host, self.id, to)

    def show(self, reference: str) -> dict[str, Any]:
        return show_account(self.engine, self.host, self.id, reference)

    def act(self, reference: str, action: str, on: date, **fields: str) -> dict[str, Any]:
        """An officer's action, recorded as officer ``officer`` (an s151 officer)."""
        return record_action(self.engine, self.host, self.id, reference, action, fields, "officer", on)

    def snapshot(self, references: Iterable[str]) -> dict[str, Any]:
        """Where each account stands and everything that happened to it, without run ids or times."""
        out = {}
        for ref in references:
            shown = self.show(ref)
            timeline = [{k: v for k, v in t.items() if k not in ("run_id", "profile_version")} for t in shown["timeline"]]
            out[ref] = {k: shown[k] for k in ("stage", "stage_since", "balance_pence", "next_review_on", "closed_on")}
            out[ref]["timeline"] = timeline
        return out
