"""Dated profile changes in a nightly run: each day uses what is in force on it, each decision records its profile."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import load_profile

COUNCIL = "testshire"
# Payment terms shortened from 21 to 7 days from 2025-03-20; the reminder and final-notice periods stay 14.
SHORTER_TERMS = "\n[[debt_types.sundry.changes]]\neffective_from = 2025-03-20\npayment_terms_days = 7\n"


def _register(arrears, data_dir, tmp_path, extra: str = "") -> str:
    path = tmp_path / "testshire.toml"
    path.write_text((data_dir / "sundry_council.toml").read_text() + extra)
    arrears("init", "--council", COUNCIL, "--profile", path)
    return str(path)


def _moves(engine, ref):
    with engine.connect() as conn:
        return conn.execute(sa.text(
            "SELECT e.on_date, e.to_stage, e.profile_version FROM stage_event e JOIN account a ON a.id = e.account_id "
            "WHERE a.reference = :ref ORDER BY e.on_date, e.id"
        ), {"ref": ref}).all()


def _day(value):
    return value if isinstance(value, date) else date.fromisoformat(value)


def test_a_change_that_starts_mid_run_applies_from_its_date_only(arrears, engine, data_dir, tmp_path, h):
    path = _register(arrears, data_dir, tmp_path, SHORTER_TERMS)
    version = load_profile(path, build_plugin_host(blocked=()).debt_types).version
    h.write_invoices(tmp_path / "a.csv", [
        ("EARLY", "50.00", "2025-03-03"),  # 7-day terms would have run out on 10 March, before the change
        ("MID", "50.00", "2025-03-10"),    # under 7-day terms due 17 March, still before the change
        ("LATE", "50.00", "2025-03-18"),   # 7-day terms (in force from the 20th) run out on 25 March
        ("BEFORE", "50.00", "2025-02-01"),  # 21-day terms ran out on 22 February: reminder on the 23rd
    ])
    arrears("import", "accounts", tmp_path / "a.csv", "--council", COUNCIL)
    report = h.run_json(arrears, date(2025, 4, 5))  # one catch-up over the change date
    assert report["dates"]["from"] == "2025-02-01"
    reminders = {ref: [_day(d) for d, stage, _ in _moves(engine, ref) if stage == "reminder"] for ref in ("EARLY", "MID", "LATE", "BEFORE")}
    # Before 20 March the 21-day terms are in force: the change does not reach back.
    assert reminders["BEFORE"] == [date(2025, 2, 23)]
    # EARLY and MID were still inside their 21 days on the 19th (EARLY's run out on the 24th):
    # from the 20th the 7 days are in force and both have run out, so both move on the 20th.
    assert reminders["EARLY"] == [date(2025, 3, 20)]
    assert reminders["MID"] == [date(2025, 3, 20)]
    # LATE: 7 days from 18 March run out on the 25th; the reminder follows on the 26th.
    assert reminders["LATE"] == [date(2025, 3, 26)]
    assert {v for ref in reminders for _, _, v in _moves(engine, ref)} == {version}


def test_each_decision_keeps_the_version_of_the_profile_it_was_made_under(arrears, engine, data_dir, tmp_path, h):
    path = _register(arrears, data_dir, tmp_path)
    debt_types = build_plugin_host(blocked=()).debt_types
    first = load_profile(path, debt_types).version
    h.write_invoices(tmp_path / "a.csv", [("ONE", "50.00", "2025-03-03")])
    arrears("import", "accounts", tmp_path / "a.csv", "--council", COUNCIL)
    h.run_json(arrears, date(2025, 3, 30))  # reminder on 25 March under the first profile
    (tmp_path / "testshire.toml").write_text(
        (data_dir / "sundry_council.toml").read_text().replace("reminder_days = 14", "reminder_days = 7"))
    arrears("init", "--council", COUNCIL, "--profile", path)
    second = load_profile(path, debt_types).version
    assert second != first
    h.run_json(arrears, date(2025, 4, 30))
    moves = [(_day(d), stage, v) for d, stage, v in _moves(engine, "ONE")]
    assert moves[0] == (date(2025, 3, 25), "reminder", first)
    # The second profile's 7 reminder days ran out on 1 April; the final notice follows on the 2nd.
    assert moves[1] == (date(2025, 4, 2), "final_notice", second)
