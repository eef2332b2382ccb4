"""``arrears profile show``, ``diff`` and ``new``: the effective profile, what differs, a starting profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from arrears.cli import cli
from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import council_profile_path, load_profile
from arrears.profiles.render import effective_profile

DATA = Path(__file__).parent.parent / "data"
BASE = (DATA / "sundry_council.toml").read_text()
CHANGE = "\n[[debt_types.sundry.changes]]\neffective_from = 2026-04-01\nreminder_days = 10\n"


@pytest.fixture(autouse=True)
def _no_database_here(tmp_path, monkeypatch):
    """Commands run in an empty folder with no database, all plugins loaded."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARREARS_DB", raising=False)
    monkeypatch.delenv("ARREARS_DISABLE_PLUGINS", raising=False)


@pytest.fixture(scope="module")
def debt_types():
    return build_plugin_host(blocked=()).debt_types


def run(*args: str, expect: int = 0):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == expect, result.output
    return result


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


# --- show -----------------------------------------------------------------------------------------

EMPTY_SECTIONS = """
[council]
id = "plainshire"
name = "Plainshire Council"
debt_types = ["council_tax", "sundry"]
[priority]
levels = { council_tax = 2, sundry = 5 }
[write_off]
reasons = ["uneconomical"]
delegations = [{ authority = "recovery_officer", up_to_pence = 50000 }, { authority = "cabinet" }]
[debt_types.council_tax]
[debt_types.sundry]
payment_terms_days = 21
"""


def test_show_names_a_bundled_profile_as_its_source():
    shown = json.loads(run("profile", "show", "rotherham", "--json").output)
    assert shown["source"] == "bundled profile rotherham"
    assert shown["profile"]["council"]["id"] == "rotherham"


def test_show_fills_every_default_in(tmp_path):
    shown = json.loads(run("profile", "show", write(tmp_path / "plain.toml", EMPTY_SECTIONS), "--json").output)
    profile = shown["profile"]
    # The file's [debt_types.council_tax] section is empty: every parameter shows with its default.
    assert profile["debt_types"]["council_tax"]["reminder_days"] == 7
    assert profile["debt_types"]["council_tax"]["enforcement"]["compliance_pence"] == 7500
    assert profile["debt_types"]["sundry"]["payment_terms_days"] == 21
    assert profile["calendar"] == {"extra_bank_holidays": [], "removed_bank_holidays": []}
    assert profile["write_off"]["delegations"][-1] == {"authority": "cabinet", "up_to_pence": None}


def test_show_lists_dated_changes_with_their_dates(tmp_path):
    path = write(tmp_path / "p.toml", BASE + CHANGE)
    data = json.loads(run("profile", "show", path, "--json").output)
    assert data["profile"]["debt_types"]["sundry"]["changes"] == [{"effective_from": "2026-04-01", "reminder_days": 10}]
    assert data["source"] == f"file {path}" and len(data["version"]) == 12
    text = run("profile", "show", path).output.splitlines()
    at = text.index("  from 2026-04-01:")
    assert text[at + 1] == "    reminder_days = 10"
    assert any(line.startswith("  reminder_days = 14  # Days a reminder gives to pay") for line in text)
    assert "  delegations[0].up_to_pence = 10000 (£100.00)" in text


def test_show_a_registered_council_reads_the_database(council, db_url):
    shown = json.loads(run("--db", db_url, "profile", "show", "testshire", "--json").output)
    assert shown["source"] == "council testshire as registered in the database"
    assert shown["profile"]["council"]["name"] == "Testshire District Council"


def test_show_unknown_profile_is_refused_clearly():
    result = run("profile", "show", "atlantis", expect=1)
    assert "no profile 'atlantis': not a file, or a bundled council (bundled: " in result.output
    assert "Traceback" not in result.output


def test_show_a_rejected_profile_prints_its_problems(tmp_path):
    path = write(tmp_path / "bad.toml", BASE + "colour = 'red'\n")
    result = run("profile", "show", path, expect=1)
    assert f"{path}: debt_types.sundry.colour: unknown key" in result.output


# --- diff -----------------------------------------------------------------------------------------

def test_diff_of_the_same_effective_profile_exits_0(tmp_path):
    a = write(tmp_path / "a.toml", BASE)
    # Written differently: a comment, and a default spelled out (sundry's payment terms default to 30).
    b = write(tmp_path / "b.toml", "# the same rules\n" + BASE + "\n[calendar]\nextra_bank_holidays = []\n")
    result = run("profile", "diff", a, b)
    assert result.output.splitlines()[-1] == "same effective profile"


def test_diff_reports_each_key_with_both_values_and_exits_1(tmp_path):
    a = write(tmp_path / "a.toml", BASE)
    b = write(tmp_path / "b.toml", BASE.replace("reminder_days = 14", "reminder_days = 10")
              .replace("up_to_pence = 10000", "up_to_pence = 20000") + CHANGE)
    lines = run("profile", "diff", a, b, expect=1).output.splitlines()
    assert lines[0].startswith(f"--- A: file {a} (version ") and lines[1].startswith(f"+++ B: file {b} (version ")
    assert lines[2:] == [
        "write_off.delegations[0].up_to_pence: 10000 (£100.00) -> 20000 (£200.00)",
        "debt_types.sundry.reminder_days: 14 -> 10",
        "debt_types.sundry.changes[2026-04-01].reminder_days: (absent) -> 10",
        "3 keys differ",
    ]


def test_diff_json(tmp_path):
    a = write(tmp_path / "a.toml", BASE + CHANGE)
    b = write(tmp_path / "b.toml", BASE)
    data = json.loads(run("profile", "diff", a, b, "--json", expect=1).output)
    assert data["same"] is False
    assert data["differences"] == [{"key": "debt_types.sundry.changes[2026-04-01].reminder_days", "a": 10, "b": None, "only_in": "a"}]


def test_diff_a_bundled_council_with_a_file(tmp_path, debt_types):
    rotherham = council_profile_path("rotherham")
    mine = write(tmp_path / "mine.toml", rotherham.read_text().replace("payment_terms_days = 21", "payment_terms_days = 14"))
    lines = run("profile", "diff", "rotherham", mine, expect=1).output.splitlines()
    assert lines[2:] == ["debt_types.sundry.payment_terms_days: 21 -> 14", "1 key differs"]


# --- new ------------------------------------------------------------------------------------------

def test_new_writes_a_profile_that_loads_back_the_same(tmp_path, debt_types):
    out = tmp_path / "newtown.toml"
    result = run("profile", "new", "--from", "rotherham", "--council", "newtown", "--output", out)
    assert result.output.strip() == f"wrote {out}: profile for newtown from bundled profile rotherham"
    written = load_profile(out, debt_types)
    source = load_profile(council_profile_path("rotherham"), debt_types)
    assert (written.council_id, written.name) == ("newtown", "Newtown Council")
    mine, theirs = effective_profile(written), effective_profile(source)
    assert mine.pop("council") == {"id": "newtown", "name": "Newtown Council", "debt_types": list(source.debt_types)}
    theirs.pop("council")
    assert mine == theirs
    text = out.read_text()
    assert text.startswith("# Council profile for newtown, started from bundled profile rotherham")
    lines = text.splitlines()
    at = lines.index("reminder_days = 14", lines.index("[debt_types.sundry]"))
    assert lines[at - 1].startswith("# ")  # each parameter explained above it


def test_new_round_trips_changes_consultations_and_inheritance(tmp_path, debt_types):
    parent = write(tmp_path / "parent.toml", BASE + CHANGE)
    child = write(tmp_path / "child.toml", (
        'extends = "parent.toml"\n[[write_off.consultations]]\nreasons = ["uneconomical"]\nabove_pence = 1000\n'
        'consult = "corporate_debt_team"\napprovers = ["s151_officer"]\n'
    ))
    out = tmp_path / "copy.toml"
    run("profile", "new", "--from", child, "--output", out)
    assert load_profile(parent, debt_types)  # the parent alone is fine
    copied, original = load_profile(out, debt_types), load_profile(child, debt_types)
    assert copied.extends == () and original.extends == (str(parent),)
    assert effective_profile(copied) == effective_profile(original)
    run("profile", "diff", child, out)  # exit 0: the same effective profile


def test_new_refuses_to_overwrite_without_force(tmp_path):
    out = write(tmp_path / "taken.toml", "# someone's work\n")
    result = run("profile", "new", "--from", "rotherham", "--output", out, expect=1)
    assert f"{out} exists; give --force to overwrite it" in result.output
    assert out.read_text() == "# someone's work\n"
    run("profile", "new", "--from", "rotherham", "--output", out, "--force")
    assert "rotherham" in out.read_text()
    assert not list(tmp_path.glob("*.part"))


def test_new_refuses_a_council_id_a_profile_may_not_have(tmp_path):
    result = run("profile", "new", "--from", "rotherham", "--council", "New-Town", expect=2)
    assert "'New-Town': 2 to 40 lower-case letters" in result.output
    assert list(tmp_path.iterdir()) == []


def test_new_defaults_to_the_council_id_here_and_can_print(tmp_path):
    run("profile", "new", "--from", "rotherham", "--council", "eastshire", "--name", "East Shire")
    assert 'name = "East Shire"' in (tmp_path / "eastshire.toml").read_text()
    printed = run("profile", "new", "--from", "rotherham", "--output", "-").output
    assert 'id = "rotherham"' in printed and not (tmp_path / "rotherham.toml").exists()


# --- profiles that need plugins that are not there ----------------------------------------------

def test_a_registered_council_whose_plugin_is_gone_is_refused_clearly(council, db_url, monkeypatch):
    monkeypatch.setenv("ARREARS_DISABLE_PLUGINS", "sundry")
    result = run("--db", db_url, "run", "--council", "testshire", "--date", "2025-03-03", expect=1)
    assert "council.debt_types[0]: unknown debt type 'sundry': no installed plugin provides it" in result.output
    assert "sundry_council.toml" in result.output  # the file it was registered from
    assert "Traceback" not in result.output


def test_a_key_the_plugin_does_not_know_is_refused_in_a_change_too(tmp_path):
    path = write(tmp_path / "p.toml", BASE + CHANGE.replace("reminder_days = 10", "reminder_weeks = 2"))
    result = run("profile", "check", path, expect=1)
    assert result.output.splitlines() == [f"{path}: debt_types.sundry.changes[0].reminder_weeks: unknown key"]


def test_profiles_compare_and_check_without_a_database_and_create_none(tmp_path):
    from click.testing import CliRunner

    from arrears.cli import cli

    missing = tmp_path / "none.db"
    runner = CliRunner()
    diff = runner.invoke(cli, ["--db", f"sqlite:///{missing}", "profile", "diff", "reading", "rutland"])
    assert diff.exit_code == 1 and "Traceback" not in diff.output, diff.output
    assert "council.id: \"reading\" -> \"rutland\"" in diff.output
    checked = runner.invoke(cli, ["--db", f"sqlite:///{missing}", "profile", "check", "reading", "rutland"])
    assert checked.exit_code == 0 and "2 profiles OK" in checked.output
    assert not missing.exists()
