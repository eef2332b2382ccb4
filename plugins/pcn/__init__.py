"""Penalty Charge Notices: PCN, Notice to Owner, representations, charge certificate, TEC and warrant (DOMAIN §5)."""

from arrears import hookimpl

from .debt_type import PCN

__all__ = ["PCN"]


@hookimpl
def register_debt_types(register):
    register(PCN)
