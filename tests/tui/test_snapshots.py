"""How the main screens look (SVG snapshots in __snapshots__; `pytest --snapshot-update` rewrites them after a
deliberate change of the screens, and the README shows them)."""

from __future__ import annotations

import shutil

import pytest


SIZE = (110, 32)


@pytest.fixture
def db_url(sqlite_template, tmp_path) -> str:
    """SQLite only: the screens look the same on either database, and the snapshots are named once."""
    target = tmp_path / "arrears.db"
    shutil.copy(sqlite_template, target)
    return f"sqlite:///{target}"


def opened(settle, open_screen=None):
    """What to do before the picture: let the home screen load, then open ``open_screen(app)`` and let it load."""
    async def run_before(pilot):
        await settle(pilot)
        if open_screen is not None:
            open_screen(pilot.app)
            await settle(pilot)
    return run_before


def test_home(make_app, snap_compare, settle):
    assert snap_compare(make_app(page_size=50), terminal_size=SIZE, run_before=opened(settle))


def test_queue(make_app, snap_compare, settle):
    assert snap_compare(make_app(page_size=50), terminal_size=SIZE, run_before=opened(settle, lambda app: app.open_queue("reviews-due")))


def test_case(make_app, snap_compare, settle):
    assert snap_compare(make_app(page_size=50), terminal_size=SIZE, run_before=opened(settle, lambda app: app.open_case("S04")))


def test_debtor(make_app, snap_compare, settle):
    assert snap_compare(make_app(page_size=50), terminal_size=SIZE, run_before=opened(settle, lambda app: app.open_debtor("D01")))


def test_portfolio(make_app, snap_compare, settle):
    assert snap_compare(make_app(page_size=50), terminal_size=SIZE, run_before=opened(settle, lambda app: app.action_portfolio()))
