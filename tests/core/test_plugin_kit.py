"""``arrears plugin new``: a package that installs and passes its own tests; the worked example in docs/ is one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from arrears.services.scaffold import PLUGIN_FILES

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "garden_waste"


def test_the_worked_example_is_the_scaffolds_own_output(arrears, tmp_path):
    arrears("plugin", "new", "garden_waste", "--output", tmp_path / "gw")
    made = sorted(p.relative_to(tmp_path / "gw") for p in (tmp_path / "gw").rglob("*") if p.is_file())
    assert len(made) == len(PLUGIN_FILES)
    for rel in made:
        assert (EXAMPLE / rel).read_text() == (tmp_path / "gw" / rel).read_text(), rel


@pytest.mark.parametrize(("name", "words"), [
    ("Trade-Waste", "lower-case letters, digits and _"), ("x", "lower-case letters"),
    ("sundry", "a debt type of that id is already installed (by 'sundry')"),
])
def test_a_bad_or_taken_name_is_refused(arrears, tmp_path, name, words):
    result = arrears("plugin", "new", name, "--output", tmp_path / "p", expect=1)
    assert words in result.output and not (tmp_path / "p").exists()


def test_a_folder_with_something_in_it_is_not_written_over_without_force(arrears, tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "notes.txt").write_text("mine")
    assert "exists and is not empty" in arrears("plugin", "new", "trade_waste", "--output", tmp_path / "p", expect=1).output
    arrears("plugin", "new", "trade_waste", "--output", tmp_path / "p", "--force")
    assert (tmp_path / "p" / "notes.txt").read_text() == "mine"
    assert (tmp_path / "p" / "arrears_trade_waste" / "debt_type.py").exists()


@pytest.mark.slow
def test_the_worked_example_installs_passes_its_tests_and_runs_end_to_end(tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(site), str(EXAMPLE)], check=True, capture_output=True, timeout=300)
    env = dict(os.environ, PYTHONPATH=str(site))
    env.pop("ARREARS_TODAY", None)
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE)],
                           capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert " passed" in tests.stdout

    def arrears(*args):
        done = subprocess.run([sys.executable, "-m", "arrears", "--db", f"sqlite:///{tmp_path / 'gw.db'}", *map(str, args)],
                              capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    listed = {p["name"]: p for p in json.loads(arrears("plugins", "--json"))}
    assert listed["garden_waste"]["error"] is None and listed["garden_waste"]["debt_types"] == ["garden_waste"]
    profile = tmp_path / "gardens.toml"
    profile.write_text('[council]\nid = "gardenshire"\nname = "Gardenshire Council"\ndebt_types = ["sundry", "garden_waste"]\n'
                       '[priority]\nlevels = { sundry = 5, garden_waste = 6 }\n'
                       '[write_off]\nreasons = ["uneconomical"]\ndelegations = [{ authority = "recovery_officer" }]\n'
                       '[debt_types.sundry]\n[debt_types.garden_waste]\npayment_terms_days = 14\n')
    arrears("init", "--council", "gardenshire", "--profile", profile)
    (tmp_path / "a.csv").write_text("reference,debt_type,debtor_ref,debtor_name,amount,date\n"
                                    "GW1,garden_waste,D1,Jo Bloggs,45.00,2025-04-01\n")
    arrears("import", "accounts", tmp_path / "a.csv", "--council", "gardenshire")
    arrears("run", "--council", "gardenshire", "--date", "2025-04-30")
    shown = json.loads(arrears("account", "show", "GW1", "--council", "gardenshire", "--json"))
    assert shown["stage"] == "reminder"
    assert [t["reason"] for t in shown["timeline"] if t["type"] == "stage"] == [
        "£45.00 unpaid after 14 days' terms; reminder sent, pay by 2025-04-30."]


def test_the_kits_fixtures_give_a_chosen_host_a_profile_a_cli_and_a_clock(pytester):
    pytester.makeconftest('pytest_plugins = ["arrears.testing.fixtures"]')
    pytester.makepyfile('''
        from datetime import date

        from arrears import hookimpl


        class Nothing:
            @hookimpl
            def register_debt_types(self, register):
                pass


        def test_chosen_plugins_only(arrears_make_host):
            host = arrears_make_host(("nothing", Nothing()), entry_points=False)
            assert [p.name for p in host.plugins] == ["nothing"] and host.debt_types == {}


        def test_profile_cli_and_clock(arrears_profile, arrears_cli, arrears_today):
            arrears_today.set(date(2025, 5, 1))
            path = arrears_profile({"sundry": {"payment_terms_days": 21}})
            arrears_cli("init", "--council", "testshire", "--profile", path)
            refused = arrears_cli("run", "--council", "testshire", "--date", "2025-05-02", expect=1)
            assert "after today (2025-05-01)" in refused.output
            arrears_cli("run", "--council", "testshire", "--date", "2025-05-01")
    ''')
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
