"""A small council for the officers' app: sundry invoices and HB overpayments, run on, a desk for its officer."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest

from arrears.services.officers.desk import OfficerDesk
from arrears.tui.app import ArrearsApp
from arrears.testing import TestCouncil

START = date(2025, 1, 6)
TODAY = START + timedelta(days=200)
NAMES = ["Ada Smith", "ADA SMITHSON", "Émile Zola", "Bob Smith", "Chloé O'Brien", "Smith & Sons Ltd", "Dev Patel",
         "Grace Khan"]


def build_council(url: str, host, folder) -> TestCouncil:
    """30 invoices raised every other day and 4 HB overpayments, run to 110 days on; three referred to an agent."""
    council = TestCouncil(url, host, folder, {"sundry": {"pre_action_letters": False}, "hb_overpayment": {}}, today=TODAY)
    council.accounts(*[{"reference": f"S{i:02d}", "amount": f"{40 + 37 * (i % 9)}.{i:02d}", "date": START + timedelta(days=2 * i),
                        "debtor_ref": f"D{i % 8:02d}", "debtor_name": NAMES[i % 8]} for i in range(30)])
    council.accounts(*[{"reference": f"H{i}", "debt_type": "hb_overpayment", "amount": f"{300 + 50 * i}.00", "date": START,
                        "debtor_ref": f"D{i:02d}", "debtor_name": NAMES[i], "period_start": "2024-04-01",
                        "period_end": "2024-09-30", "cause": "claimant_error"} for i in range(4)])
    council.pay(("S03", "10.00", START + timedelta(days=20)), ("S07", "500.00", START + timedelta(days=30)))
    council.run(START + timedelta(days=110))
    for ref in ("S00", "S01", "S02"):
        council.act(ref, "refer_collection_agent", START + timedelta(days=110), agent="Marstons")
    return council


async def settle_screen(pilot, seconds: float = 0.0) -> None:
    """Let timers fire (``seconds``) and every worker finish, then the screen redraw."""
    if seconds:
        await pilot.pause(seconds)
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def settle():
    """``await settle(pilot[, seconds])``: the app at rest, every desk call answered."""
    return settle_screen


@pytest.fixture
def drive():
    """``drive(app, scenario, size)``: run the app headless, let it load, then ``await scenario(pilot)``."""
    def run(app, scenario, size=(110, 34)) -> None:
        async def main():
            async with app.run_test(size=size) as pilot:
                await settle_screen(pilot)
                await scenario(pilot)
        asyncio.run(main())
    return run


@pytest.fixture
def desk_today() -> date:
    """The day the officer's desk takes as today."""
    return TODAY


@pytest.fixture
def council(db_url, host, tmp_path):
    built = build_council(db_url, host, tmp_path / "files")
    yield built
    built.close()


@pytest.fixture
def make_app(council, db_url):
    """``make_app(page_size=5, sign_in=False)``: the app at the officer's desk (or its sign-in screen), today fixed."""
    apps = []

    def make(page_size: int = 5, sign_in: bool = False) -> ArrearsApp:
        desk = OfficerDesk.open(db_url, council.id, None if sign_in else "officer", today=lambda: TODAY)
        app = ArrearsApp(desk, sign_in=sign_in, page_size=page_size)
        apps.append(app)
        return app

    return make
