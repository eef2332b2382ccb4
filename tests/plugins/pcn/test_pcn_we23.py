"""WE-23 through the nightly run: an on-street band 2 higher PCN served 2025-06-02 for £70 (DOMAIN §14)."""

from __future__ import annotations


def test_we23_every_date_and_amount(council_with):
    council = council_with("notice_to_owner_grace_days = 1")  # the example posts the Notice to Owner on 1 July
    council.accounts({"reference": "WE23"}, {"reference": "EARLY"}, {"reference": "LATE"}, {"reference": "FULL"})
    council.pay(("EARLY", "35.00", "2025-06-15"), ("LATE", "35.00", "2025-06-16"), ("FULL", "70.00", "2025-06-29"))
    council.run("2025-08-18")

    charge = [t for t in council.show("WE23")["timeline"] if t["type"] == "charge"][0]
    assert (charge["date"], charge["amount_pence"]) == ("2025-06-02", 7000)
    assert charge["description"].endswith("£35.00 if paid by 2025-06-15 (14 days), £70.00 by 2025-06-29")
    # Discount £35 if paid by 15 June; full £70 by 29 June.
    assert council.moves("EARLY") == [("2025-06-15", "paid")]
    assert council.show("EARLY")["balance_pence"] == 0
    assert council.moves("FULL") == [("2025-06-29", "paid")]
    assert council.moves("LATE")[0] == ("2025-07-01", "notice_to_owner")
    assert council.show("LATE")["balance_pence"] == 3500 + 3500 + 800  # the rest of the £70, increased, registered

    assert council.moves("WE23") == [("2025-07-01", "notice_to_owner"), ("2025-07-31", "charge_certificate"),
                                     ("2025-08-18", "tec_registration")]
    nto, cc, tec = council.reasons("WE23")
    assert "£70.00 unpaid at the end of its 28-day payment period on 2025-06-29 and 1 day's grace" in nto
    assert "Notice to Owner sent, deemed served 2025-07-03; pay or make representations by 2025-07-30" in nto
    assert "no Notice to Owner after 2025-12-01" in nto
    assert "charge increased by 50% (£35.00) to £105.00; deemed served 2025-08-04, pay by 2025-08-17" in cc
    assert "registered at the Traffic Enforcement Centre with the £8.00 fee, debt now £113.00" in tec
    fees = [(d, code, pence) for d, kind, code, pence in council.entries("WE23") if kind == "fee"]
    assert fees == [("2025-07-31", "charge_certificate", 3500), ("2025-08-18", "tec_registration", 800)]
    assert council.show("WE23")["balance_pence"] == 11300


def test_we23_notice_to_owner_earliest_on_30_june(council):
    council.accounts({"reference": "WE23"})
    council.run("2025-06-29")
    assert council.moves("WE23") == []
    council.run("2025-06-30")
    assert council.moves("WE23") == [("2025-06-30", "notice_to_owner")]
