"""How the main screens look (SVG snapshots in __snapshots__; `pytest --snapshot-update` rewrites them after a
deliberate change of the screens, and the README shows them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
SIZE = (110, 32)


async def settle(pilot, seconds: float = 0.0) -> None:
    if seconds:
        await pilot.pause(seconds)
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_home(make_app, snap_compare):
    assert snap_compare(make_app(page_size=50), terminal_size=SIZE, run_before=settle)


def test_queue(make_app, snap_compare):
    async def open_queue(pilot):
        await settle(pilot)
        pilot.app.open_queue("reviews-due")
        await settle(pilot)

    assert snap_compare(make_app(page_size=50), terminal_size=SIZE, run_before=open_queue)


def test_case(make_app, snap_compare):
    async def open_case(pilot):
        await settle(pilot)
        pilot.app.open_case("S04")
        await settle(pilot)

    assert snap_compare(make_app(page_size=50), terminal_size=SIZE, run_before=open_case)


def test_debtor(make_app, snap_compare):
    async def open_debtor(pilot):
        await settle(pilot)
        pilot.app.open_debtor("D01")
        await settle(pilot)

    assert snap_compare(make_app(page_size=50), terminal_size=SIZE, run_before=open_debtor)


def test_portfolio(make_app, snap_compare):
    async def open_portfolio(pilot):
        await settle(pilot)
        pilot.app.action_portfolio()
        await settle(pilot)

    assert snap_compare(make_app(page_size=50), terminal_size=SIZE, run_before=open_portfolio)
