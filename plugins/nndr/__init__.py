"""Business rates (NNDR): demand, reminder, final notice, summons, liability order and remedies (DOMAIN §2)."""

from arrears import hookimpl

from .debt_type import NNDR

__all__ = ["NNDR"]

ARREARS_HOOK_API = 2
"""The plugin contract this plugin was written for (debt types with their rules)."""


@hookimpl
def register_debt_types(register):
    register(NNDR)
