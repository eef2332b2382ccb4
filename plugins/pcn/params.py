"""The ``[debt_types.pcn]`` section of a council profile (charge table: ``[debt_types.pcn.charges]``; agent fees:
``[debt_types.pcn.enforcement]``)."""

from decimal import Decimal

from arrears import EnforcementAgentParameters, Parameters
from pydantic import Field, field_validator


class ChargeLevels(Parameters):
    """The penalty charges of one band, in pence (DOMAIN §5.1)."""

    higher_pence: int = Field(gt=0, description="Higher-level contravention.")
    lower_pence: int = Field(gt=0, description="Lower-level contravention.")

    def for_level(self, level: str) -> int:
        return self.higher_pence if level == "higher" else self.lower_pence


OUTSIDE_LONDON = {
    "1": ChargeLevels(higher_pence=6000, lower_pence=4000),
    "2": ChargeLevels(higher_pence=7000, lower_pence=5000),
}
"""SI 2022/71 Sch 3, DOMAIN §5.1 [H]."""


class PcnParameters(EnforcementAgentParameters):
    """PCN charges, periods and fees (DOMAIN §5, §7, §13). Periods run from service, start day included."""

    # Amounts (DOMAIN §5.1).
    charges: dict[str, ChargeLevels] = Field(
        default_factory=lambda: dict(OUTSIDE_LONDON),
        description="Penalty charge by band and level: outside London band 1 £60/£40, band 2 £70/£50 (SI 2022/71 Sch 3, "
                    "DOMAIN §5.1 [H]); London bands differ and are the council's to set [M]. A dated change replaces "
                    "the whole table.",
    )
    discount_percent: Decimal = Field(
        default=Decimal(50), ge=0, le=100,
        description="Reduction for payment within the discount period: 50% (DOMAIN §5.1 [H]).",
    )
    certificate_increase_percent: Decimal = Field(
        default=Decimal(50), ge=0, le=100,
        description="Increase of the penalty charge on a charge certificate: 50%, reg 21 (DOMAIN §5.1, §5.2 stage 6 [H]).",
    )
    # Service and the PCN's periods (DOMAIN §5.2 stages 1-3, §13).
    postal_service_working_days: int = Field(
        default=2, ge=0, le=10,
        description="Working days after posting on which a posted notice is taken to be served: 2, SI 2022/71 reg 3 "
                    "(DOMAIN §5.2, §13) [M].",
    )
    discount_days: int = Field(
        default=14, ge=14, le=60,
        description="Discount period of an on-street PCN or a postal PCN other than a camera one, days beginning with "
                    "service: 14 (DOMAIN §5.2 stages 1, 1b [H]).",
    )
    camera_discount_days: int = Field(
        default=21, ge=21, le=60,
        description="Discount period of a camera-enforced postal PCN, days beginning with service: 21 (DOMAIN §5.2 "
                    "stage 1b [H]).",
    )
    payment_days: int = Field(
        default=28, ge=28, le=90,
        description="Days, beginning with service, a PCN or Notice to Owner gives to pay (or to make representations "
                    "against the Notice to Owner): 28 (DOMAIN §5.2 stages 1, 3, 4, 6 [H]).",
    )
    challenge_reoffer_days: int = Field(
        default=14, ge=0, le=60,
        description="Days, beginning with the rejection of an informal challenge, for which the discount is offered "
                    "again and no Notice to Owner is sent; 0: not re-offered (DOMAIN §5.2 stage 2: councils often "
                    "re-offer the discount [M]).",
    )
    notice_to_owner_grace_days: int = Field(
        default=0, ge=0, le=60,
        description="Days the council waits after the PCN's payment period before sending the Notice to Owner, for "
                    "payments in the post (reg 20(1) allows it from the day after; local practice [L]).",
    )
    notice_to_owner_limit_months: int = Field(
        default=6, ge=1, le=6,
        description="No Notice to Owner after this many months beginning with the PCN's service: 6, reg 20(2) "
                    "(DOMAIN §5.2 stage 3 [H]).",
    )
    # Representations and appeals (DOMAIN §5.2 stages 4-5).
    representations_decision_days: int = Field(
        default=56, ge=1, le=120,
        description="Days, beginning with receipt, for the council to decide representations before they are taken as "
                    "accepted: 56 (DOMAIN §5.2 stage 4 [M]).",
    )
    appeal_days: int = Field(
        default=28, ge=28, le=90,
        description="Days, beginning with service of a notice of rejection (or of a refused appeal), to appeal or pay "
                    "before a charge certificate: 28 (DOMAIN §5.2 stages 5-6 [M]).",
    )
    # Charge certificate, registration and the Order for Recovery (DOMAIN §5.2 stages 6-9, §7).
    charge_certificate_days: int = Field(
        default=14, ge=14, le=90,
        description="Days, beginning with service of the charge certificate, to pay before registration at the TEC: "
                    "14, reg 22 (DOMAIN §5.2 stage 7 [H]).",
    )
    tec_registration_fee_pence: int = Field(
        default=800, ge=0,
        description="Fee added on registration at the Traffic Enforcement Centre: £8 (DOMAIN §5.2 stage 7, §7.2 [M]).",
    )
    order_for_recovery_days: int = Field(
        default=21, ge=21, le=90,
        description="Days, beginning with service of the Order for Recovery, to pay or file a witness statement before "
                    "a warrant of control: 21, CPR 75 (DOMAIN §5.2 stage 8 [H]).",
    )
    # Payment by instalments (DOMAIN §0 Reading seed, §5.2 note).
    instalments_allowed: bool = Field(
        default=False,
        description="Whether an officer may agree a payment plan once the charge is registered: no, PCNs are generally "
                    "not paid by instalments (Reading seed, DOMAIN §0, §5.2 [H seed]).",
    )
    plan_grace_days: int = Field(
        default=7, ge=0, le=60,
        description="Days after an instalment's due date before a plan falling short of it is broken and recovery "
                    "resumes [L] (local practice).",
    )

    @field_validator("charges")
    @classmethod
    def _bands(cls, value: dict[str, ChargeLevels]) -> dict[str, ChargeLevels]:
        if not value:
            raise ValueError("the charge table needs at least one band")
        for band in value:
            if not band.strip() or band != band.strip() or len(band) > 10:
                raise ValueError(f"band {band!r} must be a short name without spaces around it")
        return value

    def charge(self, band: str, level: str) -> int | None:
        """The penalty charge in pence for ``band`` and ``level`` (None: no such band in the table)."""
        levels = self.charges.get(band)
        return None if levels is None else levels.for_level(level)
