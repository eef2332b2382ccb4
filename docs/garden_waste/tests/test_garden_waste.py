"""Garden waste: the contract every debt type passes, and its ladder day by day."""

from datetime import date

from arrears.testing import DebtTypeContract


class TestGardenWasteContract(DebtTypeContract):
    debt_type = "garden_waste"
    accounts = [{"reference": "X1", "amount": "120.00", "date": "2025-04-01"},
                {"reference": "X2", "amount": "45.50", "date": "2025-04-15"}]


def test_an_unpaid_invoice_gets_a_reminder_the_day_after_its_terms(arrears_council):
    council = arrears_council({"garden_waste": {}})
    council.accounts({"reference": "X1", "amount": "120.00", "date": date(2025, 4, 1)})
    council.run(date(2025, 4, 29))
    assert council.show("X1")["stage"] == "invoice"
    council.run(date(2025, 4, 30))
    shown = council.show("X1")
    assert (shown["stage"], shown["balance_pence"]) == ("reminder", 12000)
    assert shown["timeline"][-1]["reason"] == "£120.00 unpaid after 28 days' terms; reminder sent, pay by 2025-05-14."


def test_paying_in_full_closes_the_account(arrears_council):
    council = arrears_council({"garden_waste": {"payment_terms_days": 14}})
    council.accounts({"reference": "X1", "amount": "120.00", "date": date(2025, 4, 1)})
    council.pay(("X1", "120.00", date(2025, 4, 10)))
    council.run(date(2025, 5, 31))
    shown = council.show("X1")
    assert (shown["stage"], shown["closed_on"], shown["balance_pence"]) == ("paid", "2025-04-10", 0)


def test_an_officer_writes_it_off(arrears_council):
    council = arrears_council({"garden_waste": {}})
    council.accounts({"reference": "X1", "amount": "20.00", "date": date(2025, 4, 1)})
    council.run(date(2025, 5, 1))
    council.act("X1", "write_off", date(2025, 5, 2), reason="uneconomical")
    shown = council.show("X1")
    assert (shown["stage"], shown["balance_pence"]) == ("written_off", 0)
