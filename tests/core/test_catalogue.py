"""``arrears plugins show TYPE``: what a debt type declares; each README's column table is the declarations'."""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path

import pytest

from arrears.services.catalogue import columns_markdown

BUILTINS = ("council_tax", "nndr", "sundry", "hb_overpayment", "pcn", "rents")


@pytest.mark.parametrize("debt_type", BUILTINS)
def test_each_readme_carries_the_import_columns_as_declared(host, debt_type):
    readme = (Path(import_module(f"arrears_{debt_type}").__file__).parent / "README.md").read_text()
    assert columns_markdown(host.debt_types[debt_type]) + "\n" in readme


def test_show_lists_columns_parameters_stages_actions_and_hooks(arrears, host):
    data = json.loads(arrears("plugins", "show", "nndr", "--json").output)
    nndr = host.debt_types["nndr"]
    assert (data["id"], data["plugin"], data["hooks"]) == ("nndr", "nndr", ["register_debt_types"])
    assert data["rules"] == nndr.rules.provides()
    assert [c["name"] for c in data["columns"]] == [c.name for c in nndr.columns]
    assert {"name": "instalment_day", "kind": "choice (1-31)", "required": False,
            "description": nndr.column("instalment_day").help} in data["columns"]
    params = {p["name"]: p for p in data["parameters"]}
    assert params["ea_compliance_days"]["default"] == 7 and params["enforcement.compliance_pence"]["default"] == 7500
    assert params["ea_notice_clear_days"]["description"].endswith("Taking Control of Goods Regulations 2013 reg 6.")
    assert [s["id"] for s in data["stages"]] == [s.id for s in nndr.ladder.stages]
    visit = next(a for a in data["actions"] if a["action"] == "ea_enforcement_stage")
    assert (visit["from"], visit["to"], visit["fields"], visit["optional_fields"]) == (
        "enforcement_agent", "ea_enforcement", ["visit_date"], ["notice_date"])
    text = arrears("plugins", "show", "nndr").output
    assert "instalment_day" in text and "ea_compliance_days = 7" in text and "ea_enforcement_stage" in text


def test_show_names_the_installed_types_for_an_unknown_one(arrears):
    result = arrears("plugins", "show", "trade_waste", expect=1)
    assert "no debt type 'trade_waste' (installed: council_tax, hb_overpayment, nndr, pcn, rents, sundry)" in result.output


def test_the_accounts_import_says_where_each_types_columns_are(arrears):
    assert "arrears plugins show TYPE" in arrears("import", "accounts", "--help").output
