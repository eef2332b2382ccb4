"""Who may write off a debt: the reason, the delegation the amount needs, and any consultation first.

The delegation comes from the ``writeoff_authority`` hook (the core answers last
from the profile's delegations). A consultation from the profile's
``[[write_off.consultations]]`` adds two conditions (DOMAIN §9, Reading; WE-29):
the body named must have been consulted, recorded on the action as
``consulted=<body>``, and the officer approving must be one of its approvers or
rank above all of them in the delegations. Roles outside the delegation table
rank with its lowest authority. An officer's own limit applies on top.
"""

from __future__ import annotations

from typing import Any

from ..cases import WriteOffRequest
from ..errors import ActionRefused
from ..money import format_pence
from ..engine.plugins import PluginHost
from ..profiles.profile import Profile

__all__ = ["authorise_write_off", "write_off_rule"]


def _either(names) -> str:
    return " or ".join(repr(n) for n in names)


def write_off_rule(host: PluginHost, profile: Profile, request: WriteOffRequest) -> dict[str, Any]:
    """What a write-off needs: ``authority_needed``, and ``consult`` and ``approvers`` when a consultation applies."""
    if request.reason not in profile.write_off_reasons:
        raise ActionRefused(
            f"write_off: reason {request.reason!r} is not one of the council's reasons: {', '.join(profile.write_off_reasons)}"
        )
    needed = host.hook.writeoff_authority(profile=profile, request=request)
    if needed is None or needed not in profile.authorities():
        raise ActionRefused(f"write_off: no authority in the council's delegations covers {format_pence(request.amount_pence)}")
    rule: dict[str, Any] = {"authority_needed": needed}
    consultation = profile.consultation(request.reason, request.amount_pence)
    if consultation is None:
        rule["consultation"] = "not required"
    else:
        rule["consult"] = consultation.consult
        rule["consult_above_pence"] = consultation.above_pence
        if consultation.approvers:
            rule["approvers"] = list(consultation.approvers)
    return rule


def _rank(levels: list[str], role: str, approvers: list[str]) -> int:
    if role in levels:
        return levels.index(role)
    return 0 if role in approvers else -1


def authorise_write_off(host: PluginHost, profile: Profile, officer, request: WriteOffRequest,
                        consulted: str | None) -> dict[str, Any]:
    """The facts to record for a write-off ``officer`` may make; :class:`ActionRefused` explaining what is missing."""
    rule = write_off_rule(host, profile, request)
    amount = format_pence(request.amount_pence)
    levels = profile.authorities()
    needed = rule["authority_needed"]
    approvers = rule.get("approvers", [])
    role = officer.role
    if "consult" in rule:
        body = rule["consult"]
        then = f"; then {_either(approvers)} approves" if approvers else ""
        if consulted != body:
            got = f" (consulted={consulted!r} names someone else)" if consulted else ""
            raise ActionRefused(
                f"write_off of {amount} for {request.reason!r} is over {format_pence(rule['consult_above_pence'])}: "
                f"consult {body!r} first and record it with consulted={body}{then}{got}"
            )
        rule["consulted"] = consulted
        if approvers:
            top = max(_rank(levels, a, approvers) for a in approvers)
            if role not in approvers and _rank(levels, role, approvers) <= top:
                raise ActionRefused(
                    f"write_off of {amount} for {request.reason!r}, after consulting {body!r}, needs approval by "
                    f"{_either(approvers)}; officer {officer.login!r} has role {role!r}"
                )
    elif consulted:
        rule["consulted"] = consulted
    if _rank(levels, role, approvers) < levels.index(needed):
        raise ActionRefused(
            f"write_off of {amount} for {request.reason!r} needs authority {needed!r}; "
            f"officer {officer.login!r} has role {role!r}"
        )
    if officer.write_off_limit_pence is not None and request.amount_pence > officer.write_off_limit_pence:
        raise ActionRefused(
            f"write_off of {amount} is above officer {officer.login!r}'s own limit of {format_pence(officer.write_off_limit_pence)}"
        )
    return rule
