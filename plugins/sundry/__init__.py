"""Sundry debts: invoices for council services, recovered by notices, pre-action letters and the county court (DOMAIN §3)."""

from arrears import hookimpl

from .debt_type import SUNDRY

__all__ = ["SUNDRY"]


@hookimpl
def register_debt_types(register):
    register(SUNDRY)
