"""Officers' passwords and sign-in: argon2 hashes, one refusal for a wrong login or password, a lock that counts."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from arrears.cli import cli
from arrears.errors import ActionRefused, SignInRefused
from arrears.services.officers import sign_in as sign_in_module
from arrears.services.accounts import add_officer
from arrears.services.officers.sign_in import LOCK_AFTER, LOCK_FOR, set_password, sign_in
from arrears.store.models import Officer

NOW = datetime(2025, 6, 2, 9, 30, tzinfo=timezone.utc)
PASSWORD = "correct horse battery"
WRONG = "wrong login or password"
OFFICER = Officer.__table__
LOCKED = f"this login is locked after {LOCK_AFTER} wrong passwords; try again after 09:45 UTC"


@pytest.fixture
def alice(council, engine):
    """Officer alice of testshire, with a password."""
    add_officer(engine, "testshire", "alice", "recovery_officer")
    set_password(engine, "testshire", "alice", PASSWORD)
    return engine


def _officer(engine, login="alice"):
    with engine.connect() as conn:
        return conn.execute(sa.select(OFFICER).where(OFFICER.c.login == login)).one()


def _refused(engine, password, now=NOW, login="alice", council_id="testshire") -> str:
    with pytest.raises(SignInRefused) as caught:
        sign_in(engine, council_id, login, password, now)
    return str(caught.value)


def _utc(moment):
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def test_set_then_sign_in_records_the_sign_in(alice):
    assert sign_in(alice, "testshire", "alice", PASSWORD, NOW) == {
        "login": "alice", "role": "recovery_officer", "council": "testshire"}
    row = _officer(alice)
    assert _utc(row.last_sign_in_at) == NOW and row.failed_sign_ins == 0


def test_the_hash_stored_is_argon2_not_the_password(alice):
    stored = _officer(alice).password_hash
    assert stored.startswith("$argon2") and PASSWORD not in stored


def test_a_wrong_password_and_an_unknown_login_get_the_same_refusal(alice):
    assert _refused(alice, "not the password") == WRONG
    assert _refused(alice, PASSWORD, login="mallory") == WRONG
    assert _officer(alice).failed_sign_ins == 1


def test_three_wrong_passwords_lock_the_login_even_against_the_right_one(alice):
    assert [_refused(alice, f"guess number {i}") for i in range(LOCK_AFTER)] == [WRONG] * (LOCK_AFTER - 1) + [LOCKED]
    assert _refused(alice, PASSWORD, now=NOW + timedelta(minutes=14)) == LOCKED
    row = _officer(alice)
    assert row.failed_sign_ins == LOCK_AFTER and _utc(row.locked_until) == NOW + LOCK_FOR


def test_after_the_lock_the_right_password_works_and_the_count_starts_again(alice):
    for i in range(LOCK_AFTER):
        _refused(alice, f"guess number {i}")
    later = NOW + LOCK_FOR
    assert sign_in(alice, "testshire", "alice", PASSWORD, later)["login"] == "alice"
    row = _officer(alice)
    assert row.failed_sign_ins == 0 and row.locked_until is None and _utc(row.last_sign_in_at) == later
    assert _refused(alice, "one more guess", now=later) == WRONG  # one wrong is not a lock


def test_a_wrong_password_after_a_lock_has_run_out_starts_a_fresh_count(alice):
    for i in range(LOCK_AFTER):
        _refused(alice, f"guess number {i}")
    assert _refused(alice, "after the lock", now=NOW + timedelta(hours=1)) == WRONG
    row = _officer(alice)
    assert row.failed_sign_ins == 1 and row.locked_until is None


def test_a_right_password_clears_the_wrong_ones_before_it(alice):
    for i in range(LOCK_AFTER - 1):
        _refused(alice, f"guess number {i}")
    sign_in(alice, "testshire", "alice", PASSWORD, NOW)
    assert _refused(alice, "guess again") == WRONG
    assert _officer(alice).failed_sign_ins == 1


def test_setting_a_password_clears_a_lock(alice):
    for i in range(LOCK_AFTER):
        _refused(alice, f"guess number {i}")
    set_password(alice, "testshire", "alice", "a brand new passphrase")
    assert sign_in(alice, "testshire", "alice", "a brand new passphrase", NOW)["login"] == "alice"


def test_an_officer_without_a_password_is_told_to_ask_for_one(council, engine):
    add_officer(engine, "testshire", "bob", "recovery_officer")
    assert _refused(engine, PASSWORD, login="bob") == (
        "no password set; ask an administrator to run `arrears officer password bob --council testshire`")


@pytest.mark.parametrize("password, problem", [
    ("short one", "9 characters; give at least 12"),
    ("AliceLongLogin", "must not be the login"),
])
def test_weak_passwords_are_refused(council, engine, password, problem):
    add_officer(engine, "testshire", "alicelonglogin", "recovery_officer")
    with pytest.raises(ActionRefused, match=problem):
        set_password(engine, "testshire", "alicelonglogin", password)
    assert _officer(engine, "alicelonglogin").password_hash is None


def test_a_password_for_someone_not_an_officer_of_the_council_is_refused(alice):
    with pytest.raises(ActionRefused, match="not an officer of council 'testshire'"):
        set_password(alice, "testshire", "mallory", PASSWORD)


def test_an_officer_of_another_council_cannot_sign_in_to_this_one(alice, council, data_dir, tmp_path):
    profile = tmp_path / "othershire.toml"
    profile.write_text((data_dir / "sundry_council.toml").read_text().replace('id = "testshire"', 'id = "othershire"'))
    council("init", "--council", "othershire", "--profile", profile)
    add_officer(alice, "othershire", "olive", "recovery_officer")
    set_password(alice, "othershire", "olive", "olive's own passphrase")
    assert sign_in(alice, "othershire", "olive", "olive's own passphrase", NOW)["council"] == "othershire"
    assert _refused(alice, "olive's own passphrase", login="olive") == WRONG
    with pytest.raises(ActionRefused):
        set_password(alice, "othershire", "alice", PASSWORD)


def test_an_outdated_hash_is_replaced_at_sign_in(alice):
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with alice.begin() as conn:
        conn.execute(sa.text("UPDATE officer SET password_hash = :h WHERE login = 'alice'"), {"h": weak})
    sign_in(alice, "testshire", "alice", PASSWORD, NOW)
    stored = _officer(alice).password_hash
    assert stored != weak and not sign_in_module._hasher.check_needs_rehash(stored)
    assert sign_in(alice, "testshire", "alice", PASSWORD, NOW)["login"] == "alice"


def test_the_password_command_reads_stdin(council, engine):
    add_officer(engine, "testshire", "alice", "recovery_officer")
    args = ["--db", council.db_url, "officer", "password", "alice", "--council", "testshire", "--password-stdin"]
    result = council.runner.invoke(cli, args, input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert result.output == "password set for alice (council testshire)\n"
    assert sign_in(engine, "testshire", "alice", PASSWORD, NOW)["login"] == "alice"


def test_the_password_command_refuses_in_one_line(council, engine):
    add_officer(engine, "testshire", "alice", "recovery_officer")
    args = ["--db", council.db_url, "officer", "password", "alice", "--council", "testshire", "--password-stdin"]
    result = council.runner.invoke(cli, args, input="too short\n")
    assert result.exit_code == 1
    assert result.output == "Error: password for 'alice': 9 characters; give at least 12\n"
    result = council.runner.invoke(cli, args[:-1], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0 and PASSWORD not in result.output


def test_concurrent_wrong_passwords_are_all_counted(alice, db_url):
    tries = 6
    barrier = threading.Barrier(tries)
    refusals: list[str] = []

    def guess(i: int) -> None:
        barrier.wait()
        try:
            sign_in(alice, "testshire", "alice", f"parallel guess {i}", NOW)
        except SignInRefused as exc:
            refusals.append(str(exc))

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(tries)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(refusals) == tries
    assert refusals.count(WRONG) == LOCK_AFTER - 1 and refusals.count(LOCKED) == tries - LOCK_AFTER + 1
    row = _officer(alice)
    assert row.failed_sign_ins == tries and _utc(row.locked_until) == NOW + LOCK_FOR


def test_an_unknown_login_is_checked_against_a_hash_like_a_known_one(alice, monkeypatch):
    checked = []
    real = sign_in_module._hasher

    class Counting:
        def verify(self, hashed, password):
            checked.append(hashed)
            return real.verify(hashed, password)

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(sign_in_module, "_hasher", Counting())
    _refused(alice, "not the password")
    _refused(alice, "not the password", login="mallory")
    assert len(checked) == 2 and all(h.startswith("$argon2id$") for h in checked) and checked[0] != checked[1]


def test_now_must_carry_a_time_zone(alice):
    with pytest.raises(ValueError, match="timezone-aware"):
        sign_in(alice, "testshire", "alice", PASSWORD, NOW.replace(tzinfo=None))
