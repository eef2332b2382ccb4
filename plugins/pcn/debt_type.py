"""The Penalty Charge Notice debt type as the platform sees it: ladder, guards, parameters, columns, action checks."""

from arrears import DebtType

from .actions import action_entries, action_state, check_action
from .columns import COLUMNS, check_row
from .ladder import LADDER
from .params import PcnParameters
from .rules import GUARDS

PCN = DebtType(
    id="pcn",
    label="Penalty Charge Notice",
    ladder=LADDER,
    params=PcnParameters,
    columns=COLUMNS,
    guards=GUARDS,
    check_action=check_action,
    action_entries=action_entries,
    action_state=action_state,
    check_row=check_row,
    check_row_params=True,
    description="Civil parking and traffic Penalty Charge Notices under the Traffic Management Act 2004 Part 6 (England, "
                "from 31 May 2022).",
)
