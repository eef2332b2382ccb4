"""``arrears plan check`` and ``arrears complaint dates``: a council's stated policies, applied to one case."""

from __future__ import annotations

import sys

import click

from ..money import MoneyError, format_pence, parse_pounds
from ..services.payment_plans import FREQUENCIES, PlanProposal, check_plan
from ..services.service_standards import complaint_deadlines
from .common import Env, date_type, emit_json, fail_cleanly, json_option, pass_env
from .profile_cmd import _find

__all__ = ["plan", "complaint"]


def _pence(value: str, name: str) -> int:
    try:
        return parse_pounds(value)
    except MoneyError as exc:
        raise click.BadParameter(str(exc), param_hint=name) from None


@click.group()
def plan() -> None:
    """Arrangements to pay, against the council's [payment_plans] policy."""


@plan.command("check")
@click.option("--council", "reference", required=True, metavar="ID|FILE", help="A council id (registered or bundled) or a profile file.")
@click.option("--debt-type", required=True, help="The debt type the plan is for.")
@click.option("--balance", required=True, metavar="POUNDS", help="What the plan must clear, e.g. 1200.00.")
@click.option("--instalment", required=True, metavar="POUNDS", help="Each payment, e.g. 100.00 (the last takes what is left).")
@click.option("--frequency", type=click.Choice(sorted(FREQUENCIES)), default="monthly", show_default=True)
@click.option("--agreed-on", required=True, type=date_type, help="The day the plan is agreed.")
@click.option("--first-payment", required=True, type=date_type, help="The day of the first payment.")
@click.option("--income-form-on", type=date_type, help="The day an income and expenditure form was received, if one was.")
@click.option("--assessed-vulnerable", is_flag=True, help="The debtor is vulnerable and assessed by an advice agency or with the SFS.")
@click.option("--periodic-review", is_flag=True, help="The plan will be reviewed periodically.")
@click.option("--debt-year", type=date_type, help="A day in the financial year the debt relates to (default: the agreement's).")
@json_option
@pass_env
@fail_cleanly
def plan_check(env: Env, reference, debt_type, balance, instalment, frequency, agreed_on, first_payment, income_form_on,
               assessed_vulnerable, periodic_review, debt_year, json_) -> None:
    """Whether the council's policy allows a plan, and why not. Exit status 1 when it does not."""
    profile, _ = _find(env, reference)
    if debt_type not in profile.debt_types:
        raise click.BadParameter(f"{debt_type!r} is not a debt type {profile.council_id} runs "
                                 f"({', '.join(profile.debt_types)})", param_hint="--debt-type")
    proposal = PlanProposal(debt_type, _pence(balance, "--balance"), _pence(instalment, "--instalment"), frequency, agreed_on,
                            first_payment, income_form_on, assessed_vulnerable, debt_year, periodic_review)
    try:
        verdict = check_plan(profile.payment_plans, proposal)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if json_:
        emit_json({"council": profile.council_id, "allowed": verdict.allowed, "problems": verdict.problems,
                   "requirements": verdict.requirements, "review_on": verdict.review_on,
                   "payments": [{"on": d, "pence": p} for d, p in verdict.payments]})
    else:
        last_on, last = verdict.payments[-1]
        click.echo(f"{profile.council_id}: {len(verdict.payments)} {frequency} payments of {format_pence(proposal.instalment_pence)} "
                   f"from {first_payment.isoformat()}, the last {format_pence(last)} on {last_on.isoformat()}")
        click.echo("allowed" if verdict.allowed else "not allowed:")
        for line in verdict.problems:
            click.echo(f"  - {line}")
        for line in verdict.requirements:
            click.echo(f"  requires: {line}")
        if verdict.review_on:
            click.echo(f"  review on: {', '.join(d.isoformat() for d in verdict.review_on)}")
    if not verdict.allowed:
        sys.exit(1)


@click.group()
def complaint() -> None:
    """Complaints, against the council's [service_standards]."""


@complaint.command("dates")
@click.option("--council", "reference", required=True, metavar="ID|FILE", help="A council id (registered or bundled) or a profile file.")
@click.option("--stage", type=int, default=1, show_default=True)
@click.option("--received", required=True, type=date_type, help="The day the complaint was received.")
@click.option("--answered", type=date_type, help="The day it was answered, if it has been.")
@json_option
@pass_env
@fail_cleanly
def complaint_dates(env: Env, reference, stage, received, answered, json_) -> None:
    """When a complaint must be acknowledged and answered (working days), and escalated by."""
    profile, _ = _find(env, reference)
    try:
        d = complaint_deadlines(profile.service_standards, profile.calendar, stage, received, answered)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--stage") from None
    if json_:
        emit_json({"council": profile.council_id, "stage": stage, "received_on": received, "acknowledge_by": d.acknowledge_by,
                   "respond_by": d.respond_by, "escalate_by": d.escalate_by})
        return
    click.echo(f"{profile.council_id}: stage {stage} complaint received {received.isoformat()}")
    click.echo(f"  acknowledge by {d.acknowledge_by.isoformat()}")
    click.echo(f"  answer by      {d.respond_by.isoformat()}")
    if d.escalate_by:
        click.echo(f"  escalate by    {d.escalate_by.isoformat()} (to stage {stage + 1})")
