"""Stage ladders as data: graph validation and the generic evaluator, on tiny hand-made ladders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from arrears import ANY, Case, InvalidLadder, Ladder, LadderReview, Stage, Transition, cleared

TODAY = date(2025, 6, 16)


@dataclass(frozen=True)
class Params:
    wait_days: int = 10
    escalate: bool = True
    start_on: date = date(2025, 1, 6)


def ctx(**kw):
    return SimpleNamespace(params=Params(**kw))


def from_state(name):
    """A guard answering the date stored under ``name`` in the case's state (None: not on these facts)."""
    return lambda case, context: case.state.get(name)


GUARDS = {"cleared": cleared, **{g: from_state(g) for g in ("g1", "g2", "g3", "g4")}}


def case(stage="open", *, balance=10000, paid=0, charged=10000, since=date(2025, 6, 1), **state):
    return Case(
        id=1, reference="R1", debt_type="test", debtor_kind="person", stage=stage, stage_since=since,
        opened_on=date(2025, 6, 1), amount_pence=10000, balance_pence=balance, paid_pence=paid,
        charged_pence=charged, last_payment_on=None, today=TODAY, state=state,
    )


STAGES = (Stage("open", "Open"), Stage("warned", "Warned"), Stage("escalated", "Escalated"), Stage("closed", "Closed", terminal=True))


def ladder(*transitions, stages=STAGES):
    return Ladder(stages=stages, transitions=tuple(transitions))


def valid_transitions():
    return [
        Transition("settled", ANY, "closed", guard="cleared", reason="Settled: {paid} received."),
        Transition("warn", "open", "warned", guard="g1", uses=("wait_days",), reason="{balance} unpaid after {wait_days} days."),
        Transition("escalate", "warned", "escalated", guard="g2"),
        Transition("close_by_officer", "escalated", "closed", kind="action", fields=("reason",), reason="Close the case."),
    ]


def problems(lad, guards=GUARDS) -> str:
    with pytest.raises(InvalidLadder) as err:
        lad.validate(guards, owner="debt type 'test'")
    text = str(err.value)
    assert text.startswith("debt type 'test': ")
    return text


# --- validation -------------------------------------------------------------------------------


def test_a_valid_ladder_passes():
    lad = ladder(*valid_transitions())
    lad.validate(GUARDS)
    lad.validate(None)  # guard names are not checked without a guard table
    assert lad.initial == "open"


def test_unreachable_stage_is_named():
    stages = STAGES + (Stage("limbo", "Limbo"),)
    trs = valid_transitions() + [Transition("leave_limbo", "limbo", "closed", kind="action")]
    text = problems(ladder(*trs, stages=stages))
    assert "stage 'limbo' cannot be reached from 'open'" in text


def test_dead_end_is_named():
    # Without the officer's way out and the catch-all rule, 'escalated' has nowhere to go.
    trs = [t for t in valid_transitions() if t.rule not in ("close_by_officer", "settled")]
    text = problems(ladder(*trs))
    assert "stage 'escalated' is a dead end" in text
    assert "stage 'open' is a dead end" not in text and "stage 'warned' is a dead end" not in text
    assert "stage 'closed' is a dead end" not in text  # terminal stages need no way out


def test_transition_out_of_a_terminal_stage_is_named():
    trs = valid_transitions() + [Transition("reopen", "closed", "open", kind="action")]
    assert "rule 'reopen' leaves terminal stage 'closed'" in problems(ladder(*trs))


def test_unknown_guard_is_named():
    trs = valid_transitions() + [Transition("skip", "open", "escalated", guard="no_such_guard")]
    assert "rule 'skip' uses unknown guard 'no_such_guard'" in problems(ladder(*trs))


def test_automatic_transition_without_a_guard_is_named():
    trs = valid_transitions() + [Transition("skip", "open", "escalated")]
    assert "automatic rule 'skip' has no guard" in problems(ladder(*trs))


def test_duplicate_stage_is_named():
    stages = STAGES + (Stage("warned", "Warned again"),)
    assert "stage 'warned' is declared twice" in problems(ladder(*valid_transitions(), stages=stages))


def test_duplicate_rule_is_named():
    trs = valid_transitions() + [Transition("warn", "escalated", "closed", kind="action")]
    assert "rule 'warn' is declared twice" in problems(ladder(*trs))


def test_unknown_target_and_source_are_named():
    trs = valid_transitions() + [Transition("jump", "open", "nowhere", kind="action"),
                                 Transition("from_void", "void", "closed", kind="action")]
    text = problems(ladder(*trs))
    assert "rule 'jump' leads to unknown stage 'nowhere'" in text
    assert "rule 'from_void' leaves unknown stage 'void'" in text


class _Pinned(str):
    """A stage id with a fixed hash, so the order a set of stage ids is visited in is the same on every run."""

    def __new__(cls, value: str, pinned: int):
        obj = super().__new__(cls, value)
        obj.pinned = pinned
        return obj

    def __hash__(self) -> int:
        return self.pinned


def test_unknown_target_is_reported_even_with_an_any_rule_after_it():
    # A catch-all (ANY) rule declared after a rule to a misspelt stage: validation must report the
    # misspelling as InvalidLadder whatever order the reachable stages are visited in. With plain
    # strings that order depends on PYTHONHASHSEED; the pinned hashes fix the order in which the
    # unknown stage comes first, which happens on about half of all runs with plain ids.
    start, nowhere = _Pinned("open", 7), _Pinned("nowhere", 0)
    lad = Ladder(
        stages=(Stage(start, "Open"), Stage("closed", "Closed", terminal=True)),
        transitions=(Transition("jump", start, nowhere, kind="action"), Transition("settled", ANY, "closed", guard="cleared")),
    )
    assert "rule 'jump' leads to unknown stage 'nowhere'" in problems(lad)


def test_every_problem_is_reported_at_once():
    trs = valid_transitions() + [Transition("reopen", "closed", "open", kind="action"),
                                 Transition("skip", "open", "escalated", guard="nope")]
    text = problems(ladder(*trs))
    assert "leaves terminal stage 'closed'" in text and "unknown guard 'nope'" in text


def test_a_ladder_without_stages_is_refused():
    with pytest.raises(InvalidLadder, match="no stages"):
        Ladder(stages=(), transitions=()).validate(GUARDS)


# --- evaluation -------------------------------------------------------------------------------


def review(lad: Ladder, one_case, context):
    """The core's one evaluator over ``lad``, as every debt type's nightly review uses it."""
    return LadderReview(lad, GUARDS).review(one_case, context)


def test_the_first_due_transition_in_declared_order_wins():
    a = Transition("a", "open", "warned", guard="g1")
    b = Transition("b", "open", "escalated", guard="g2")
    c = case(g1=TODAY, g2=TODAY - timedelta(days=5))  # b has been due for longer, but a is declared first
    assert review(ladder(a, b), c, ctx()).move.rule == "a"
    assert review(ladder(b, a), c, ctx()).move.rule == "b"


def test_a_transition_not_yet_due_is_passed_over_for_a_later_one_that_is():
    a = Transition("a", "open", "warned", guard="g1")
    b = Transition("b", "open", "escalated", guard="g2")
    out = review(ladder(a, b), case(g1=TODAY + timedelta(days=1), g2=TODAY), ctx())
    assert (out.move.rule, out.move.to_stage) == ("b", "escalated")


def test_no_move_next_review_is_the_earliest_future_guard_date():
    trs = [Transition(f"r{i}", "open", "warned", guard=f"g{i}") for i in (1, 2, 3)]
    out = review(ladder(*trs), case(g1=TODAY + timedelta(days=9), g2=None, g3=TODAY + timedelta(days=4)), ctx())
    assert out.move is None
    assert out.next_review == TODAY + timedelta(days=4)


def test_no_move_and_no_date_means_only_a_new_fact_can_move_it():
    out = review(ladder(Transition("r1", "open", "warned", guard="g1")), case(), ctx())
    assert out.move is None and out.next_review is None


def test_when_switch_turns_an_optional_step_off():
    optional = Transition("escalate_early", "open", "escalated", guard="g1", when="escalate")
    normal = Transition("warn", "open", "warned", guard="g2")
    c = case(g1=TODAY, g2=TODAY + timedelta(days=3))
    assert review(ladder(optional, normal), c, ctx(escalate=True)).move.rule == "escalate_early"
    off = review(ladder(optional, normal), c, ctx(escalate=False))
    assert off.move is None
    assert off.next_review == TODAY + timedelta(days=3)  # the switched-off step's date is not a review date


def test_reason_is_rendered_in_pounds_and_uses_are_recorded_as_facts():
    warn = Transition("warn", "open", "warned", guard="g1", uses=("wait_days", "start_on"),
                      reason="{balance} unpaid after {wait_days} days (scheme from {start_on}).")
    out = review(ladder(warn), case(balance=123456, paid=500, g1=TODAY - timedelta(days=2)), ctx(wait_days=21))
    move = out.move
    assert move.reason == "£1,234.56 unpaid after 21 days (scheme from 2025-01-06)."
    assert move.facts["wait_days"] == 21
    assert move.facts["start_on"] == "2025-01-06"
    assert move.facts["balance_pence"] == 123456 and move.facts["paid_pence"] == 500
    assert move.facts["stage"] == "open" and move.facts["stage_since"] == "2025-06-01"
    assert move.facts["due_from"] == (TODAY - timedelta(days=2)).isoformat()
    assert "escalate" not in move.facts  # only the parameters the rule uses


def test_a_reason_naming_an_unknown_fact_is_kept_as_written():
    t = Transition("warn", "open", "warned", guard="g1", reason="Owes {nothing_like_this}.")
    assert review(ladder(t), case(g1=TODAY), ctx()).move.reason == "Owes {nothing_like_this}."


def test_after_a_move_next_review_looks_at_the_new_stage():
    trs = valid_transitions()
    later = review(ladder(*trs), case(g1=TODAY, g2=TODAY + timedelta(days=14)), ctx())
    assert later.move.to_stage == "warned" and later.next_review == TODAY + timedelta(days=14)
    again = review(ladder(*trs), case(g1=TODAY, g2=TODAY), ctx())
    assert again.move.to_stage == "warned" and again.next_review == TODAY + timedelta(days=1)  # one move a day


def test_a_move_to_a_terminal_stage_has_no_next_review():
    out = review(ladder(*valid_transitions()), case(balance=0, paid=10000, g1=TODAY), ctx())
    assert (out.move.rule, out.move.to_stage, out.next_review) == ("settled", "closed", None)
    assert out.move.reason == "Settled: £100.00 received."


def test_any_rule_applies_from_every_non_terminal_stage_but_not_from_terminal_ones():
    lad = ladder(*valid_transitions())
    for stage in ("open", "warned", "escalated"):
        assert review(lad, case(stage, balance=0, paid=10000), ctx()).move.to_stage == "closed"
    assert review(lad, case("closed", balance=0, paid=10000), ctx()).move is None


def test_cleared_guard_needs_a_charge_and_nothing_left():
    assert cleared(case(balance=0, charged=10000), None) == TODAY
    assert cleared(case(balance=-50, charged=10000), None) == TODAY
    assert cleared(case(balance=0, charged=0), None) is None  # not billed yet: nothing was ever owed
    assert cleared(case(balance=1, charged=10000), None) is None


def test_an_action_may_take_optional_fields_but_an_automatic_rule_takes_none():
    note = Transition("note", "open", "warned", kind="action", fields=("reason",), optional_fields=("amount", "on"))
    assert [(a.fields, a.optional_fields) for a in ladder(*valid_transitions(), note).actions("open")] == [
        (("reason",), ("amount", "on"))]
    auto = Transition("warn_early", "open", "warned", guard="g1", optional_fields=("amount",))
    twice = Transition("note", "open", "warned", kind="action", fields=("reason",), optional_fields=("reason",))
    text = problems(ladder(*valid_transitions(), auto, twice))
    assert "automatic rule 'warn_early' has optional fields (only an officer action takes fields)" in text
    assert "rule 'note' names field 'reason' both required and optional" in text


def test_actions_list_the_officer_actions_of_a_stage():
    trs = valid_transitions() + [Transition("write_off", ANY, "closed", kind="action", fields=("reason",), reason="Write off.")]
    lad = ladder(*trs)
    assert [(a.name, a.to_stage, a.fields) for a in lad.actions("escalated")] == [
        ("close_by_officer", "closed", ("reason",)), ("write_off", "closed", ("reason",))]
    assert [a.name for a in lad.actions("open")] == ["write_off"]  # automatic rules are not actions
    assert lad.actions("open")[0].description == "Write off."
    assert lad.actions("closed") == []
    assert lad.allows("escalated", "close_by_officer", "closed")
    assert not lad.allows("open", "close_by_officer", "closed")
    assert not lad.allows("closed", "write_off", "closed")
