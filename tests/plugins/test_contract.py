"""The six built-in debt types pass the contract suite a third-party debt type runs against itself."""

from __future__ import annotations

from arrears.testing import DebtTypeContract


class TestSundryContract(DebtTypeContract):
    debt_type = "sundry"
    accounts = [{"reference": "S1", "amount": "120.00", "date": "2025-03-03"},
                {"reference": "S2", "amount": "2,400.00", "date": "2025-03-10", "debtor_kind": "company"}]


class TestCouncilTaxContract(DebtTypeContract):
    debt_type = "council_tax"
    accounts = [{"reference": "CT1", "amount": "1,650.00", "date": "2025-03-10", "financial_year": "2025"},
                {"reference": "CT2", "amount": "980.00", "date": "2025-03-10", "financial_year": "2025",
                 "instalments": "0"}]


class TestBusinessRatesContract(DebtTypeContract):
    debt_type = "nndr"
    accounts = [{"reference": "NR1", "amount": "12,500.00", "date": "2025-03-10", "financial_year": "2025",
                 "debtor_kind": "company"}]


class TestHbOverpaymentContract(DebtTypeContract):
    debt_type = "hb_overpayment"
    accounts = [{"reference": "HB1", "amount": "640.00", "date": "2025-03-01", "period_start": "2024-10-07",
                 "period_end": "2025-01-26", "cause": "claimant_error", "on_hb": "no"}]


class TestPcnContract(DebtTypeContract):
    debt_type = "pcn"
    accounts = [{"reference": "PCN1", "amount": "70.00", "date": "2025-03-05", "vehicle_reg": "AB12 CDE", "band": "2",
                 "level": "higher", "served_by": "affixed"},
                {"reference": "PCN2", "amount": "50.00", "date": "2025-03-05", "vehicle_reg": "CD34 EFG", "band": "2",
                 "level": "lower", "served_by": "postal"}]


class TestRentsContract(DebtTypeContract):
    debt_type = "rents"
    accounts = [{"reference": "R1", "amount": "95.00", "date": "2025-03-03", "rent_period": "weekly", "rent_day": "1",
                 "tenancy_start": "2020-01-06", "arrears_brought_forward": "250.00"}]
