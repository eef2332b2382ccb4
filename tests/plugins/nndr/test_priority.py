"""Business rates in the hierarchy of debt: Rutland's table puts them at level 3 (DOMAIN §8.1)."""

from __future__ import annotations

from arrears.profiles.profile import council_profile_path, load_profile


def test_rutland_level_3_from_the_profiles_priority_table(host, data_dir):
    profile = load_profile(data_dir / "nndr_council.toml", host.debt_types)   # Rutland's levels (§8.1)
    for stage in ("demand", "summons", "liability_order"):
        assert host.hook.case_priority(profile=profile, debt_type="nndr", stage=stage, balance_pence=100_000) == 3


def test_bundled_profile_ranks_business_rates_after_council_tax(host):
    profile = load_profile(council_profile_path("rotherham"), host.debt_types)
    assert profile.priority_levels["nndr"] == 3 and profile.priority_levels["council_tax"] == 2
    assert profile.priority_order.index("council_tax") < profile.priority_order.index("nndr")
