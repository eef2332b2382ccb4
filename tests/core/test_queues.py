"""The officers' queues: counts that match the cases, pages that visit every case once in order, filters, search."""

from __future__ import annotations

import shutil
import uuid
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from arrears import QueueSpec
from arrears.errors import ActionRefused, NotFound
from arrears.services.officers.debtors import show_debtor
from arrears.services.officers.pages import queue_page
from arrears.services.officers.queues import COUNT_CAP, count_label, list_queues
from arrears.services.officers.search import search
from arrears.store.db import make_engine, upgrade
from arrears.store.models import Account
from arrears.testing import TestCouncil

START = date(2025, 1, 6)
ON = START + timedelta(days=110)
"""The scenario runs to here."""
LATER = ON + timedelta(days=30)
"""The queues are asked for a later day, when reviews have come due again."""
NAMES = ["Ada Smith", "ADA SMITHSON", "Émile Zola", "Bob Smith", "Chloé O'Brien", "smith & sons ltd"]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def town_url(request, tmp_path_factory):
    """A database of this module's own (the queries below only read), on each backend."""
    if request.param == "sqlite":
        target = tmp_path_factory.mktemp("town") / "town.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), target)
        yield f"sqlite:///{target}"
        return
    base, _ = request.getfixturevalue("pg_database")
    name = f"arrears_town_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(sa.make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(base).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="module")
def town(town_url, host, tmp_path_factory):
    """A council with 40 sundry invoices and 6 HB overpayments, run for a year, some cases moved by an officer."""
    council = TestCouncil(town_url, host, tmp_path_factory.mktemp("files"),
                          {"sundry": {"pre_action_letters": False}, "hb_overpayment": {}}, today=date(2026, 6, 30))
    council.accounts(*[{"reference": f"S{i:02d}", "amount": f"{40 + 37 * (i % 9)}.{i:02d}", "date": START + timedelta(days=2 * i),
                        "debtor_ref": f"D{i % 12:02d}", "debtor_name": NAMES[i % 12] if i % 12 < len(NAMES) else f"Person {i % 12}"}
                       for i in range(40)])
    council.accounts(*[{"reference": f"H{i}", "debt_type": "hb_overpayment", "amount": f"{300 + 50 * i}.00", "date": START,
                        "debtor_ref": f"D{i:02d}", "debtor_name": NAMES[i] if i < len(NAMES) else f"Person {i}",
                        "period_start": "2024-04-01", "period_end": "2024-09-30", "cause": "claimant_error"}
                       for i in range(6)])
    council.pay(("S03", "10.00", START + timedelta(days=20)), ("S07", "500.00", START + timedelta(days=30)))
    council.run(ON)
    for ref in ("S00", "S01", "S02"):
        council.act(ref, "refer_collection_agent", ON, agent="Marstons")
    yield council
    council.close()


def truth(engine, on: date | None = None) -> list[dict]:
    """The open cases as the database holds them (those due for review by ``on``, when given)."""
    a = Account.__table__.c
    query = sa.select(a.id, a.reference, a.debt_type, a.stage, a.stage_since, a.balance_pence, a.priority,
                      a.next_review_on).where(a.closed_on.is_(None))
    if on is not None:
        query = query.where(a.next_review_on <= on)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def every_page(town, name, on, sort, **filters) -> list[dict]:
    rows, after, pages = [], None, 0
    while True:
        page = queue_page(town.engine, town.host, town.id, name, on, sort=sort, after=after, limit=4, **filters)
        assert len(page["rows"]) <= 4
        rows += page["rows"]
        pages += 1
        after = page["next_cursor"]
        if after is None:
            return rows
        assert pages < 100


def test_every_queue_counts_the_cases_it_holds(town):
    on = LATER
    listed = {q["name"]: q for q in list_queues(town.engine, town.host, town.id, on)["queues"]}
    cases = truth(town.engine)
    for (dt, stage) in {(c["debt_type"], c["stage"]) for c in cases}:
        assert listed[f"{dt}.{stage}"]["count"] == sum(1 for c in cases if (c["debt_type"], c["stage"]) == (dt, stage))
    deciding = {(dt, s.id) for dt in ("sundry", "hb_overpayment") for s in town.host.debt_types[dt].ladder.stages if s.officer_decides}
    waiting = [c for c in cases if (c["debt_type"], c["stage"]) in deciding]
    assert waiting, "the scenario leaves cases waiting for an officer"
    assert listed["decisions"]["count"] == len(waiting)
    assert listed["decisions-overdue"]["count"] == sum(1 for c in waiting if (on - c["stage_since"]).days > 10)
    assert listed["reviews-due"]["count"] == sum(1 for c in cases if c["next_review_on"] and c["next_review_on"] <= on)
    assert listed["sundry.officer_review"]["group"] == "Sundry debt" or listed["sundry.officer_review"]["debt_type"] == "sundry"
    later = {q["name"]: q for q in list_queues(town.engine, town.host, town.id, on + timedelta(days=1000))["queues"]}
    assert later["decisions-overdue"]["count"] == len(waiting)


KEYS = {
    "priority": lambda r: (r["priority"] if r["priority"] is not None else 1 << 30, -r["balance_pence"]),
    "balance": lambda r: (-r["balance_pence"],),
    "age": lambda r: (r["stage_since"],),
}


@pytest.mark.parametrize("sort", ["priority", "balance", "age"])
@pytest.mark.parametrize("name", ["decisions", "reviews-due", "sundry.further_recovery", "sundry.final_notice"])
def test_paging_visits_every_case_once_in_the_order_asked(town, name, sort):
    on = LATER
    count = {q["name"]: q["count"] for q in list_queues(town.engine, town.host, town.id, on)["queues"]}[name]
    rows = every_page(town, name, on, sort)
    refs = [r["reference"] for r in rows]
    assert len(refs) == len(set(refs)) == count > 4
    keys = [KEYS[sort](r) for r in rows]
    assert keys == sorted(keys)


def test_a_debt_type_and_a_balance_band_narrow_the_queue(town):
    on = LATER
    cases = truth(town.engine, on)
    hb = every_page(town, "reviews-due", on, "balance", debt_type="hb_overpayment")
    assert {r["reference"] for r in hb} == {c["reference"] for c in cases if c["debt_type"] == "hb_overpayment"}
    balances = sorted(c["balance_pence"] for c in cases)
    low, high = balances[len(balances) // 4], balances[3 * len(balances) // 4]
    band = every_page(town, "reviews-due", on, "age", min_balance_pence=low, max_balance_pence=high)
    assert {r["reference"] for r in band} == {c["reference"] for c in cases if low <= c["balance_pence"] <= high}
    assert 0 < len(band) < len(cases)


@pytest.mark.parametrize("name", ["reviews-due", "sundry.further_recovery"])
def test_searching_a_queue_by_name_start_or_reference(town, name):
    whole = every_page(town, name, LATER, "priority")
    for text in ("smi", "ada smith", "ADA  SMITHS", "émile"):
        found = every_page(town, name, LATER, "priority", text=text)
        wanted = " ".join(text.casefold().split())
        assert [r["reference"] for r in found] == [r["reference"] for r in whole if r["debtor_name"].casefold().startswith(wanted)]
    assert any(every_page(town, name, LATER, "age", text=t) for t in ("smi", "ada smith"))
    one = whole[0]
    assert [r["reference"] for r in every_page(town, name, LATER, "age", text=one["reference"].lower())] == [one["reference"]]
    assert one["reference"] in {r["reference"] for r in every_page(town, name, LATER, "balance", text=one["debtor_ref"])}
    assert every_page(town, name, LATER, "age", text="nobody-like-this") == []


def test_search_finds_accounts_by_reference_debtor_reference_and_name(town):
    on = LATER
    assert [r["reference"] for r in search(town.engine, town.host, town.id, "S05", on)["rows"]] == ["S05"]
    by_debtor = {r["reference"] for r in search(town.engine, town.host, town.id, "D02", on)["rows"]}
    assert by_debtor == {"S02", "S14", "S26", "S38", "H2"}
    assert {r["debtor_name"] for r in search(town.engine, town.host, town.id, "  émile ", on)["rows"]} == {"Émile Zola"}
    assert {r["debtor_name"] for r in search(town.engine, town.host, town.id, "CHLOÉ o'", on)["rows"]} == {"Chloé O'Brien"}
    assert search(town.engine, town.host, town.id, "%", on)["rows"] == []
    assert search(town.engine, town.host, town.id, "_", on)["rows"] == []


def test_a_debtor_shows_every_account_in_priority_order(town):
    on = LATER
    shown = show_debtor(town.engine, town.host, town.id, "D02", on)
    refs = [a["reference"] for a in shown["accounts"]]
    assert set(refs) == {"S02", "S14", "S26", "S38", "H2"}
    open_lines = [a for a in shown["accounts"] if a["closed_on"] is None]
    assert [a["priority"] for a in open_lines] == sorted(a["priority"] for a in open_lines)
    assert shown["totals"]["balance_pence"] == sum(a["balance_pence"] for a in open_lines)
    assert shown["totals"]["open_accounts"] + shown["totals"]["closed_accounts"] == 5
    with pytest.raises(NotFound, match="no debtor 'D99'"):
        show_debtor(town.engine, town.host, town.id, "D99", on)


def test_bad_requests_are_refused_in_one_line(town):
    on = LATER
    with pytest.raises(NotFound, match="no queue 'nope'"):
        queue_page(town.engine, town.host, town.id, "nope", on)
    with pytest.raises(ActionRefused, match="sort 'size'"):
        queue_page(town.engine, town.host, town.id, "decisions", on, sort="size")
    first = queue_page(town.engine, town.host, town.id, "reviews-due", on, sort="balance", limit=2)
    with pytest.raises(ActionRefused, match="not a cursor of this queue sorted by age"):
        queue_page(town.engine, town.host, town.id, "reviews-due", on, sort="age", after=first["next_cursor"])
    with pytest.raises(ActionRefused, match="not a cursor"):
        queue_page(town.engine, town.host, town.id, "reviews-due", on, after="garbage!")
    with pytest.raises(ActionRefused, match="not one council"):
        queue_page(town.engine, town.host, town.id, "reviews-due", on, debt_type="pcn")
    with pytest.raises(ActionRefused, match="lower end"):
        queue_page(town.engine, town.host, town.id, "reviews-due", on, min_balance_pence=5, max_balance_pence=1)


def test_counts_past_the_cap_read_as_a_floor():
    assert count_label(COUNT_CAP, True) == "10,000+"
    assert count_label(1234, False) == "1,234"


def test_each_debt_types_own_queues_are_listed_with_their_day_limits(host, tmp_path, db_url):
    council = TestCouncil(db_url, host, tmp_path, {"pcn": {}, "rents": {}, "council_tax": {}}, today=date(2026, 6, 30))
    try:
        queues = {q["name"]: q for q in list_queues(council.engine, host, council.id, date(2026, 6, 30))["queues"]}
    finally:
        council.close()
    assert queues["pcn.representations-near-limit"]["label"] == "Representations near the 56-day limit"
    assert "42 or more days" in queues["pcn.representations-near-limit"]["description"]
    assert {"rents.nsp-about-to-lapse", "council_tax.awaiting-route"} <= set(queues)


def test_a_queue_naming_a_stage_the_ladder_lacks_is_refused_at_registration(host):
    from dataclasses import replace

    from arrears import DebtTypeRegistry, PluginError

    sundry = host.debt_types["sundry"]

    class Rules(type(sundry.rules)):
        def queues(self, params):
            return [QueueSpec("stuck", "Stuck", ("nowhere",)), QueueSpec("invoice", "Clash", ("invoice",))]

    registry = DebtTypeRegistry(current_plugin="broken")
    with pytest.raises(PluginError) as refused:
        registry.add(replace(sundry, rules=Rules(), plugin=""))
    assert "queue 'stuck' names 'nowhere'" in str(refused.value)
    assert "queue 'invoice' needs a unique name" in str(refused.value)


def test_when_more_reviews_are_due_than_the_cap_they_come_oldest_first(town, monkeypatch):
    import arrears.services.officers.pages as pages

    monkeypatch.setattr(pages, "COUNT_CAP", 3)
    first = queue_page(town.engine, town.host, town.id, "reviews-due", LATER, sort="balance", limit=4)
    assert (first["sort"], first["sort_asked"]) == ("review", "balance")
    rows = every_page(town, "reviews-due", LATER, "balance")
    due = [c for c in truth(town.engine, LATER)]
    assert len(due) > 3 and sorted(r["reference"] for r in rows) == sorted(c["reference"] for c in due)
    assert [r["next_review_on"] for r in rows] == sorted(r["next_review_on"] for r in rows)


def test_a_debt_type_whose_queues_fail_loses_only_its_own(town, monkeypatch):
    rules = type(town.host.debt_types["sundry"].rules)

    def broken(self, params):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(rules, "queues", broken)
    listed = list_queues(town.engine, town.host, town.id, LATER)
    assert any("debt type 'sundry'" in p and "ZeroDivisionError" in p for p in listed["problems"])
    assert {"decisions", "sundry.further_recovery"} <= {q["name"] for q in listed["queues"]}
