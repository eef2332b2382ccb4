"""The officers' app driven as an officer drives it: keys in, screens out, on both databases."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from arrears.errors import ActionRefused
from arrears.services.actions import record_action
from arrears.services.officers.queues import list_queues
from arrears.tui.screens.action_form import ActionForm, ActionPicker
from arrears.tui.screens.case import CaseScreen
from arrears.tui.screens.debtor import DebtorScreen
from arrears.tui.screens.decision import DecisionScreen
from arrears.tui.screens.help import HelpScreen
from arrears.tui.screens.queue import QueueScreen
from arrears.tui.screens.queues import QueuesScreen
from arrears.tui.screens.portfolio import PortfolioScreen
from arrears.tui.screens.search import SearchScreen
from textual.widgets import DataTable, Input, Static



def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def test_home_lists_every_queue_with_its_count(make_app, council, desk_today, drive):
    expected = {q["name"]: q["count"] for q in list_queues(council.engine, council.host, council.id, desk_today)["queues"]}

    async def scenario(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, QueuesScreen)
        table = screen.query_one("#queues", DataTable)
        shown = {key.value: str(table.get_row(key)[1]) for key in table.rows}
        assert shown["decisions"] == f"{expected['decisions']:,}"
        assert shown["reviews-due"] == f"{expected['reviews-due']:,}" and expected["reviews-due"] > 5
        assert all(expected[name] > 0 or name in ("decisions", "decisions-overdue", "reviews-due") for name in shown)
        await pilot.press("e")
        assert len(table.rows) == len(expected)

    drive(make_app(), scenario)


def test_a_queue_pages_sorts_filters_and_searches(make_app, settle, drive):
    async def scenario(pilot):
        table = pilot.app.screen.query_one("#queues", DataTable)
        table.move_cursor(row=table.get_row_index("reviews-due"))
        await pilot.press("enter")
        await settle(pilot)
        queue = pilot.app.screen
        assert isinstance(queue, QueueScreen) and len(queue.rows) == 5
        first = [r["reference"] for r in queue.rows]
        assert [r["priority"] for r in queue.rows] == sorted(r["priority"] for r in queue.rows)
        await pilot.press("n")
        await settle(pilot)
        second = [r["reference"] for r in queue.rows]
        assert second and not set(first) & set(second)
        assert "page 2" in text_of(queue, "#queue-filters")
        await pilot.press("p")
        await settle(pilot)
        assert [r["reference"] for r in queue.rows] == first
        await pilot.press("s")
        await settle(pilot)
        balances = [r["balance_pence"] for r in queue.rows]
        assert balances == sorted(balances, reverse=True) and "largest balance" in text_of(queue, "#queue-filters")
        await pilot.press("t")
        await settle(pilot)
        assert {r["debt_type"] for r in queue.rows} == {"hb_overpayment"} or queue.debt_type == "sundry"
        await pilot.press("t", "t")
        await settle(pilot)
        assert queue.debt_type is None
        await pilot.press("slash")
        assert queue.query_one("#search", Input).has_focus
        await pilot.press(*"smi")
        await settle(pilot, 0.4)
        names = {r["debtor_name"] for r in queue.rows}
        assert names and all(n.casefold().startswith("smi") for n in names)
        await pilot.press("escape")
        assert queue.query_one("#cases", DataTable).has_focus
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, QueuesScreen)

    drive(make_app(), scenario)


def test_a_case_its_decision_record_an_action_refused_then_recorded_and_the_debtor(make_app, council, desk_today, settle, drive):
    try:
        record_action(council.engine, council.host, council.id, "S05", "write_off", {"reason": "because"}, "officer",
                      desk_today)
    except ActionRefused as exc:
        cli_error = str(exc)
    else:
        raise AssertionError("a write-off for an unknown reason must be refused")

    async def scenario(pilot):
        pilot.app.open_search("S05")
        await settle(pilot)
        search = pilot.app.screen
        assert isinstance(search, SearchScreen) and [r["reference"] for r in search.rows] == ["S05"]
        await pilot.press("enter")
        await settle(pilot)
        case = pilot.app.screen
        assert isinstance(case, CaseScreen) and case.case["reference"] == "S05"
        summary = text_of(case, "#case-summary")
        assert "S05" in summary and case.case["stage_label"] in summary
        stage_rows = [i for i, e in enumerate(case.events) if e["type"] == "stage"]
        table = case.query_one("#timeline", DataTable)
        table.move_cursor(row=stage_rows[0])
        await pilot.press("enter")
        decision = pilot.app.screen
        assert isinstance(decision, DecisionScreen)
        event = case.events[stage_rows[0]]
        shown = text_of(decision, "#decision-text")
        assert event["rule"] in shown and event["profile_version"] in shown and event["reason"][:30] in shown
        assert decision.query_one("#facts", DataTable).row_count == len(event["facts"])
        await pilot.press("escape")
        assert pilot.app.screen is case

        before = len(case.events)
        await pilot.press("a")
        picker = pilot.app.screen
        assert isinstance(picker, ActionPicker)
        await pilot.press("end", "enter")
        form = pilot.app.screen
        assert isinstance(form, ActionForm) and form.action["action"] == "write_off"
        await pilot.press(*"because")
        await settle(pilot, 0.4)
        assert cli_error in text_of(form, "#problem")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is form and cli_error in text_of(form, "#problem")
        reason = form.query_one("#field-reason", Input)
        reason.value = "uneconomical"
        await settle(pilot, 0.4)
        assert "Ready" in text_of(form, "#problem")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is case
        assert len(case.events) > before
        assert case.events[0]["type"] in ("stage", "write_off") and case.case["stage"] == "written_off"
        assert any(e["type"] == "stage" and e["to"] == "written_off" and e["officer"] == "officer" for e in case.events)

        await pilot.press("d")
        await settle(pilot)
        debtor = pilot.app.screen
        assert isinstance(debtor, DebtorScreen)
        assert "S05" in {r["reference"] for r in debtor.rows}
        assert "Smith & Sons Ltd" in text_of(debtor, "#debtor-summary")
        await pilot.press("escape")
        assert pilot.app.screen is case
        await pilot.press("escape")
        assert pilot.app.screen is search

    drive(make_app(), scenario)


def test_the_palette_opens_a_case_by_reference_and_help_lists_the_keys(make_app, settle, drive):
    async def scenario(pilot):
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"H2")
        await settle(pilot, 0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CaseScreen) and pilot.app.screen.reference == "H2"
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, CaseScreen)

    drive(make_app(), scenario)


def test_the_portfolio_counts_and_charts(make_app, council, settle, drive):
    async def scenario(pilot):
        await pilot.press("p")
        await settle(pilot)
        portfolio = pilot.app.screen
        assert isinstance(portfolio, PortfolioScreen)
        stages = portfolio.query_one("#stages", DataTable)
        total = sum(int(str(stages.get_row_at(i)[2]).replace(",", "")) for i in range(stages.row_count))
        with council.engine.connect() as conn:
            assert total == conn.execute(sa.text("SELECT COUNT(*) FROM account")).scalar_one()
        assert portfolio.query_one("#runs", DataTable).row_count >= 1

    drive(make_app(), scenario)


def test_a_failing_database_is_one_line_and_the_screen_stays(make_app, settle, drive):
    async def scenario(pilot):
        app = pilot.app
        app.desk.engine = sa.create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
        await pilot.press("r")
        await settle(pilot, 0.2)
        messages = [n.message for n in app._notifications]
        assert any("the database cannot be reached" in m for m in messages), messages
        assert all("Traceback" not in m and "\n" not in m for m in messages)
        assert isinstance(app.screen, QueuesScreen)

    drive(make_app(), scenario)


def test_usable_at_80_by_24(make_app, settle, drive):
    async def scenario(pilot):
        table = pilot.app.screen.query_one("#queues", DataTable)
        assert table.region.height >= 10 and table.region.width == 80
        table.move_cursor(row=table.get_row_index("reviews-due"))
        await pilot.press("enter")
        await settle(pilot)
        cases = pilot.app.screen.query_one("#cases", DataTable)
        assert cases.region.height >= 12

    drive(make_app(page_size=50), scenario, size=(80, 24))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_wrong_password_is_refused_and_the_right_one_opens_the_queues(make_app, council, settle, drive):
    from arrears.services.officers.sign_in import set_password

    set_password(council.engine, council.id, "officer", "correct horse battery")

    async def scenario(pilot):
        await pilot.press(*"officer", "enter", *"wrong password!", "enter")
        await settle(pilot)
        assert "wrong login or password" in text_of(pilot.app.screen, "#sign-in-problem")
        await pilot.press(*"correct horse battery", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, QueuesScreen)
        assert pilot.app.desk.officer == "officer"

    drive(make_app(sign_in=True), scenario)


def test_the_mouse_opens_a_queue_and_a_case(make_app, settle, drive):
    async def scenario(pilot):
        table = pilot.app.screen.query_one("#queues", DataTable)
        row = table.get_row_index("reviews-due")
        await pilot.click("#queues", offset=(3, row + 1))  # the first click moves the cursor there, the second opens
        await settle(pilot)
        assert isinstance(pilot.app.screen, QueuesScreen) and table.cursor_row == row
        await pilot.click("#queues", offset=(3, row + 1))
        await settle(pilot)
        queue = pilot.app.screen
        assert isinstance(queue, QueueScreen) and queue.queue_name == "reviews-due"
        await pilot.click("#cases", offset=(3, 2))
        await pilot.click("#cases", offset=(3, 2))
        await settle(pilot)
        assert isinstance(pilot.app.screen, CaseScreen) and pilot.app.screen.reference == queue.rows[1]["reference"]

    drive(make_app(), scenario)
