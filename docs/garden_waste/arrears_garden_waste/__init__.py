"""Garden waste debts: an invoice, a reminder when it is unpaid after the payment terms, then an officer's decision."""

from arrears import hookimpl

from .debt_type import GARDEN_WASTE

__all__ = ["GARDEN_WASTE"]

ARREARS_HOOK_API = 2
"""The arrears plugin contract this plugin was written for."""


@hookimpl
def register_debt_types(register):
    register(GARDEN_WASTE)
