"""The plugin host: built-ins through entry points, broken plugins named and set aside, blocking."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from arrears import Billing, Charge, DebtType, DebtTypeRules, Ladder, Stage, Transition, cleared, hookimpl
from arrears.cli import cli
from arrears.engine.plugins import build_plugin_host

BUILTINS = {"council_tax", "nndr", "sundry", "hb_overpayment", "pcn", "rents"}


@pytest.fixture(autouse=True)
def _no_env_blocking(monkeypatch):
    monkeypatch.delenv("ARREARS_DISABLE_PLUGINS", raising=False)


class Invoiced(DebtTypeRules):
    """Rules that bill the account's amount on its date."""

    def bill(self, case, context):
        return Billing(charges=[Charge(case.amount_pence, case.opened_on, "Invoice")])


def tiny_debt_type(type_id: str, guard: str = "cleared", rules: DebtTypeRules | None = None,
                   reason: str = "Paid: {paid} received.") -> DebtType:
    ladder = Ladder(
        stages=(Stage("open", "Open"), Stage("paid", "Paid", terminal=True)),
        transitions=(Transition("cleared", "open", "paid", guard=guard, reason=reason),),
    )
    return DebtType(id=type_id, label=type_id.title(), ladder=ladder, guards={"cleared": cleared},
                    rules=Invoiced() if rules is None else rules)


def registering(*types: DebtType, fail: Exception | None = None):
    """A plugin object whose register_debt_types registers ``types`` then raises ``fail`` if given."""

    class Plugin:
        @hookimpl
        def register_debt_types(self, register):
            for t in types:
                register(t)
            if fail is not None:
                raise fail

        @hookimpl
        def case_priority(self, profile, debt_type):
            return 1

    return Plugin()


def info(host, name):
    found = [p for p in host.plugins if p.name == name]
    assert len(found) == 1, [p.name for p in host.plugins]
    return found[0]


def assert_builtins_fine(host, but=()):
    for name in BUILTINS - set(but):
        p = info(host, name)
        assert (p.builtin, p.distribution, p.error, p.disabled) == (True, "arrears", None, False), p
        assert p.version and p.debt_types == [name]
        assert name in host.debt_types and host.debt_types[name].plugin == name


def test_entry_points_give_the_six_builtin_debt_types():
    host = build_plugin_host()
    assert set(host.debt_types) == BUILTINS
    assert {p.name for p in host.plugins} == BUILTINS
    assert host.failures == []
    assert_builtins_fine(host)
    assert info(host, "sundry").hooks == ["register_debt_types"]  # the rest through its rules, answered by the core
    assert host.debt_types["sundry"].rules.provides() == ["review", "bill", "fees", "check_action"]
    assert host.debt_types["pcn"].rules.provides() == ["review", "bill", "fees", "check_row", "check_action",
                                                      "action_state", "action_entries", "queues"]


def test_misspelled_hook_is_reported_and_the_others_still_load():
    class Typo:
        @hookimpl
        def register_debt_types(self, register):
            register(tiny_debt_type("typo_type"))

        @hookimpl
        def progres_cases(self, context, cases):
            return None

    host = build_plugin_host(extra_plugins=[("typo", Typo())])
    typo = info(host, "typo")
    assert typo.error and "progres_cases" in typo.error
    assert typo.builtin is False
    assert "typo_type" not in host.debt_types  # the plugin is set aside whole
    assert host.pm.get_plugin("typo") is None
    assert [p.name for p in host.failures] == ["typo"]
    assert_builtins_fine(host)


def test_register_debt_types_raising_is_reported_and_its_debt_types_absent():
    host = build_plugin_host(extra_plugins=[("boom", registering(tiny_debt_type("boom_type"), fail=RuntimeError("bad registration")))])
    boom = info(host, "boom")
    assert boom.error == "RuntimeError: bad registration"
    assert "boom_type" not in host.debt_types
    assert boom.debt_types == []
    # Its other hooks are gone too: the core's own answer (the profile's level) stands.
    profile = SimpleNamespace(priority_of=lambda debt_type, stage: {"sundry": 5}.get(debt_type))
    assert host.hook.case_priority(profile=profile, debt_type="sundry", stage="invoice", balance_pence=100) == 5
    assert_builtins_fine(host)


def test_invalid_ladder_is_reported_against_the_plugin():
    host = build_plugin_host(extra_plugins=[("wonky", registering(tiny_debt_type("wonky_type", guard="no_such_guard")))])
    wonky = info(host, "wonky")
    assert wonky.error.startswith("InvalidLadder: ")
    assert "wonky_type" in wonky.error and "no_such_guard" in wonky.error
    assert "wonky_type" not in host.debt_types
    assert_builtins_fine(host)


def test_duplicate_debt_type_id_is_reported():
    host = build_plugin_host(extra_plugins=[("copycat", registering(tiny_debt_type("sundry")))])
    copycat = info(host, "copycat")
    assert copycat.error and "'sundry'" in copycat.error and "copycat" in copycat.error
    assert host.debt_types["sundry"].plugin == "sundry"  # the first registration stands
    assert host.debt_types["sundry"].label == "Sundry debt"
    assert_builtins_fine(host)


def test_a_good_extra_plugin_adds_its_debt_type():
    host = build_plugin_host(extra_plugins=[("extra", registering(tiny_debt_type("trade_waste")))])
    assert host.failures == []
    extra = info(host, "extra")
    assert (extra.builtin, extra.debt_types) == (False, ["trade_waste"])
    assert host.debt_types["trade_waste"].plugin == "extra"
    assert set(host.debt_types) == BUILTINS | {"trade_waste"}


def test_blocked_plugins_are_listed_as_disabled():
    host = build_plugin_host(blocked=("pcn",))
    pcn = info(host, "pcn")
    assert pcn.disabled is True and pcn.error is None and pcn.debt_types == []
    assert set(host.debt_types) == BUILTINS - {"pcn"}
    assert_builtins_fine(host, but=("pcn",))


def test_environment_variable_disables_plugins(monkeypatch):
    monkeypatch.setenv("ARREARS_DISABLE_PLUGINS", "pcn, rents")
    host = build_plugin_host()
    assert info(host, "pcn").disabled and info(host, "rents").disabled
    assert set(host.debt_types) == BUILTINS - {"pcn", "rents"}
    assert_builtins_fine(host, but=("pcn", "rents"))
    assert set(build_plugin_host(blocked=()).debt_types) == BUILTINS  # an explicit list wins over the variable
    result = CliRunner().invoke(cli, ["plugins", "--json"])
    listed = {p["name"]: p for p in json.loads(result.output)}
    assert listed["pcn"]["disabled"] and listed["rents"]["disabled"] and not listed["sundry"]["disabled"]
    text = CliRunner().invoke(cli, ["plugins"]).output
    assert [line for line in text.splitlines() if line.startswith("pcn ")][0].rstrip().endswith("disabled")


def test_plugins_json_lists_the_six_builtins():
    result = CliRunner().invoke(cli, ["plugins", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert {p["name"] for p in listed} == BUILTINS
    for p in listed:
        assert (p["builtin"], p["distribution"], p["error"], p["disabled"]) == (True, "arrears", None, False)
        assert p["debt_types"] == [p["name"]]


# --- a broken plugin installed into the environment ----------------------------------------------


def install_broken_plugin(site) -> None:
    (site / "broken_plugin.py").write_text('raise RuntimeError("boom")\n')
    dist = site / "broken_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[arrears]\nbroken = broken_plugin\n")


def arrears_cmd(site, cwd, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("ARREARS_DISABLE_PLUGINS", "ARREARS_DB", "PYTHONPATH")}
    env["PYTHONPATH"] = str(site)
    return subprocess.run([sys.executable, "-m", "arrears", *map(str, args)], capture_output=True, text=True,
                          timeout=180, cwd=cwd, env=env)


@pytest.mark.slow
def test_installed_broken_plugin_is_named_and_the_rest_work(tmp_path):
    site, work = tmp_path / "site", tmp_path / "work"
    site.mkdir()
    work.mkdir()
    install_broken_plugin(site)

    listed = arrears_cmd(site, work, "plugins", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr
    plugins = {p["name"]: p for p in json.loads(listed.stdout)}
    assert set(plugins) == BUILTINS | {"broken"}
    broken = plugins["broken"]
    assert (broken["distribution"], broken["version"], broken["error"]) == ("broken-plugin", "1.0", "RuntimeError: boom")
    assert broken["builtin"] is False and broken["debt_types"] == []
    for name in BUILTINS:
        assert plugins[name]["error"] is None and plugins[name]["builtin"] is True

    db = f"sqlite:///{work / 'arrears.db'}"
    steps = [
        ("init", "--council", "rotherham", "--db", db),
        ("import", "accounts", work / "accounts.csv", "--council", "rotherham", "--db", db),
        ("run", "--council", "rotherham", "--date", "2025-03-25", "--json", "--db", db),
    ]
    (work / "accounts.csv").write_text(
        "reference,debt_type,debtor_ref,debtor_name,amount,date\nINV1,sundry,D1,Jo Bloggs,\"1,120.50\",2025-03-03\n"
    )
    outputs = []
    for step in steps:
        done = arrears_cmd(site, work, *step)
        assert done.returncode == 0, (step, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        assert "broken" in done.stderr and "RuntimeError: boom" in done.stderr  # a warning, not a failure
        outputs.append(done.stdout)
    assert "rotherham" in outputs[0]
    report = json.loads(outputs[2])
    # Rotherham sundry: 21 days' terms from 3 March, reminder on 25 March (WE-26).
    assert report["moves"] == {"sundry": {"reminder": 1}}
    assert report["charges_pence"] == 112050
    shown = arrears_cmd(site, work, "account", "show", "INV1", "--council", "rotherham", "--json", "--db", db)
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert (data["stage"], data["balance_pence"]) == ("reminder", 112050)


# --- mistakes caught at registration ------------------------------------------------------------------------------


def failure(host, name):
    [found] = [p for p in host.failures if p.name == name]
    return found.error


def test_a_debt_type_nothing_bills_is_refused_naming_plugin_and_debt_type():
    host = build_plugin_host(extra_plugins=[("unbilled", registering(tiny_debt_type("trade_waste", rules=DebtTypeRules())))])
    assert "trade_waste" not in host.debt_types
    assert failure(host, "unbilled") == (
        "PluginError: plugin 'unbilled', debt type 'trade_waste': nothing bills it, so its accounts would never be "
        "charged; give its rules a bill(case, context), or answer bill_accounts for it")
    assert_builtins_fine(host)


def test_billing_by_a_hook_of_the_plugins_own_counts():
    class BillsByHook:
        @hookimpl
        def register_debt_types(self, register):
            register(tiny_debt_type("trade_waste", rules=DebtTypeRules()))

        @hookimpl
        def bill_accounts(self, context, cases):
            if context.debt_type.id != "trade_waste":
                return None
            return [Billing() for _ in cases]

    host = build_plugin_host(extra_plugins=[("hooked", BillsByHook())])
    assert host.failures == [] and "trade_waste" in host.debt_types


def test_rules_naming_a_rule_the_ladder_lacks_are_refused():
    class Fees(Invoiced):
        rule_names = ("cleared", "summons")

    host = build_plugin_host(extra_plugins=[("feeish", registering(tiny_debt_type("trade_waste", rules=Fees())))])
    assert failure(host, "feeish") == (
        "PluginError: plugin 'feeish', debt type 'trade_waste': rule 'summons' is named by its rules but is not a "
        "rule of its ladder")


def test_a_reason_naming_an_unknown_fact_is_refused_and_a_declared_one_is_not():
    typo = tiny_debt_type("trade_waste", reason="Paid {paid} on {paid_onn}.")
    host = build_plugin_host(extra_plugins=[("typo", registering(typo))])
    error = failure(host, "typo")
    assert error.startswith("PluginError: plugin 'typo', debt type 'trade_waste': rule 'cleared': the reason names "
                            "{paid_onn}, which is no fact of the move")

    class Declared(Invoiced):
        reason_facts = {"cleared": ("paid_onn",)}

    declared = tiny_debt_type("trade_waste", reason="Paid {paid} on {paid_onn}.", rules=Declared())
    host = build_plugin_host(extra_plugins=[("declared", registering(declared))])
    assert host.failures == [] and "trade_waste" in host.debt_types


def test_a_plugin_needing_a_newer_plugin_contract_is_refused_saying_so():
    from arrears.hookspecs import HOOK_API

    future = registering(tiny_debt_type("trade_waste"))
    future.ARREARS_HOOK_API = HOOK_API + 1
    host = build_plugin_host(extra_plugins=[("future", future)])
    assert "trade_waste" not in host.debt_types
    assert failure(host, "future").startswith(
        f"plugin 'future' needs the arrears plugin contract (hook API) {HOOK_API + 1}; this arrears ")
    assert failure(host, "future").endswith(f"gives {HOOK_API}: upgrade arrears to use it")
    today = registering(tiny_debt_type("trade_waste"))
    today.ARREARS_HOOK_API = HOOK_API
    assert "trade_waste" in build_plugin_host(extra_plugins=[("today", today)]).debt_types
