"""Fixtures shared by every plugin's tests: hand-built cases and contexts, the test council (through the CLI or the
core services) and the CSV files it imports.

Each plugin folder's conftest describes its debt type in one fixture, ``plugin`` (built with ``describe_plugin``);
the fixtures here (``case``, ``ctx``, ``decide``, ``csv``, ``make_council``, ``h``, ``council_with``...) read it.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from arrears import Case, Context, DebtType, WorkingCalendar
from arrears.services.accounts import add_officer, show_account
from arrears.services.actions import record_action
from arrears.store.db import make_engine
from arrears.services.account_import import import_accounts
from arrears.services.payment_import import import_payments
from arrears_test_csv import payment_lines
from arrears.engine.registration import register_council
from arrears.engine.runner import run_council


@dataclass(frozen=True)
class PluginUnderTest:
    """One debt type as its tests see it.

    ``columns(attrs, **keywords)`` turns a test's ``attrs`` (and any keywords of the plugin's own, such as a PCN's
    ``served_by``) into a hand-built case's import columns. ``account_defaults(row)`` fills the columns an accounts
    CSV row leaves out (``debt_type`` is always this debt type). ``council_steps`` and ``cli_steps`` are classes of
    the plugin's own steps, mixed into :class:`ServicesCouncil` and :class:`CliSteps`.
    """

    debt_type: DebtType
    council: str                     # the test council's id
    profile: str                     # its profile, in tests/data
    ref: str                         # a hand-built case's reference; the services council's default account
    first_stage: str                 # a hand-built case's stage
    opened_on: date
    amount: int                      # pence
    kind: str = "person"
    amount_keyword: str = "amount"   # the keyword a test gives the amount by
    columns: Callable[..., dict] = lambda attrs: attrs or {}
    parameter_defaults: Mapping = field(default_factory=dict)
    officer: tuple[str, str] = ("jsmith", "recovery_officer")   # the CLI council's officer: name, role
    account_columns: tuple[str, ...] = ()
    optional_columns: tuple[str, ...] = ()                      # written only when a row has them
    account_defaults: Callable[[dict], dict] = lambda row: {}
    council_steps: type | None = None
    cli_steps: type | None = None
    review: Callable | None = None   # the plugin's review(case, context), for ``decide``


@pytest.fixture(scope="session")
def describe_plugin():
    """The :class:`PluginUnderTest` class, for each plugin folder's ``plugin`` fixture."""
    return PluginUnderTest


def _mixed(steps: type | None, base: type) -> type:
    return type(f"{steps.__name__}{base.__name__}", (steps, base), {}) if steps else base


# --- cases and contexts built by hand ------------------------------------------------------------------------------

@pytest.fixture
def case(plugin):
    """``case(today=..., **changes)``: a case as the runner would load it (money in pence), the plugin's defaults."""

    def make_case(*, today: date, stage: str | None = None, stage_since: date | None = None, opened_on: date | None = None,
                  paid: int = 0, charged: int | None = None, balance: int | None = None, kind: str | None = None,
                  attrs: dict | None = None, state: dict | None = None, schedule: list | None = None,
                  last_payment_on: date | None = None, ref: str | None = None, **keywords) -> Case:
        amount = keywords.pop(plugin.amount_keyword, plugin.amount)
        opened_on = plugin.opened_on if opened_on is None else opened_on
        charged = amount if charged is None else charged
        balance = charged - paid if balance is None else balance
        return Case(1, plugin.ref if ref is None else ref, plugin.debt_type.id, plugin.kind if kind is None else kind,
                    plugin.first_stage if stage is None else stage, stage_since or opened_on, opened_on, amount, balance,
                    paid, charged, last_payment_on, today, plugin.columns(attrs, **keywords), dict(state or {}), schedule)

    return make_case


@pytest.fixture
def ctx(plugin):
    """``ctx(today, calendar=None, **params)``: a context for the test council with the plugin's parameters."""

    def make_context(today: date, calendar: WorkingCalendar | None = None, **params) -> Context:
        values = {**plugin.parameter_defaults, **params}
        return Context(plugin.council, plugin.debt_type, plugin.debt_type.params(**values), calendar or WorkingCalendar(),
                       today, None, "test")

    return make_context


@pytest.fixture
def decide(plugin, ctx):
    """The review of one case on its own day, with the plugin's parameters (defaults unless given)."""

    def run(one_case: Case, **params):
        return plugin.review(one_case, ctx(one_case.today, **params))

    return run


# --- CSV files ------------------------------------------------------------------------------------------------------

class CsvFiles:
    """Writes the numbered accounts and payments files an import reads; ``quoted`` puts each value in quotes."""

    def __init__(self, folder: Path, plugin: PluginUnderTest, quoted: bool = False):
        self.folder, self.plugin, self.quoted = folder, plugin, quoted
        self.count = 0

    def accounts(self, rows) -> Path:
        p = self.plugin
        cols = list(p.account_columns) + [c for c in p.optional_columns if any(c in r for r in rows)]
        lines = [",".join(cols)]
        for r in rows:
            values = {"debt_type": p.debt_type.id, **p.account_defaults(r), **r}
            lines.append(",".join(self._cell(values.get(c, "")) for c in cols))
        return self._write("accounts", lines)

    def payments(self, rows) -> Path:
        """rows: (reference, amount, date)."""
        return self._write("payments", payment_lines(rows))

    def _cell(self, value) -> str:
        return f'"{value}"' if self.quoted else str(value)

    def _write(self, kind: str, lines: list[str]) -> Path:
        self.count += 1
        path = self.folder / f"{kind}_{self.count}.csv"
        path.write_text("\n".join(lines) + "\n")
        return path


@pytest.fixture
def csv(plugin, tmp_path) -> CsvFiles:
    return CsvFiles(tmp_path, plugin)


# --- the test council through the CLI ------------------------------------------------------------------------------

@pytest.fixture
def make_council(plugin, arrears, data_dir, tmp_path):
    """Register the test council through the CLI and add its officer; returns the CLI.

    Each keyword replaces the profile's first ``key = ...`` line with ``key = value``.
    """

    def make(**changes):
        path = data_dir / plugin.profile
        if changes:
            text = path.read_text()
            for key, value in changes.items():
                line = next(ln for ln in text.splitlines() if ln.startswith(f"{key} = "))
                text = text.replace(line, f"{key} = {value}")
            path = tmp_path / "profile.toml"
            path.write_text(text)
        name, role = plugin.officer
        arrears("init", "--council", plugin.council, "--profile", path)
        arrears("officer", "add", name, "--council", plugin.council, "--role", role)
        return arrears

    return make


class CliSteps:
    """Steps of a CLI scenario against the test council: open accounts, pay, run, act as its officer, show."""

    def __init__(self, plugin: PluginUnderTest):
        self.council, self.officer = plugin.council, plugin.officer[0]

    def open(self, cli, csv: CsvFiles, *rows: dict) -> None:
        cli("import", "accounts", csv.accounts(list(rows)), "--council", self.council)

    def pay(self, cli, csv: CsvFiles, *rows) -> None:
        cli("import", "payments", csv.payments(rows), "--council", self.council)

    def run_to(self, cli, day) -> None:
        cli("run", "--council", self.council, "--date", str(day))

    def act(self, cli, ref: str, action: str, on, *fields: str, expect: int | None = 0):
        return cli("account", "act", ref, action, *fields, "--council", self.council, "--officer", self.officer,
                   "--date", str(on), expect=expect)

    def show(self, cli, ref: str) -> dict:
        return json.loads(cli("account", "show", ref, "--council", self.council, "--json").output)

    def text(self, cli, ref: str) -> str:
        return cli("account", "show", ref, "--council", self.council).output

    @staticmethod
    def events(shown: dict) -> list[dict]:
        return [t for t in shown["timeline"] if t["type"] == "stage"]

    @classmethod
    def moves(cls, shown: dict) -> list[tuple[str, str, str]]:
        """(date, rule, to stage) of each stage move, in order."""
        return [(t["date"], t["rule"], t["to"]) for t in cls.events(shown)]

    @staticmethod
    def entries(shown: dict, kind: str) -> list[tuple[str, int, str]]:
        return [(t["date"], t["amount_pence"], t["description"]) for t in shown["timeline"] if t["type"] == kind]


@pytest.fixture
def h(plugin) -> CliSteps:
    return _mixed(plugin.cli_steps, CliSteps)(plugin)


# --- the test council through the core services ---------------------------------------------------------------------

class ServicesCouncil:
    """The test council driven through the core services: import, run, show, act (officer ``officer``, s151)."""

    def __init__(self, engine, host, folder: Path, plugin: PluginUnderTest, profile: Path):
        self.engine, self.host, self.folder = engine, host, folder
        self.council, self.ref = plugin.council, plugin.ref
        self.today = date.fromisoformat(os.environ["ARREARS_TODAY"])  # the suite's clock, as the commands see it
        self.csv = CsvFiles(folder, plugin, quoted=True)
        register_council(engine, host, self.council, profile)
        add_officer(engine, self.council, "officer", "s151_officer")

    def accounts(self, *rows: dict) -> Path:
        """Each row: reference at least; the plugin's account defaults fill the rest."""
        path = self.csv.accounts(rows)
        import_accounts(self.engine, self.host, self.council, path, business_date=self.today)
        return path

    def pay(self, *payments: tuple[str, str, date | str]) -> None:
        import_payments(self.engine, self.host, self.council, self.csv.payments(payments), business_date=self.today)

    def run(self, to: date | str):
        return run_council(self.engine, self.host, self.council, to if isinstance(to, date) else date.fromisoformat(to))

    def show(self, ref: str | None = None) -> dict:
        return show_account(self.engine, self.host, self.council, ref or self.ref)

    def events(self, ref: str | None = None) -> list[dict]:
        return [t for t in self.show(ref)["timeline"] if t["type"] == "stage"]

    def moves(self, ref: str | None = None) -> list[tuple[str, str]]:
        return [(e["date"], e["to"]) for e in self.events(ref)]

    def fees(self, ref: str | None = None) -> list[tuple[str, str, int]]:
        return [(t["date"], t["code"], t["amount_pence"]) for t in self.show(ref)["timeline"] if t["type"] == "fee"]

    def entries(self, ref: str | None = None) -> list[tuple[str, str, str, int]]:
        """(date, type, code, amount) of each timeline entry that is not a stage move."""
        return [(t["date"], t["type"], t["code"], t["amount_pence"]) for t in self.show(ref)["timeline"] if t["type"] != "stage"]

    def act(self, ref: str, action: str, on: date | str, **fields: str) -> dict:
        on = on if isinstance(on, date) else date.fromisoformat(on)
        return record_action(self.engine, self.host, self.council, ref, action, fields, "officer", on)


@pytest.fixture
def lite(sqlite_template, tmp_path):
    """An engine on a fresh SQLite database (the rules are backend-neutral; the CLI tests cover both backends)."""
    target = tmp_path / "services.db"
    shutil.copy(sqlite_template, target)
    engine = make_engine(f"sqlite:///{target}")
    yield engine
    engine.dispose()


@pytest.fixture
def services_council(plugin, lite, host, data_dir, tmp_path):
    """``services_council(profile=None)``: a :class:`ServicesCouncil` registered from the test profile or ``profile``."""
    council_class = _mixed(plugin.council_steps, ServicesCouncil)

    def make(profile: Path | None = None) -> ServicesCouncil:
        return council_class(lite, host, tmp_path, plugin, profile or data_dir / plugin.profile)

    return make


@pytest.fixture
def council_with(plugin, services_council, data_dir, tmp_path):
    """A services council whose test profile is changed: ``extra`` lines at the top of ``[debt_types.<id>]``, the
    body of each sub-table named by a keyword replaced (``charges="..."``), and ``tail`` added at the end."""

    def make(extra: str = "", *, tail: str = "", **tables: str) -> ServicesCouncil:
        head = f"[debt_types.{plugin.debt_type.id}]\n"
        text = (data_dir / plugin.profile).read_text().replace(head, head + extra + "\n") + tail
        for name, body in tables.items():
            table = f"[debt_types.{plugin.debt_type.id}.{name}]\n"
            start = text.index(table)
            text = text[:start] + table + body + text[text.index("\n\n", start):]
        path = tmp_path / "profile.toml"
        path.write_text(text)
        return services_council(path)

    return make
