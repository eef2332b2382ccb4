"""The officers' screens for scripts: ``arrears queue list|show``, ``arrears debtor show``, ``arrears search``, ``arrears portfolio``."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from ..money import MoneyError, format_pence, parse_pounds
from ..services.officers.debtors import show_debtor
from ..services.officers.portfolio import portfolio as portfolio_of
from ..services.officers.pages import PAGE_LIMIT, SORTS, queue_page
from ..services.officers.queues import list_queues
from ..services.officers.search import search as search_cases
from .common import (Env, business_date_option, council_option, csv_option, db_option, emit_csv, emit_json, fail_cleanly,
                     json_option, pass_env, today)

__all__ = ["queue", "debtor", "search", "portfolio"]

LINE_COLUMNS = ["reference", "debtor_ref", "debtor_name", "debt_type", "balance_pence", "stage", "days_at_stage",
                "priority", "next_review_on", "flags"]


def table(rows: list[list[Any]], header: list[str], right: set[int] = frozenset()) -> str:
    """Rows as aligned columns under a header."""
    cells = [header] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    return "\n".join("  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
                     for r in cells)


def case_lines(rows: list[dict[str, Any]]) -> str:
    return table([[r["reference"], r["debtor_name"][:28], r["debt_type"], format_pence(r["balance_pence"]),
                   r["stage"], r["days_at_stage"], r["priority"], r["next_review_on"] or "-", " ".join(r["flags"])]
                  for r in rows],
                 ["REFERENCE", "DEBTOR", "TYPE", "BALANCE", "STAGE", "DAYS", "PRI", "REVIEW", "FLAGS"], {3, 5, 6})


def emit(data: Any, json_: bool, csv_: bool, rows: list[dict], columns: list[str], text: str) -> None:
    if json_ and csv_:
        raise click.UsageError("give --json or --csv, not both")
    if json_:
        emit_json(data)
    elif csv_:
        emit_csv(rows, columns)
    else:
        click.echo(text)


def _pence(value: str | None, name: str) -> int | None:
    if value is None:
        return None
    try:
        return parse_pounds(value)
    except MoneyError as exc:
        raise click.BadParameter(f"{value!r}: {exc}", param_hint=name) from None


@click.group()
def queue() -> None:
    """The officers' work queues."""


@queue.command("list")
@council_option
@business_date_option("The day the queues are for (reviews due, days at stage).")
@click.option("--non-empty", is_flag=True, help="Leave out queues with no cases.")
@json_option
@csv_option
@db_option
@pass_env
@fail_cleanly
def queue_list(env: Env, council_id: str, business_date: date | None, non_empty: bool, json_: bool, csv_: bool) -> None:
    """Every queue of the council with its count: the core's, each stage's and each debt type's own."""
    data = list_queues(env.engine(), env.host, council_id, business_date or today(), include_empty=not non_empty)
    for problem in data["problems"]:
        click.echo(f"warning: {problem}", err=True)
    text = table([[q["name"], q["label"], q["count_label"]] for q in data["queues"]], ["QUEUE", "LABEL", "CASES"], {2})
    emit(data, json_, csv_, data["queues"], ["name", "label", "group", "source", "count", "capped"], text)


@queue.command("show")
@click.argument("name")
@council_option
@click.option("--sort", type=click.Choice(SORTS), default="priority", show_default=True,
              help="priority: the hierarchy of debt, then largest balance; balance: largest first; age: longest at the stage first.")
@click.option("--debt-type", metavar="TYPE", help="Only cases of this debt type.")
@click.option("--min-balance", metavar="£", help="Only balances of at least this much.")
@click.option("--max-balance", metavar="£", help="Only balances of at most this much.")
@click.option("--search", "text", metavar="TEXT", help="Only cases with this account or debtor reference, or a debtor name starting so.")
@click.option("--after", metavar="CURSOR", help="The next page: the cursor the last page printed.")
@click.option("--limit", type=click.IntRange(1, PAGE_LIMIT), default=50, show_default=True, help="Lines a page.")
@business_date_option("The day the queue is for.")
@json_option
@csv_option
@db_option
@pass_env
@fail_cleanly
def queue_show(env: Env, name: str, council_id: str, sort: str, debt_type: str | None, min_balance: str | None,
               max_balance: str | None, text: str | None, after: str | None, limit: int, business_date: date | None,
               json_: bool, csv_: bool) -> None:
    """One page of queue NAME (``arrears queue list`` names them), never the whole queue."""
    data = queue_page(env.engine(), env.host, council_id, name, business_date or today(), sort=sort, debt_type=debt_type,
                      min_balance_pence=_pence(min_balance, "--min-balance"), max_balance_pence=_pence(max_balance, "--max-balance"),
                      text=text, after=after, limit=limit)
    more = f"\nnext page: --after {data['next_cursor']}" if data["next_cursor"] else "\n(end of queue)"
    body = case_lines(data["rows"]) if data["rows"] else "no cases"
    emit(data, json_, csv_, data["rows"], LINE_COLUMNS, f"{data['queue']['label']} ({name}), by {sort}\n{body}{more}")


@click.group()
def debtor() -> None:
    """Debtors: every account of one person or business."""


@debtor.command("show")
@click.argument("reference")
@council_option
@business_date_option("The day the flags are for.")
@json_option
@csv_option
@db_option
@pass_env
@fail_cleanly
def debtor_show(env: Env, reference: str, council_id: str, business_date: date | None, json_: bool, csv_: bool) -> None:
    """Every account debtor REFERENCE owes on, in the council's priority order, with totals."""
    data = show_debtor(env.engine(), env.host, council_id, reference, business_date or today())
    d, t = data["debtor"], data["totals"]
    text = (f"{d['name']} [{d['reference']}, {d['kind']}]\n{case_lines(data['accounts'])}\n"
            f"{t['open_accounts']} open, {t['closed_accounts']} closed; owing {format_pence(t['balance_pence'])}")
    emit(data, json_, csv_, data["accounts"], LINE_COLUMNS + ["closed_on"], text)


@click.command()
@click.argument("text")
@council_option
@click.option("--limit", type=click.IntRange(1, 200), default=50, show_default=True)
@business_date_option("The day the flags are for.")
@json_option
@csv_option
@db_option
@pass_env
@fail_cleanly
def search(env: Env, text: str, council_id: str, limit: int, business_date: date | None, json_: bool, csv_: bool) -> None:
    """Find cases by account reference, debtor reference or the start of a debtor's name."""
    data = search_cases(env.engine(), env.host, council_id, text, business_date or today(), limit=limit)
    body = case_lines(data["rows"]) if data["rows"] else f"nothing matches {text!r}"
    emit(data, json_, csv_, data["rows"], LINE_COLUMNS + ["closed_on"], body + ("\n(more: narrow the search)" if data["more"] else ""))


@click.command()
@council_option
@business_date_option("The day ages are counted to.")
@json_option
@csv_option
@db_option
@pass_env
@fail_cleanly
def portfolio(env: Env, council_id: str, business_date: date | None, json_: bool, csv_: bool) -> None:
    """Cases by debt type and stage, open balances by age, the last nightly runs."""
    data = portfolio_of(env.engine(), env.host, council_id, business_date or today())
    stages = [{"debt_type": t["debt_type"], **s} for t in data["debt_types"] for s in t["stages"]]
    text = "\n\n".join([
        table([[s["debt_type"], s["stage"], s["count"]] for s in stages if s["count"]], ["TYPE", "STAGE", "CASES"], {2}),
        table([[b["band"], b["cases"], format_pence(b["balance_pence"])] for b in data["age_bands"]], ["AGE", "CASES", "OPEN BALANCE"], {1, 2}),
        table([[r["id"], r["from"], r["to"], r["status"], r["cases_evaluated"], r["moves"]] for r in data["runs"]],
              ["RUN", "FROM", "TO", "STATUS", "LOOKED AT", "MOVED"], {4, 5}),
    ])
    emit(data, json_, csv_, stages, ["debt_type", "stage", "label", "terminal", "count"], text)
