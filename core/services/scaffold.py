"""``arrears plugin new NAME``: a pip-installable debt-type plugin that installs and passes its own tests unchanged.

What it writes: a pyproject with the ``arrears`` entry point, a debt type with a
two-stage ladder (invoice, reminder; paid and written off), its billing and
parameters, a README, and tests that run the contract suite and a scenario
through :mod:`arrears.testing`.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from ..engine.plugins import PluginHost
from ..errors import ArrearsError

__all__ = ["new_plugin", "PLUGIN_FILES"]

_NAME = re.compile(r"^[a-z][a-z0-9_]{1,39}$")

PYPROJECT = """\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "arrears-$dashed"
version = "0.1.0"
description = "$label debts, recovered with arrears"
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["arrears"]

[project.optional-dependencies]
test = ["pytest>=8"]

# arrears finds the plugin through this entry point, exactly as it finds its own.
[project.entry-points.arrears]
$name = "arrears_$name"

[tool.setuptools]
packages = ["arrears_$name"]

[tool.pytest.ini_options]
testpaths = ["tests"]
"""

README = """\
# arrears-$dashed

$label debts for [arrears](https://pypi.org/project/arrears/): a debt-type plugin.

    pip install .            # then `arrears plugins` lists $name
    pip install '.[test]' && pytest

Enable it in a council's profile:

```toml
[council]
debt_types = ["$name"]

[priority]
levels = { $name = 6 }

[debt_types.$name]
payment_terms_days = 28   # days from the invoice to pay
reminder_days = 14        # days the reminder gives
```

## The ladder

| Stage | What |
| --- | --- |
| `invoice` | Invoice raised (billing charges the account's amount on its date). |
| `reminder` | Unpaid after the payment terms: a reminder, pay within `reminder_days`. |
| `paid` | Nothing left to pay. |
| `written_off` | Written off by an officer with the council's authority. |

Rules: `reminder` (automatic, the day after the terms run out, unpaid), `cleared` (automatic, from any
stage, once nothing is left to pay), `write_off` (an officer's action, with `reason=`).

## Import columns

Only the core columns (`reference,debt_type,debtor_ref,debtor_name,amount,date`).

Grow it from here: `arrears plugins show $name` lists what it declares, and the "Writing a debt
type" guide in the arrears repository walks through stages, parameters, columns, officer actions
and tests.
"""

INIT = '''\
"""$label debts: an invoice, a reminder when it is unpaid after the payment terms, then an officer's decision."""

from arrears import hookimpl

from .debt_type import $CONST

__all__ = ["$CONST"]

ARREARS_HOOK_API = 2
"""The arrears plugin contract this plugin was written for."""


@hookimpl
def register_debt_types(register):
    register($CONST)
'''

PARAMS = '''\
"""The ``[debt_types.$name]`` section of a council profile."""

from arrears import Parameters
from pydantic import Field


class ${Class}Parameters(Parameters):
    """$label figures. Days are calendar days."""

    payment_terms_days: int = Field(default=28, ge=0, le=365, description="Days from the invoice to pay it.")
    reminder_days: int = Field(default=14, ge=1, le=365, description="Days a reminder gives to pay.")
'''

DEBT_TYPE = '''\
"""The $label debt type: its ladder as data, its guards, and what it decides (billing, the nightly review)."""

from datetime import timedelta

from arrears import (
    ANY, Billing, Charge, DebtType, DebtTypeRules, Ladder, LadderReview, Stage, Transition, cleared,
)

from .params import ${Class}Parameters

LADDER = Ladder(
    stages=(
        Stage("invoice", "Invoice raised"),
        Stage("reminder", "Reminder sent"),
        Stage("paid", "Paid", terminal=True),
        Stage("written_off", "Written off", terminal=True),
    ),
    transitions=(
        Transition("cleared", ANY, "paid", guard="cleared", reason="Nothing left to pay: {paid} received."),
        Transition(
            "reminder", "invoice", "reminder", guard="terms_over", uses=("payment_terms_days",),
            reason="{balance} unpaid after {payment_terms_days} days' terms; reminder sent, pay by {pay_by}.",
        ),
        Transition("write_off", ANY, "written_off", kind="action", fields=("reason",),
                   reason="Write off the debt (needs the council's delegated authority)."),
    ),
)


def terms_over(case, context):
    """The reminder falls due the day after the payment terms run out, if anything is unpaid."""
    if case.balance_pence <= 0:
        return None
    return case.opened_on + timedelta(days=context.params.payment_terms_days + 1)


GUARDS = {"cleared": cleared, "terms_over": terms_over}


def explain(case, context, rule, state):
    """The facts a move's reason names beyond the core's: the reminder's pay-by date."""
    if rule == "reminder":
        return {"pay_by": (case.today + timedelta(days=context.params.reminder_days)).isoformat()}
    return {}


class ${Class}Rules(DebtTypeRules):
    """Billing raises the invoice; the nightly review fires the first due rule and says why."""

    review = LadderReview(LADDER, GUARDS, on_move=explain)
    rule_names = ("reminder",)
    reason_facts = {"reminder": ("pay_by",)}

    def bill(self, case, context):
        return Billing(charges=[Charge(case.amount_pence, case.opened_on, "$label invoice")])


$CONST = DebtType(
    id="$name",
    label="$label",
    ladder=LADDER,
    params=${Class}Parameters,
    guards=GUARDS,
    rules=${Class}Rules(),
    description="$label debts: invoice, reminder, then an officer's decision.",
)
'''

CONFTEST = '''\
"""The arrears plugin kit's fixtures (a scratch council, the CLI, the business-date clock) for these tests."""

pytest_plugins = ["arrears.testing.fixtures"]
'''

TESTS = '''\
"""$label: the contract every debt type passes, and its ladder day by day."""

from datetime import date

from arrears.testing import DebtTypeContract


class Test${Class}Contract(DebtTypeContract):
    debt_type = "$name"
    accounts = [{"reference": "X1", "amount": "120.00", "date": "2025-04-01"},
                {"reference": "X2", "amount": "45.50", "date": "2025-04-15"}]


def test_an_unpaid_invoice_gets_a_reminder_the_day_after_its_terms(arrears_council):
    council = arrears_council({"$name": {}})
    council.accounts({"reference": "X1", "amount": "120.00", "date": date(2025, 4, 1)})
    council.run(date(2025, 4, 29))
    assert council.show("X1")["stage"] == "invoice"
    council.run(date(2025, 4, 30))
    shown = council.show("X1")
    assert (shown["stage"], shown["balance_pence"]) == ("reminder", 12000)
    assert shown["timeline"][-1]["reason"] == "£120.00 unpaid after 28 days' terms; reminder sent, pay by 2025-05-14."


def test_paying_in_full_closes_the_account(arrears_council):
    council = arrears_council({"$name": {"payment_terms_days": 14}})
    council.accounts({"reference": "X1", "amount": "120.00", "date": date(2025, 4, 1)})
    council.pay(("X1", "120.00", date(2025, 4, 10)))
    council.run(date(2025, 5, 31))
    shown = council.show("X1")
    assert (shown["stage"], shown["closed_on"], shown["balance_pence"]) == ("paid", "2025-04-10", 0)


def test_an_officer_writes_it_off(arrears_council):
    council = arrears_council({"$name": {}})
    council.accounts({"reference": "X1", "amount": "20.00", "date": date(2025, 4, 1)})
    council.run(date(2025, 5, 1))
    council.act("X1", "write_off", date(2025, 5, 2), reason="uneconomical")
    shown = council.show("X1")
    assert (shown["stage"], shown["balance_pence"]) == ("written_off", 0)
'''

PLUGIN_FILES = {
    "pyproject.toml": PYPROJECT,
    "README.md": README,
    "conftest.py": CONFTEST,
    "arrears_$name/__init__.py": INIT,
    "arrears_$name/params.py": PARAMS,
    "arrears_$name/debt_type.py": DEBT_TYPE,
    "tests/test_$name.py": TESTS,
}
"""Each file of the package (its path may name the plugin) and its text, with ``$name``, ``$label``, ``$Class``,
``$CONST`` and ``$dashed`` filled in."""


def new_plugin(host: PluginHost, name: str, output: Path, *, force: bool = False) -> list[Path]:
    """Write the plugin package for debt type ``name`` into ``output``; the files written, in order."""
    if not _NAME.match(name):
        raise ArrearsError(f"plugin name {name!r}: lower-case letters, digits and _, starting with a letter (2-40)")
    if name in host.debt_types:
        raise ArrearsError(f"plugin name {name!r}: a debt type of that id is already installed (by {host.debt_types[name].plugin!r})")
    output = Path(output)
    if output.exists() and any(output.iterdir()) and not force:
        raise ArrearsError(f"{output} exists and is not empty; give --force to write into it, or another --output")
    words = name.split("_")
    values = {"name": name, "label": " ".join(words).capitalize(), "Class": "".join(w.capitalize() for w in words),
              "CONST": name.upper(), "dashed": name.replace("_", "-")}
    written = []
    for path, text in PLUGIN_FILES.items():
        target = output / Template(path).substitute(values)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(Template(text).substitute(values))
        written.append(target)
    return written
