"""Council rent arrears: rent billing, contact, letters, NSP, possession claim, orders, warrant and former-tenant arrears (DOMAIN §6)."""

from arrears import hookimpl

from .debt_type import RENTS

__all__ = ["RENTS"]

ARREARS_HOOK_API = 2
"""The plugin contract this plugin was written for (debt types with their rules)."""


@hookimpl
def register_debt_types(register):
    register(RENTS)
