"""The rent ladder as data: it validates, every stage is documented, and officer actions that stay are well formed."""

from __future__ import annotations

from pathlib import Path

import pytest

from arrears import STAY, InvalidLadder, Ladder, Stage, Transition
from arrears_rents.columns import COLUMNS
from arrears_rents.ladder import ENDED, LADDER, RETURNS_WHEN_CLEARED
from arrears_rents.params import RentsParameters
from arrears_rents.rules import GUARDS

README = (Path(__file__).parents[3] / "plugins" / "rents" / "README.md").read_text()


def test_the_ladder_validates_with_its_guards():
    LADDER.validate(GUARDS, owner="rents")
    assert set(GUARDS) == {t.guard for t in LADDER.transitions if t.guard}


def test_the_readme_lists_the_ladder_parameters_and_columns():
    names = [s.id for s in LADDER.stages] + [t.rule for t in LADDER.transitions]
    names += list(RentsParameters.model_fields) + [c.name for c in COLUMNS]
    missing = [n for n in names if f"| `{n}`" not in README]
    assert missing == []


def test_clearing_returns_to_current_only_before_the_tenancy_ends():
    assert not set(RETURNS_WHEN_CLEARED) & set(ENDED)
    for stage in RETURNS_WHEN_CLEARED:
        assert LADDER.allows(stage, f"cleared_{stage}", "current")


def test_protocol_actions_stay_in_every_stage():
    for stage in ("current", "nsp_served", "former_tenant_recovery"):
        stays = {a.name: a.to_stage for a in LADDER.actions(stage) if a.to_stage is None}
        assert set(stays) == {"rent_statement_sent", "benefit_claim_made", "benefit_claim_decided", "uc_managed_payment"}
        assert LADDER.allows(stage, "rent_statement_sent", stage)
    assert LADDER.actions("closed") == []


def _ladder(*transitions):
    return Ladder(stages=(Stage("a", "A"), Stage("b", "B"), Stage("done", "Done", terminal=True)), transitions=transitions)


def test_an_automatic_rule_may_not_stay():
    ladder = _ladder(Transition("go", "a", "b", guard="g"), Transition("end", "b", "done", guard="g"),
                     Transition("idle", "a", STAY, guard="g"))
    with pytest.raises(InvalidLadder, match="automatic rule 'idle' must move the case"):
        ladder.validate({"g": lambda c, x: None})


def test_a_stage_left_only_by_actions_that_stay_is_a_dead_end():
    ladder = _ladder(Transition("go", "a", "b", guard="g"), Transition("note", "b", STAY, kind="action", fields=("x",)),
                     Transition("end", "a", "done", guard="g"))
    with pytest.raises(InvalidLadder, match="stage 'b' is a dead end"):
        ladder.validate({"g": lambda c, x: None})
