"""The screens' twins for scripts: arrears queue list|show, debtor show, search, portfolio; text, --json and --csv."""

from __future__ import annotations

import csv
import io
import json

import pytest

ON = "2025-06-30"


@pytest.fixture
def worked(council, h, tmp_path):
    """testshire's 30 invoices, run to the end of June 2025 (most at further recovery, some paid)."""
    h.load_scenario(council, tmp_path)
    h.run_json(council, ON)
    return council


def out(cli, *args, expect=0):
    return cli(*args, "--council", "testshire", expect=expect).output


def test_queue_list_in_text_json_and_csv(worked):
    data = json.loads(out(worked, "queue", "list", "--date", ON, "--json"))
    counts = {q["name"]: q["count"] for q in data["queues"]}
    assert counts["sundry.further_recovery"] > 0 and {"decisions", "decisions-overdue", "reviews-due"} <= set(counts)
    text = out(worked, "queue", "list", "--date", ON, "--non-empty")
    assert "sundry.further_recovery" in text and "sundry.letter_of_claim" not in text
    rows = list(csv.DictReader(io.StringIO(out(worked, "queue", "list", "--date", ON, "--csv"))))
    assert {r["name"]: int(r["count"]) for r in rows} == counts


def test_queue_show_pages_with_the_cursor_it_prints(worked):
    first = json.loads(out(worked, "queue", "show", "sundry.further_recovery", "--date", ON, "--limit", "4", "--json"))
    seen = [r["reference"] for r in first["rows"]]
    after = first["next_cursor"]
    while after:
        page = json.loads(out(worked, "queue", "show", "sundry.further_recovery", "--date", ON, "--limit", "4",
                              "--after", after, "--json"))
        seen += [r["reference"] for r in page["rows"]]
        after = page["next_cursor"]
    listed = {q["name"]: q["count"] for q in json.loads(out(worked, "queue", "list", "--date", ON, "--json"))["queues"]}
    assert len(seen) == len(set(seen)) == listed["sundry.further_recovery"]
    text = out(worked, "queue", "show", "sundry.further_recovery", "--date", ON, "--limit", "2", "--sort", "balance")
    assert "next page: --after " in text and "BALANCE" in text
    rows = list(csv.DictReader(io.StringIO(out(worked, "queue", "show", "sundry.further_recovery", "--date", ON,
                                               "--min-balance", "100", "--csv"))))
    assert rows and all(int(r["balance_pence"]) >= 10_000 for r in rows)


def test_queue_show_refuses_in_one_line(worked):
    result = worked("queue", "show", "nope", "--council", "testshire", expect=1)
    assert "no queue 'nope'" in result.output and "Traceback" not in result.output
    result = worked("queue", "show", "decisions", "--council", "testshire", "--min-balance", "ten", expect=2)
    assert "--min-balance" in result.output
    result = worked("queue", "show", "decisions", "--council", "testshire", "--json", "--csv", expect=2)
    assert "not both" in result.output


def test_search_and_debtor_show(worked):
    found = json.loads(out(worked, "search", "S04", "--json"))
    assert [r["reference"] for r in found["rows"]] == ["S04"]
    debtor_ref = found["rows"][0]["debtor_ref"]
    shown = json.loads(out(worked, "debtor", "show", debtor_ref, "--json"))
    assert "S04" in {a["reference"] for a in shown["accounts"]}
    assert shown["totals"]["balance_pence"] == sum(a["balance_pence"] for a in shown["accounts"] if not a["closed_on"])
    text = out(worked, "debtor", "show", debtor_ref)
    assert "S04" in text and "owing" in text
    rows = list(csv.DictReader(io.StringIO(out(worked, "search", "S04", "--csv"))))
    assert [r["reference"] for r in rows] == ["S04"]
    assert "nothing matches" in out(worked, "search", "zzz-nobody")
    assert "no debtor 'NOPE'" in worked("debtor", "show", "NOPE", "--council", "testshire", expect=1).output


def test_portfolio_counts_every_account(worked):
    data = json.loads(out(worked, "portfolio", "--date", ON, "--json"))
    assert sum(s["count"] for t in data["debt_types"] for s in t["stages"]) == 30
    assert data["runs"] and data["runs"][0]["to"] == ON
    assert sum(b["cases"] for b in data["age_bands"]) == sum(t["open"] for t in data["debt_types"])
    text = out(worked, "portfolio", "--date", ON)
    assert "further_recovery" in text and "3 to 12 months" in text


def test_a_schedule_shows_what_is_paid_in_due_order_and_what_is_late():
    from datetime import date

    from arrears.services.accounts import schedule_status

    plan = [["2025-04-01", 10_000], ["2025-05-01", 10_000], ["2025-06-01", 10_000], ["2025-07-01", 10_000]]
    shown = schedule_status(plan, 15_000, date(2025, 6, 15))
    assert [(s["paid_pence"], s["status"]) for s in shown] == [(10_000, "paid"), (5_000, "late"), (0, "late"), (0, "due")]
    assert [s["status"] for s in schedule_status(plan, 40_000, date(2025, 8, 1))] == ["paid"] * 4
    assert [s["status"] for s in schedule_status(plan, 5_000, date(2025, 3, 1))] == ["part paid", "due", "due", "due"]


def test_the_tui_refuses_an_officer_of_no_such_council_before_it_starts(council):
    council("officer", "add", "alice", "--council", "testshire", "--role", "recovery_officer")
    result = council("tui", "--council", "testshire", "--officer", "mallory", expect=1)
    assert "'mallory' is not an officer of council 'testshire'" in result.output
    result = council("tui", "--council", "nowhere", "--officer", "alice", expect=1)
    assert "unknown council 'nowhere'" in result.output
    assert "--officer LOGIN" in council("tui", "--council", "testshire", expect=2).output
    assert "unknown council 'nowhere'" in council("serve", "--council", "nowhere", expect=1).output
