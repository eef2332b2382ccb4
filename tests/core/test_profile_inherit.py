"""``extends``: a profile that starts from another and overrides part of it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from arrears.errors import ProfileError
from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import council_profile_path, load_profile, load_profile_bytes

BASE = (Path(__file__).parent.parent / "data" / "sundry_council.toml").read_text()


@pytest.fixture(scope="module")
def debt_types():
    return build_plugin_host(blocked=()).debt_types


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _rejected(path: Path, debt_types) -> list[str]:
    with pytest.raises(ProfileError) as err:
        load_profile(path, debt_types)
    return err.value.problems


def test_child_overrides_one_key_and_keeps_the_rest(tmp_path, debt_types):
    _write(tmp_path / "base.toml", BASE)
    child = _write(tmp_path / "child.toml", 'extends = "base.toml"\n\n[debt_types.sundry]\nreminder_days = 7\n')
    profile = load_profile(child, debt_types)
    params = profile.params("sundry", date(2025, 1, 1))
    assert (params.payment_terms_days, params.reminder_days, params.final_notice_days) == (21, 7, 14)
    assert profile.council_id == "testshire" and profile.authorities() == ["recovery_officer", "s151_officer", "cabinet"]
    assert profile.extends == (str(tmp_path / "base.toml"),)


def test_tables_merge_at_every_depth_and_lists_are_replaced(tmp_path, debt_types):
    _write(tmp_path / "base.toml", BASE)
    child = _write(tmp_path / "child.toml", (
        'extends = "base.toml"\n[council]\nname = "Childshire"\n'
        '[write_off]\nreasons = ["insolvent"]\n'
    ))
    profile = load_profile(child, debt_types)
    assert (profile.council_id, profile.name) == ("testshire", "Childshire")  # id kept from the parent's table
    assert profile.write_off_reasons == ("insolvent",)  # the list replaced, not appended to
    assert profile.authorities() == ["recovery_officer", "s151_officer", "cabinet"]  # sibling key kept


def test_dated_changes_are_a_list_and_replace_the_parents(tmp_path, debt_types):
    parent = BASE + "\n[[debt_types.sundry.changes]]\neffective_from = 2026-04-01\nreminder_days = 10\n"
    _write(tmp_path / "base.toml", parent)
    child = _write(tmp_path / "child.toml", (
        'extends = "base.toml"\n[[debt_types.sundry.changes]]\neffective_from = 2026-06-01\nfinal_notice_days = 7\n'
    ))
    profile = load_profile(child, debt_types)
    assert profile.change_dates("sundry") == (date(2026, 6, 1),)
    assert profile.params("sundry", date(2026, 5, 1)).reminder_days == 14


def test_a_bundled_council_id_as_parent(tmp_path, debt_types):
    child = _write(tmp_path / "rotherham_like.toml", (
        'extends = "rotherham"\n[council]\nid = "newtown"\nname = "Newtown"\n[debt_types.sundry]\npayment_terms_days = 30\n'
    ))
    profile = load_profile(child, debt_types)
    rotherham = load_profile(council_profile_path("rotherham"), debt_types)
    assert profile.debt_types == rotherham.debt_types
    assert profile.params("sundry", date(2025, 1, 1)).payment_terms_days == 30
    assert profile.params("nndr", date(2025, 1, 1)) == rotherham.params("nndr", date(2025, 1, 1))
    assert profile.extends == (str(council_profile_path("rotherham")),)


def test_dropping_a_debt_type_drops_what_the_parent_said_about_it(tmp_path, debt_types):
    child = _write(tmp_path / "c.toml", (
        'extends = "rotherham"\n[council]\nid = "newtown"\nname = "Newtown"\ndebt_types = ["sundry", "council_tax"]\n'
    ))
    profile = load_profile(child, debt_types)
    assert profile.debt_types == ("sundry", "council_tax")
    assert set(profile.priority_levels) == {"sundry", "council_tax"}
    assert profile.priority_order == ("council_tax", "sundry")


def test_a_chain_of_three(tmp_path, debt_types):
    _write(tmp_path / "shared" / "base.toml", BASE)
    _write(tmp_path / "shared" / "middle.toml", 'extends = "base.toml"\n[debt_types.sundry]\nreminder_days = 9\n')
    child = _write(tmp_path / "child.toml", 'extends = "shared/middle.toml"\n[debt_types.sundry]\nfinal_notice_days = 8\n')
    profile = load_profile(child, debt_types)
    params = profile.params("sundry", date(2025, 1, 1))
    assert (params.payment_terms_days, params.reminder_days, params.final_notice_days) == (21, 9, 8)
    assert profile.extends == (str(tmp_path / "shared" / "middle.toml"), str(tmp_path / "shared" / "base.toml"))


def test_the_version_covers_the_merged_content(tmp_path, debt_types):
    base = _write(tmp_path / "base.toml", BASE)
    child = _write(tmp_path / "child.toml", 'extends = "base.toml"\n[debt_types.sundry]\nreminder_days = 7\n')
    first = load_profile(child, debt_types)
    base.write_text(BASE.replace("final_notice_days = 14", "final_notice_days = 15"))
    second = load_profile(child, debt_types)
    assert first.version != second.version  # the child's file did not change; its parent did
    assert "extends" not in second.text and "final_notice_days = 15" in second.text
    # The merged text stands alone: read back (as from the database) it gives the same profile and version.
    again = load_profile_bytes(second.text.encode(), str(child), debt_types)
    assert again.version == second.version
    assert again.params("sundry", date(2025, 1, 1)) == second.params("sundry", date(2025, 1, 1))


def test_a_missing_parent_file_is_refused_naming_the_child(tmp_path, debt_types):
    child = _write(tmp_path / "child.toml", 'extends = "nowhere.toml"\n')
    assert _rejected(child, debt_types) == [
        f"{child}: extends: no profile file 'nowhere.toml' (looked for {tmp_path / 'nowhere.toml'})"
    ]


def test_an_unknown_bundled_parent_is_refused(tmp_path, debt_types):
    child = _write(tmp_path / "child.toml", 'extends = "atlantis"\n')
    (line,) = _rejected(child, debt_types)
    assert line.startswith(f"{child}: extends: no bundled profile for council 'atlantis' (bundled: ")
    assert "rotherham" in line


def test_extends_must_be_text(tmp_path, debt_types):
    child = _write(tmp_path / "child.toml", "extends = 3\n")
    assert _rejected(child, debt_types) == [f"{child}: extends: must be a council id or a relative path to a profile (got 3)"]


def test_a_cycle_is_refused(tmp_path, debt_types):
    a = _write(tmp_path / "a.toml", 'extends = "b.toml"\n')
    b = _write(tmp_path / "b.toml", 'extends = "a.toml"\n')
    problems = _rejected(a, debt_types)
    assert problems[0].startswith(f"{b}: extends: 'a.toml' makes a cycle ({a.resolve()} -> {b.resolve()} -> {a.resolve()})")
    assert problems[-1] == f"{a}: extends: the profile it extends, {b}, is rejected (see above)"


def test_a_profile_extending_itself_is_a_cycle(tmp_path, debt_types):
    a = _write(tmp_path / "a.toml", 'extends = "a.toml"\n')
    assert _rejected(a, debt_types)[0].startswith(f"{a}: extends: 'a.toml' makes a cycle")


def test_errors_in_the_parent_name_the_parent_file(tmp_path, debt_types):
    base = _write(tmp_path / "base.toml", BASE.replace("reminder_days = 14", "reminder_days = 0"))
    child = _write(tmp_path / "child.toml", 'extends = "base.toml"\n[debt_types.sundry]\nreminder_days = 7\n')
    problems = _rejected(child, debt_types)
    assert problems[0].startswith(f"{base}: debt_types.sundry.reminder_days: ")
    assert problems[-1] == f"{child}: extends: the profile it extends, {base}, is rejected (see above)"


def test_errors_the_child_adds_name_the_child(tmp_path, debt_types):
    _write(tmp_path / "base.toml", BASE)
    child = _write(tmp_path / "child.toml", 'extends = "base.toml"\n[debt_types.sundry]\nreminder_dayz = 7\n')
    assert _rejected(child, debt_types) == [f"{child}: debt_types.sundry.reminder_dayz: unknown key"]
