"""Penalty Charge Notices: PCN, Notice to Owner, representations, charge certificate, TEC and warrant (DOMAIN §5)."""

from arrears import hookimpl

from .debt_type import PCN

__all__ = ["PCN"]

ARREARS_HOOK_API = 2
"""The plugin contract this plugin was written for (debt types with their rules)."""


@hookimpl
def register_debt_types(register):
    register(PCN)
