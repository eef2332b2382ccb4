"""The ``arrears`` command's surface: help everywhere, and clear errors (exit 1, no traceback)."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from arrears.cli import cli
from arrears.profiles.profile import bundled_councils


def _command_paths(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield prefix + (name,)
        if isinstance(command, click.Group):
            yield from _command_paths(command, prefix + (name,))


COMMANDS = list(_command_paths(cli))


def test_the_command_tree_has_the_documented_commands():
    names = {" ".join(p) for p in COMMANDS}
    assert {"init", "run", "import accounts", "import payments", "account show", "account actions",
            "account act", "officer add", "plugins", "profile check"} <= names


@pytest.mark.parametrize("path", [()] + COMMANDS, ids=lambda p: " ".join(p) or "arrears")
def test_help_exits_zero(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


NEEDS_SCHEMA = [
    ("run", "--council", "testshire", "--date", "2025-04-01"),
    ("account", "show", "INV1", "--council", "testshire"),
    ("account", "actions", "INV1", "--council", "testshire"),
    ("officer", "add", "jsmith", "--council", "testshire", "--role", "recovery_officer"),
]


@pytest.mark.parametrize("args", NEEDS_SCHEMA, ids=lambda a: " ".join(a[:2]))
def test_commands_on_a_database_without_schema_say_to_run_init(arrears, other_db_url, args):
    empty = type(arrears)(other_db_url)
    result = empty(*args, expect=1)
    assert "arrears init" in result.output
    assert "Traceback" not in result.output


def test_import_on_a_database_without_schema_says_to_run_init(arrears, other_db_url, h, tmp_path):
    path = h.write_invoices(tmp_path / "a.csv", [("INV1", "10.00", "2025-03-03")])
    result = type(arrears)(other_db_url)("import", "accounts", path, "--council", "testshire", expect=1)
    assert "arrears init" in result.output


def test_no_schema_error_in_a_real_process_has_no_traceback(other_db_url, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "arrears", "--db", other_db_url, "run", "--council", "testshire", "--date", "2025-04-01"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert "arrears init" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_run_for_an_unknown_council_says_so(council):
    result = council("run", "--council", "nosuch", "--date", "2025-04-01", expect=1)
    assert "unknown council 'nosuch'" in result.output
    assert "arrears init --council nosuch" in result.output


def test_account_commands_for_an_unknown_council_say_so(council):
    result = council("account", "show", "INV1", "--council", "nosuch", expect=1)
    assert "nosuch" in result.output


def test_init_without_a_bundled_profile_lists_the_bundled_ones(arrears):
    bundled = sorted(bundled_councils())
    assert bundled, "the wheel ships at least one council profile"
    result = arrears("init", "--council", "nosuch", expect=1)
    assert "no bundled profile for council 'nosuch'" in result.output
    for name in bundled:
        assert name in result.output
    assert "--profile" in result.output


BAD_PROFILE = """\
[council]
id = "testshire"
name = "Testshire District Council"
debt_types = ["sundry"]

[priority]
levels = { sundry = 5 }

[write_off]
reasons = ["uneconomical"]
delegations = [ { authority = "recovery_officer", up_to_pence = 10000 } ]

[debt_types.sundry]
payment_terms_days = -1
reminder_dayz = 14
"""


def test_init_with_a_bad_profile_lists_every_problem_as_file_key_message(arrears, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(BAD_PROFILE)
    result = arrears("init", "--council", "testshire", "--profile", path, expect=1)
    lines = [line for line in result.output.splitlines() if line.startswith(f"{path}: ")]
    keys = {line[len(f"{path}: "):].split(": ", 1)[0] for line in lines}
    assert keys == {"debt_types.sundry.payment_terms_days", "debt_types.sundry.reminder_dayz"}, result.output
    assert any("unknown key" in line for line in lines)
    assert "2 problems; profile rejected" in result.output
    assert "Traceback" not in result.output
    # Nothing was registered: running for the council says it is unknown.
    assert "unknown council 'testshire'" in arrears("run", "--council", "testshire", "--date", "2025-04-01", expect=1).output


def test_init_with_a_profile_for_another_council_is_refused(arrears, data_dir):
    result = arrears("init", "--council", "othershire", "--profile", data_dir / "sundry_council.toml", expect=1)
    assert "council.id" in result.output and "othershire" in result.output


def test_init_twice_updates_rather_than_duplicates(arrears, data_dir):
    first = arrears("init", "--council", "testshire", "--profile", data_dir / "sundry_council.toml")
    assert first.output.startswith("registered council testshire")
    again = arrears("init", "--council", "testshire", "--profile", data_dir / "sundry_council.toml")
    assert again.output.startswith("updated council testshire")
