"""The ``[debt_types.sundry]`` profile section: every figure documented, seeds expressible, bad values refused by key."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from arrears import ProfileError
from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import council_profile_path, load_profile
from arrears_sundry.params import SundryParameters

PROFILE = Path(__file__).parents[2] / "data" / "sundry_council.toml"


@pytest.fixture(scope="module")
def debt_types():
    return build_plugin_host(blocked=()).debt_types


def load(tmp_path, debt_types, extra: str, terms: int = 21):
    path = tmp_path / "p.toml"
    path.write_text(PROFILE.read_text().replace("payment_terms_days = 21", f"payment_terms_days = {terms}") + extra)
    return load_profile(path, debt_types)


@pytest.mark.parametrize("name", list(SundryParameters.model_fields))
def test_every_parameter_cites_the_domain_section_and_its_confidence(name):
    description = SundryParameters.model_fields[name].description
    assert "DOMAIN §" in description, name
    assert re.search(r"\[(H|M|L)[^\]]*\]", description), name


def test_rotherham_is_21_14_14_with_the_three_month_limit(debt_types):
    p = load_profile(council_profile_path("rotherham"), debt_types).params("sundry", date(2025, 3, 3))
    assert (p.payment_terms_days, p.reminder_days, p.final_notice_days, p.action_limit_months) == (21, 14, 14, 3)


def test_reading_is_expressible(tmp_path, debt_types):
    profile = load(tmp_path, debt_types, "final_notice = false\nfurther_recovery_min_age_days = 60\n", terms=30)
    p = profile.params("sundry", date(2025, 3, 3))
    assert (p.payment_terms_days, p.reminder_days, p.final_notice, p.further_recovery_min_age_days) == (30, 14, False, 60)


def test_a_new_base_rate_is_a_profile_edit(tmp_path, debt_types):
    extra = ('late_payment_charges = true\n[[debt_types.sundry.base_rates]]\neffective_from = 2025-01-01\npercent = "4.75"\n'
             '[[debt_types.sundry.base_rates]]\neffective_from = 2026-05-07\npercent = "3.5"\n')
    p = load(tmp_path, debt_types, extra).params("sundry", date(2026, 6, 1))
    assert [(r.effective_from, str(r.percent)) for r in p.base_rates] == [(date(2025, 1, 1), "4.75"), (date(2026, 5, 7), "3.5")]


@pytest.mark.parametrize(("line", "key"), [
    ("letter_of_claim_reply_days = 20", "debt_types.sundry.letter_of_claim_reply_days"),
    ("advice_hold_days = 10", "debt_types.sundry.advice_hold_days"),
    ("limitation_years = 5", "debt_types.sundry.limitation_years"),
    ("late_payment_debtor_kinds = [\"person\"]", "debt_types.sundry.late_payment_debtor_kinds"),
    ("enforcement_court_fees = { garnishee = 100 }", "debt_types.sundry.enforcement_court_fees"),
    ("action_limit_month = 3", "debt_types.sundry.action_limit_month: unknown key"),
])
def test_bad_values_are_refused_naming_the_key(tmp_path, debt_types, line, key):
    with pytest.raises(ProfileError) as info:
        load(tmp_path, debt_types, line + "\n")
    assert any(key in problem for problem in info.value.problems), info.value.problems
