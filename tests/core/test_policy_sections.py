"""The policy sections of a profile: payment plans, vulnerability, service standards, stage priority levels."""

from __future__ import annotations

import pytest

from arrears.errors import ProfileError
from arrears.profiles.profile import load_profile

BASE = """
[council]
id = "policyshire"
name = "Policyshire Council"
debt_types = ["sundry", "council_tax"]

[priority]
levels = { council_tax = 2, sundry = 5 }
{priority_extra}

[write_off]
reasons = ["uneconomical"]
delegations = [{ authority = "s151_officer", up_to_pence = 100000 }, { authority = "cabinet" }]

[debt_types.sundry]
[debt_types.council_tax]
{extra}
"""


def profile(tmp_path, host, extra: str = "", priority_extra: str = ""):
    path = tmp_path / "policyshire.toml"
    path.write_text(BASE.replace("{priority_extra}", priority_extra).replace("{extra}", extra))
    return load_profile(path, host.debt_types)


def problems(tmp_path, host, **parts) -> list[str]:
    with pytest.raises(ProfileError) as exc:
        profile(tmp_path, host, **parts)
    return exc.value.problems


def test_sections_are_optional_and_state_no_policy(tmp_path, host):
    p = profile(tmp_path, host)
    assert p.vulnerability.categories == []
    assert p.service_standards.complaint_stages == []
    assert p.payment_plans.max_months_with_income_form is None


def test_stage_level_outranks_the_debt_type_level(tmp_path, host):
    p = profile(tmp_path, host, priority_extra='stage_levels = { council_tax = { committal = 1, liability_order = 1 } }')
    assert p.priority_of("council_tax", "committal") == 1
    assert p.priority_of("council_tax", "demand") == 2
    assert p.priority_of("sundry", "invoice") == 5
    answer = host.hook.case_priority(profile=p, debt_type="council_tax", stage="liability_order", balance_pence=100)
    assert answer == 1


def test_stage_levels_must_name_real_stages_of_enabled_types(tmp_path, host):
    found = problems(tmp_path, host, priority_extra='stage_levels = { council_tax = { jail = 1 }, rents = { evicted = 1 } }')
    assert any(p.endswith("priority.stage_levels.council_tax.jail: not a stage of council_tax (stages: "
                          + p.split("(stages: ", 1)[1]) for p in found)
    assert any("priority.stage_levels.rents: not an enabled debt type" in p for p in found)


def test_payment_plan_limits_must_be_in_order(tmp_path, host):
    found = problems(tmp_path, host, extra="""
[payment_plans]
max_months_without_income_form = 12
max_months_with_income_form = 3
""")
    assert any("payment_plans: " in p and "longer than max_months_with_income_form" in p for p in found)


def test_payment_plans_name_enabled_debt_types_only(tmp_path, host):
    found = problems(tmp_path, host, extra="""
[payment_plans]
not_for_debt_types = ["pcn"]
max_months_by_debt_type = { rents = 6 }
""")
    assert any("payment_plans.not_for_debt_types: 'pcn' is not an enabled debt type" in p for p in found)
    assert any("payment_plans.max_months_by_debt_type.rents: 'rents' is not an enabled debt type" in p for p in found)


def test_payment_plans_refuse_unknown_keys_naming_the_key(tmp_path, host):
    found = problems(tmp_path, host, extra="[payment_plans]\nmax_months = 3\n")
    assert any(p.endswith("payment_plans.max_months: unknown key") for p in found)


def test_vulnerability_category_ids_are_unique(tmp_path, host):
    found = problems(tmp_path, host, extra="""
[vulnerability]
categories = [{ id = "older_people", label = "Older people" }, { id = "older_people", label = "Elderly" }]
""")
    assert any("vulnerability: " in p and "category ids repeated: older_people" in p for p in found)


def test_complaint_stages_run_in_order(tmp_path, host):
    found = problems(tmp_path, host, extra="""
[service_standards]
complaint_stages = [{ stage = 2, acknowledge_working_days = 5, respond_working_days = 30 }]
""")
    assert any("complaint_stages must be stages 1, 2, ... in order" in p for p in found)


def test_show_and_diff_include_the_policy_sections(tmp_path, host, arrears):
    path = tmp_path / "policyshire.toml"
    path.write_text(BASE.replace("{priority_extra}", "").replace("{extra}", """
[payment_plans]
max_months_with_income_form = 12
[vulnerability]
categories = [{ id = "carers", label = "Carers" }]
"""))
    other = tmp_path / "other.toml"
    other.write_text(path.read_text().replace("max_months_with_income_form = 12", "max_months_with_income_form = 6"))
    shown = arrears("profile", "show", str(path)).output
    assert "[payment_plans]" in shown and "max_months_with_income_form = 12" in shown
    assert "vulnerability.categories[0].id" in shown or "categories[0].id = " in shown
    diff = arrears("profile", "diff", str(path), str(other), expect=1).output
    assert "payment_plans.max_months_with_income_form" in diff and "12" in diff and "6" in diff
