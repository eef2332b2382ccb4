"""Benchmark what an officer waits for, on the million-case database: in the service layer and through the TUI.

Builds the database with ``run_benchmark.py`` (the six debt types mixed, billed,
every case moved on 2 April, 5% paid) unless the work directory already holds
one, then gives one case a long history (1,000 payments), and times:

* the home screen: every queue with its count;
* the first and the next page of the largest stage queue, by balance and by priority;
* a page across debt types (cases waiting for an officer's decision), reviews due;
* search by account reference and by the start of a name, also within a queue;
* opening the case with the long history (summary, schedule, timeline, allowed actions).

The same steps are then timed end to end through the TUI driven headless by
Textual's Pilot: from the key (or call) to the screen showing the result.
Targets: home < 200 ms; a page, the next page and a search < 100 ms; the
long case < 150 ms. Figures are medians of ``--repeat`` runs after one warm-up.

    python benchmarks/queue_benchmark.py [--cases N] [--workdir DIR] [--db URL [--recreate]] [--repeat 7]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
COUNCIL = "benchshire"
ON = date(2025, 4, 10)
LONG = "S00000007"


def build(args, db: str) -> None:
    """The mixed million (run_benchmark.py), then one case with 1,000 payments and an officer."""
    command = [sys.executable, str(HERE / "run_benchmark.py"), "--debt-type", "mixed", "--cases", str(args.cases),
               "--workdir", str(args.workdir)] + (["--db", db] if args.db else []) + (["--recreate"] if args.recreate else [])
    subprocess.run(command, check=True)
    payments = args.workdir / "long-history.csv"
    with payments.open("w") as fh:
        fh.write("reference,amount,date,method,payment_ref\n")
        for i in range(1000):
            fh.write(f"{LONG},0.01,2025-04-0{1 + i % 9},card,LONG{i:06d}\n")
    env = dict(os.environ, ARREARS_DB=db, ARREARS_TODAY=ON.isoformat())
    for argv in (["import", "payments", str(payments), "--council", COUNCIL],
                 ["officer", "add", "bench.officer", "--council", COUNCIL, "--role", "recovery_officer"]):
        subprocess.run([sys.executable, "-m", "arrears", *argv], check=True, env=env, stdout=subprocess.DEVNULL)


def timed(fn, repeat: int) -> dict:
    fn()  # warm-up: the profile read once, the plugins loaded, the pages cached as a working day would have them
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def service_steps(desk) -> list[tuple[str, object, float]]:
    queues = desk.queues()["queues"]
    stages = sorted((q for q in queues if "." in q["name"] and q["count"]), key=lambda q: -q["count"])
    big = stages[0]["name"]
    due = next(q for q in queues if q["name"] == "reviews-due")["count_label"]
    print(f"largest stage queue: {big}, {stages[0]['count']:,} cases; reviews due: {due}")
    first = desk.queue_page(big, sort="balance")
    second = desk.queue_page(big, sort="balance", after=first["next_cursor"])
    name = desk.search(LONG)["rows"][0]["debtor_name"]
    return [
        ("home: every queue with its count", desk.queues, 200),
        (f"{big}: first page by balance", lambda: desk.queue_page(big, sort="balance"), 100),
        (f"{big}: next page", lambda: desk.queue_page(big, sort="balance", after=first["next_cursor"]), 100),
        (f"{big}: third page", lambda: desk.queue_page(big, sort="balance", after=second["next_cursor"]), 100),
        (f"{big}: first page by priority", lambda: desk.queue_page(big, sort="priority"), 100),
        (f"{big}: first page by age", lambda: desk.queue_page(big, sort="age"), 100),
        ("decisions (across debt types): first page", lambda: desk.queue_page("decisions"), 100),
        ("reviews due (across debt types): first page", lambda: desk.queue_page("reviews-due"), 100),
        ("search: an account reference", lambda: desk.search("S00012345"), 100),
        (f"search: a name's start ({name[:9]!r})", lambda: desk.search(name[:9]), 100),
        (f"{big}: search within the queue by name", lambda: desk.queue_page(big, text=name[:9]), 100),
        (f"open {LONG} (1,000 payments)", lambda: desk.case(LONG), 150),
    ]


async def pilot_steps(desk, repeat: int) -> list[dict]:
    """The same, end to end through the app: from the call to the screen showing the answer."""
    from arrears.tui.app import ArrearsApp
    from arrears.tui.screens.case import CaseScreen
    from arrears.tui.screens.queue import QueueScreen
    from arrears.tui.screens.queues import QueuesScreen
    from arrears.tui.screens.search import SearchScreen

    app = ArrearsApp(desk)
    results = []
    async with app.run_test(size=(120, 40)) as pilot:
        async def until(check, timeout: float = 30.0) -> None:
            deadline = time.perf_counter() + timeout
            while not check():
                if time.perf_counter() > deadline:
                    raise TimeoutError("the screen did not show the answer")
                await asyncio.sleep(0.001)

        async def measure(label: str, start, check, target: float, leave=None) -> None:
            times = []
            for i in range(repeat + 1):
                t = time.perf_counter()
                start()
                await until(check)
                if i:
                    times.append((time.perf_counter() - t) * 1000)
                if leave:
                    leave()
                    await pilot.pause()
            results.append({"step": label, "median_ms": round(statistics.median(times), 1),
                            "max_ms": round(max(times), 1), "target_ms": target})

        await until(lambda: isinstance(app.screen, QueuesScreen) and app.screen.data is not None)
        home = app.screen

        def refresh_home():
            home.data = None
            home.action_refresh()
        await measure("home: every queue with its count", refresh_home, lambda: home.data is not None, 200)
        big = max((q for q in home.data["queues"] if "." in q["name"]), key=lambda q: q["count"])["name"]

        def open_queue():
            app.open_queue(big)
        await measure(f"{big}: first page", open_queue,
                      lambda: isinstance(app.screen, QueueScreen) and bool(app.screen.rows), 100, leave=app.pop_screen)
        app.open_queue(big)
        await until(lambda: isinstance(app.screen, QueueScreen) and bool(app.screen.rows))
        queue = app.screen

        def next_page():
            queue.seen = queue.rows[0]["reference"]
            queue.action_next_page()
        await measure(f"{big}: next page", next_page, lambda: queue.rows and queue.rows[0]["reference"] != queue.seen, 100,
                      leave=queue.action_previous_page)
        app.pop_screen()

        def search():
            app.open_search("S00012345")
        await measure("search: an account reference", search,
                      lambda: isinstance(app.screen, SearchScreen) and bool(app.screen.rows), 100, leave=app.pop_screen)
        name = desk.search(LONG)["rows"][0]["debtor_name"][:9]

        def search_name():
            app.open_search(name)
        await measure(f"search: a name's start ({name!r})", search_name,
                      lambda: isinstance(app.screen, SearchScreen) and bool(app.screen.rows), 100, leave=app.pop_screen)

        def open_case():
            app.open_case(LONG)
        await measure(f"open {LONG} (1,000 payments)", open_case,
                      lambda: isinstance(app.screen, CaseScreen) and app.screen.case is not None, 150, leave=app.pop_screen)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, help="Keeps the database between runs (default: a temporary directory).")
    parser.add_argument("--db", help="Database URL (default: a SQLite file in the work directory).")
    parser.add_argument("--recreate", action="store_true", help="PostgreSQL: drop and create --db first.")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    args.workdir = args.workdir or Path(tempfile.mkdtemp(prefix="arrears-queues-"))
    db = args.db or f"sqlite:///{args.workdir / 'bench.db'}"
    if args.recreate or not (args.db or (args.workdir / "bench.db").exists()):
        build(args, db)

    from arrears.services.officers.desk import OfficerDesk

    desk = OfficerDesk.open(db, COUNCIL, "bench.officer", today=lambda: ON)
    results = []
    print(f"{'service layer':<52} {'median':>9} {'max':>9}  target")
    for label, fn, target in service_steps(desk):
        figures = timed(fn, args.repeat)
        results.append({"layer": "service", "step": label, **figures, "target_ms": target})
        print(f"{label:<52} {figures['median_ms']:>6.1f} ms {figures['max_ms']:>6.1f} ms  < {target} ms", flush=True)
    print(f"\n{'through the TUI (Pilot)':<52} {'median':>9} {'max':>9}  target")
    for row in asyncio.run(pilot_steps(desk, args.repeat)):
        results.append({"layer": "tui", **row})
        print(f"{row['step']:<52} {row['median_ms']:>6.1f} ms {row['max_ms']:>6.1f} ms  < {row['target_ms']} ms", flush=True)
    print(json.dumps({"cases": args.cases, "database": db.split(":")[0], "results": results}))


if __name__ == "__main__":
    main()
