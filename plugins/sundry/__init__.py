"""Sundry debts: invoices for council services, recovered by notices, pre-action letters and the county court (DOMAIN §3)."""

from arrears import hookimpl

from .debt_type import SUNDRY

__all__ = ["SUNDRY"]

ARREARS_HOOK_API = 2
"""The plugin contract this plugin was written for (debt types with their rules)."""


@hookimpl
def register_debt_types(register):
    register(SUNDRY)
