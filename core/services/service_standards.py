"""Complaint deadlines from the council's ``[service_standards]`` (Reading seed; DOMAIN §13 working days)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..profiles.sections import ServiceStandardsSection
from ..statutory.working_days import WorkingCalendar

__all__ = ["ComplaintDeadlines", "complaint_deadlines"]


@dataclass(frozen=True)
class ComplaintDeadlines:
    stage: int
    received_on: date
    acknowledge_by: date
    respond_by: date
    escalate_by: date | None


def complaint_deadlines(standards: ServiceStandardsSection, calendar: WorkingCalendar, stage: int,
                        received_on: date, answered_on: date | None = None) -> ComplaintDeadlines:
    """When a complaint received on ``received_on`` at ``stage`` must be acknowledged and answered (working days
    after receipt), and by when the complainant may escalate (calendar days after the answer, ``answered_on``
    or else the response deadline)."""
    stages = {s.stage: s for s in standards.complaint_stages}
    if stage not in stages:
        raise ValueError(f"this council's profile has no complaint stage {stage} (stages: {', '.join(map(str, stages)) or 'none'})")
    s = stages[stage]
    respond_by = calendar.add_working_days(received_on, s.respond_working_days)
    escalate_by = None
    if s.escalate_within_days is not None and stage + 1 in stages:
        escalate_by = (answered_on or respond_by) + timedelta(days=s.escalate_within_days)
    return ComplaintDeadlines(stage, received_on, calendar.add_working_days(received_on, s.acknowledge_working_days),
                              respond_by, escalate_by)
