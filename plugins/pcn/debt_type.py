"""The Penalty Charge Notice debt type as the platform sees it."""

from arrears import Column, DebtType

from .ladder import LADDER
from .params import PcnParameters

COLUMNS = (
    Column("vehicle_reg", "text", required=True, help="Registration mark of the vehicle."),
    Column("band", "choice", required=True, choices=("1", "2"),
           help="Charge band outside London (SI 2022/71 Sch 3; DOMAIN §5.1)."),
    Column("level", "choice", required=True, choices=("higher", "lower"), help="Higher or lower level contravention."),
    Column(
        "served_by", "choice", required=True, choices=("on_street", "postal", "camera"),
        help="How the PCN was served: fixed to the vehicle or handed over (reg 9), or by post (reg 10); for postal and "
             "camera the core date is the posting date.",
    ),
    Column("contravention_code", "text", help="The contravention code."),
    Column("location", "text", help="Where the contravention took place."),
)

PCN = DebtType(
    id="pcn",
    label="Penalty Charge Notice",
    ladder=LADDER,
    params=PcnParameters,
    columns=COLUMNS,
    guards=None,
    description="Civil parking and traffic Penalty Charge Notices under the Traffic Management Act 2004 Part 6 (England, "
                "from 31 May 2022).",
)
