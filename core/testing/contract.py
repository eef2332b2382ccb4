"""The contract suite any debt type can run against itself.

Subclass :class:`DebtTypeContract` in a test module, name the debt type and
give a few sample accounts; pytest collects the class (name it ``Test...``)::

    class TestTradeWaste(DebtTypeContract):
        debt_type = "trade_waste"
        accounts = [{"reference": "TW1", "amount": "120.00", "date": "2025-04-01"}]

It checks that the debt type registers cleanly, that every automatic rule's
reason renders from the facts a move records, that its fees are fees, that
billing raises the charge, and that a year of nightly runs is idempotent and
ends where one catch-up run over the same year ends.
"""

from __future__ import annotations

from datetime import date, timedelta
from string import Formatter
from typing import Any, ClassVar

import pytest

from ..cases import Case, Fee, Move
from ..context import Context
from ..debt_types import CORE_FACTS
from ..engine.plugins import PluginHost, build_plugin_host
from ..ladder import render_reason
from .council import TestCouncil

__all__ = ["DebtTypeContract"]


class DebtTypeContract:
    """Tests every debt type must pass; set :attr:`debt_type` and :attr:`accounts` in a subclass named ``Test...``."""

    debt_type: ClassVar[str] = ""
    """The debt type's id."""
    accounts: ClassVar[list[dict[str, Any]]] = []
    """Sample accounts: the accounts CSV's columns as a dict each (reference, amount in pounds, date, the type's own)."""
    params: ClassVar[dict[str, Any]] = {}
    """The debt type's section of the test council's profile (defaults when empty)."""
    days: ClassVar[int] = 365
    """How long the year of nightly runs is, from the first account's date."""

    @pytest.fixture(scope="class")
    @classmethod
    def contract_host(cls) -> PluginHost:
        return build_plugin_host()

    def _council(self, host: PluginHost, folder) -> TestCouncil:
        return TestCouncil(f"sqlite:///{folder / 'contract.db'}", host, folder, {self.debt_type: self.params},
                           today=self._start() + timedelta(days=self.days))

    def _start(self) -> date:
        return min(date.fromisoformat(str(a["date"])) for a in self.accounts)

    def test_registers_cleanly(self, contract_host):
        failed = [p for p in contract_host.failures if self.debt_type in p.debt_types or p.name == self.debt_type]
        assert failed == [], [p.error for p in failed]
        assert self.debt_type in contract_host.debt_types, f"no debt type {self.debt_type!r} is installed"
        assert self.accounts, "give the contract some sample accounts"

    def test_every_reason_renders_from_the_facts_a_move_records(self, contract_host):
        dt = contract_host.debt_types[self.debt_type]
        declared = dt.rules.reason_facts
        for t in dt.ladder.transitions:
            if t.kind != "auto" or not t.reason:
                continue
            names = {n for _, n, _, _ in Formatter().parse(t.reason) if n}
            facts = {n: "x" for n in CORE_FACTS | set(t.uses) | set(declared.get("*", ())) | set(declared.get(t.rule, ()))}
            facts.update({n[:-6]: "x" for n in list(facts) if n.endswith("_pence")})
            rendered = render_reason(t.reason, facts)
            missing = [n for n in names if "{" + n + "}" in rendered]
            assert not missing, f"rule {t.rule!r}: {missing} not filled"

    def test_every_rules_fees_are_fees(self, contract_host):
        dt = contract_host.debt_types[self.debt_type]
        day = self._start()
        case = Case(1, "C1", dt.id, "person", dt.ladder.initial, day, day, 10000, 10000, 0, 10000, None, day)
        context = Context("testshire", dt, dt.params(**self.params), None, day, None, "contract")
        for t in dt.ladder.transitions:
            if t.target in ("*", "="):
                continue
            try:
                fees = dt.rules.fees(case, Move(t.target, t.rule, "", {}), context)
            except (AttributeError, KeyError, TypeError, ValueError):
                continue  # a fee that needs facts of a real case (its state) is checked by the year of runs
            assert isinstance(fees, list) and all(isinstance(f, Fee) for f in fees), (t.rule, fees)
            assert all(isinstance(f.amount_pence, int) for f in fees), (t.rule, fees)

    def test_billing_raises_the_charge(self, contract_host, tmp_path):
        council = self._council(contract_host, tmp_path)
        try:
            council.accounts(*self.accounts)
            council.run(max(date.fromisoformat(str(a["date"])) for a in self.accounts) + timedelta(days=1))
            for account in self.accounts:
                shown = council.show(account["reference"])
                charged = [t for t in shown["timeline"] if t["type"] in ("charge", "fee") and t["amount_pence"] > 0]
                assert charged, f"{account['reference']}: billing raised no charge"
                assert shown["balance_cache_ok"]
        finally:
            council.close()

    def test_a_year_of_runs_is_idempotent_and_catch_up_equals_day_by_day(self, contract_host, tmp_path):
        refs = [a["reference"] for a in self.accounts]
        start, end = self._start(), self._start() + timedelta(days=self.days)
        daily = self._council(contract_host, tmp_path / "daily")
        once = self._council(contract_host, tmp_path / "once")
        try:
            for council in (daily, once):
                council.accounts(*self.accounts)
            day = start
            while day <= end:
                daily.run(day)
                day += timedelta(days=1)
            once.run(end)
            assert daily.snapshot(refs) == once.snapshot(refs)
            before = once.snapshot(refs)
            report = once.run(end)
            assert (report.cases_evaluated, sum(sum(c.values()) for c in report.moves.values())) == (0, 0)
            assert once.snapshot(refs) == before
        finally:
            daily.close()
            once.close()
