"""Council profiles: ``arrears profile check`` and ``load_profile``; every problem as ``file: dotted.key: message``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from arrears.cli import cli
from arrears.errors import ProfileError
from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import bundled_councils, load_profile

BASE = (Path(__file__).parent.parent / "data" / "sundry_council.toml").read_text()


@pytest.fixture(scope="module")
def debt_types():
    return build_plugin_host(blocked=()).debt_types


@pytest.fixture(autouse=True)
def _all_plugins(monkeypatch):
    monkeypatch.delenv("ARREARS_DISABLE_PLUGINS", raising=False)


def edited(tmp_path: Path, *replacements: tuple[str, str], append: str = "", name: str = "council.toml") -> Path:
    """The test profile with each (old, new) replaced (old must be there) and ``append`` added at the end."""
    text = BASE
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text + append)
    return path


def check(*paths: Path):
    """Run ``arrears profile check``; return (exit code, output lines). Never a traceback."""
    result = CliRunner().invoke(cli, ["profile", "check", *map(str, paths)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output.splitlines()


def problems(path: Path, debt_types) -> list[str]:
    with pytest.raises(ProfileError) as err:
        load_profile(path, debt_types)
    assert str(err.value) == "\n".join(err.value.problems)
    return err.value.problems


def assert_rejected(path: Path, debt_types, *expected: tuple[str, str]) -> list[str]:
    """The CLI and the loader both report each (dotted key, words in the message) as ``file: key: message``."""
    code, lines = check(path)
    assert code == 1
    loaded = problems(path, debt_types)
    assert lines == loaded
    for key, words in expected:
        prefix = f"{path}: {key}: "
        hits = [line for line in lines if line.startswith(prefix)]
        assert hits, f"no line starting {prefix!r} in {lines}"
        assert any(words in line[len(prefix):] for line in hits), (words, hits)
    return lines


def test_the_test_profile_is_valid(tmp_path, debt_types):
    path = edited(tmp_path)
    assert check(path) == (0, ["1 profile OK"])
    profile = load_profile(path, debt_types)
    assert profile.council_id == "testshire" and profile.debt_types == ("sundry",)
    assert profile.params("sundry", date(2025, 3, 3)).payment_terms_days == 21
    assert profile.authorities() == ["recovery_officer", "s151_officer", "cabinet"]


def test_wrong_type(tmp_path, debt_types):
    path = edited(tmp_path, ("payment_terms_days = 21", 'payment_terms_days = "soon"'))
    assert_rejected(path, debt_types, ("debt_types.sundry.payment_terms_days", "'soon'"))


def test_value_out_of_range(tmp_path, debt_types):
    path = edited(tmp_path, ("reminder_days = 14", "reminder_days = 0"))
    assert_rejected(path, debt_types, ("debt_types.sundry.reminder_days", "greater than or equal to 1"))


def test_unknown_key_in_council(tmp_path, debt_types):
    path = edited(tmp_path, ('name = "Testshire District Council"', 'name = "Testshire District Council"\nmotto = "Pay up"'))
    assert_rejected(path, debt_types, ("council.motto", "unknown key"))


def test_unknown_key_in_a_debt_type_section(tmp_path, debt_types):
    path = edited(tmp_path, append="reminder_dayz = 10\n")
    assert_rejected(path, debt_types, ("debt_types.sundry.reminder_dayz", "unknown key"))


def test_unknown_debt_type_in_council(tmp_path, debt_types):
    path = edited(tmp_path, ('debt_types = ["sundry"]', 'debt_types = ["sundry", "trade_waste"]'),
                  ("levels = { sundry = 5 }", "levels = { sundry = 5, trade_waste = 6 }"))
    lines = assert_rejected(path, debt_types, ("council.debt_types[1]", "unknown debt type 'trade_waste'"))
    assert len(lines) == 1


@pytest.mark.parametrize("section", ["council", "priority", "write_off"])
def test_missing_section(tmp_path, debt_types, section):
    start = BASE.index(f"[{section}]")
    end = BASE.index("\n[", start + 1)
    path = edited(tmp_path, (BASE[start:end], ""))
    assert f"[{section}]" not in path.read_text()
    assert_rejected(path, debt_types, (section, "missing section"))


def test_missing_section_for_an_enabled_debt_type(tmp_path, debt_types):
    start = BASE.index("[debt_types.sundry]")
    path = edited(tmp_path, (BASE[start:], ""))
    assert_rejected(path, debt_types, ("debt_types.sundry", "missing section"))


def test_section_for_a_debt_type_not_enabled(tmp_path, debt_types):
    path = edited(tmp_path, append="\n[debt_types.pcn]\n")
    assert_rejected(path, debt_types, ("debt_types.pcn", "not listed in council.debt_types"))


def test_bad_toml_syntax(tmp_path, debt_types):
    path = edited(tmp_path, ("[priority]", "[priority"))
    lines = assert_rejected(path, debt_types)
    assert len(lines) == 1 and lines[0].startswith(f"{path}: ") and "TOML" in lines[0]
    assert "line 7" in lines[0]  # where the broken table header is


def test_unreadable_file_is_reported_not_raised(tmp_path):
    code, lines = check(tmp_path / "missing.toml")
    assert code == 1 and lines and lines[0].startswith(f"{tmp_path / 'missing.toml'}: ")


def test_several_problems_in_one_section_are_all_printed(tmp_path, debt_types):
    path = edited(tmp_path, ("payment_terms_days = 21", 'payment_terms_days = "soon"'), append="colour = 'red'\n")
    lines = assert_rejected(path, debt_types, ("debt_types.sundry.payment_terms_days", "'soon'"),
                            ("debt_types.sundry.colour", "unknown key"))
    assert len(lines) == 2


def test_problems_in_different_sections_are_all_printed(tmp_path, debt_types):
    # An unknown key in [council] must not hide a bad value in [debt_types.sundry]: both are reported.
    path = edited(tmp_path, ('name = "Testshire District Council"', 'name = "Testshire District Council"\nmotto = "x"'),
                  ("payment_terms_days = 21", 'payment_terms_days = "soon"'))
    assert_rejected(path, debt_types, ("council.motto", "unknown key"),
                    ("debt_types.sundry.payment_terms_days", "'soon'"))


def test_problems_in_several_files_are_all_printed(tmp_path, debt_types):
    bad1 = edited(tmp_path, ("reminder_days = 14", "reminder_days = -1"), name="one.toml")
    good = edited(tmp_path, name="good.toml")
    bad2 = edited(tmp_path, append="oops = 1\n", name="two.toml")
    code, lines = check(bad1, good, bad2)
    assert code == 1
    assert [line.split(": ")[0] for line in lines] == [str(bad1), str(bad2)]


CHANGE = "\n[[debt_types.sundry.changes]]\neffective_from = 2026-04-01\nreminder_days = 10\n"


def test_dated_change_takes_effect_on_its_date(tmp_path, debt_types):
    profile = load_profile(edited(tmp_path, append=CHANGE), debt_types)
    before = profile.params("sundry", date(2026, 3, 31))
    on = profile.params("sundry", date(2026, 4, 1))
    after = profile.params("sundry", date(2027, 1, 1))
    assert before.reminder_days == 14
    assert on.reminder_days == after.reminder_days == 10
    assert on.payment_terms_days == before.payment_terms_days == 21  # unchanged keys carry over


def test_dated_changes_apply_in_date_order_whatever_order_they_are_written(tmp_path, debt_types):
    later = "\n[[debt_types.sundry.changes]]\neffective_from = 2027-04-01\nfinal_notice_days = 7\n"
    earlier = "\n[[debt_types.sundry.changes]]\neffective_from = 2025-04-01\nreminder_days = 12\n"
    profile = load_profile(edited(tmp_path, append=CHANGE + later + earlier), debt_types)
    got = {d: profile.params("sundry", d) for d in (date(2025, 3, 31), date(2025, 4, 1), date(2026, 4, 1), date(2027, 4, 1))}
    assert [(p.reminder_days, p.final_notice_days) for p in got.values()] == [(14, 14), (12, 14), (10, 14), (10, 7)]


def test_bad_key_in_a_change_is_reported_with_its_path(tmp_path, debt_types):
    bad = "\n[[debt_types.sundry.changes]]\neffective_from = 2026-06-01\nreminder_dayz = 10\n"
    path = edited(tmp_path, append=CHANGE + bad)
    lines = assert_rejected(path, debt_types, ("debt_types.sundry.changes[1].reminder_dayz", "unknown key"))
    assert len(lines) == 1


def test_bad_value_or_date_in_a_change_is_reported_with_its_path(tmp_path, debt_types):
    text = CHANGE.replace("reminder_days = 10", 'reminder_days = "ten"')
    text += '\n[[debt_types.sundry.changes]]\neffective_from = "next april"\nreminder_days = 9\n'
    path = edited(tmp_path, append=text)
    assert_rejected(path, debt_types, ("debt_types.sundry.changes[0].reminder_days", "'ten'"),
                    ("debt_types.sundry.changes[1].effective_from", "date"))


def test_version_is_a_content_hash(tmp_path, debt_types):
    a = load_profile(edited(tmp_path, name="a.toml"), debt_types)
    b = load_profile(edited(tmp_path, name="b.toml"), debt_types)
    assert a.version == b.version and a.version  # same text, same version, wherever it lives
    assert load_profile(tmp_path / "a.toml", debt_types).version == a.version  # stable across loads
    changed = load_profile(edited(tmp_path, ("reminder_days = 14", "reminder_days = 15"), name="c.toml"), debt_types)
    commented = load_profile(edited(tmp_path, append="# reviewed by committee\n", name="d.toml"), debt_types)
    assert len({a.version, changed.version, commented.version}) == 3


def test_every_bundled_profile_validates(debt_types):
    bundled = bundled_councils()
    assert "rotherham" in bundled
    shipped = sorted(p.stem for p in (Path(__file__).parents[2] / "councils").glob("*.toml"))
    assert sorted(bundled) == shipped
    for council_id, path in bundled.items():
        profile = load_profile(path, debt_types)
        assert profile.council_id == council_id, path
    code, lines = check(*bundled.values())
    assert code == 0, lines
