"""Complaint deadlines in working days (Reading's stages; DOMAIN §13 England bank holidays)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from arrears import WorkingCalendar
from arrears.profiles.sections import ComplaintStage, ServiceStandardsSection
from arrears.services.service_standards import complaint_deadlines

READING = ServiceStandardsSection(complaint_stages=[
    ComplaintStage(stage=1, acknowledge_working_days=5, respond_working_days=20, escalate_within_days=14),
    ComplaintStage(stage=2, acknowledge_working_days=5, respond_working_days=30),
])


def test_stage_one_deadlines_skip_weekends_and_bank_holidays():
    # Received Mon 14 Apr 2025: Good Friday 18 Apr and Easter Monday 21 Apr are not working days.
    d = complaint_deadlines(READING, WorkingCalendar(), 1, date(2025, 4, 14))
    assert d.acknowledge_by == date(2025, 4, 23)
    assert d.respond_by == date(2025, 5, 15)  # 20 working days, the early May bank holiday (5 May) skipped too
    assert d.escalate_by == date(2025, 5, 29)


def test_escalation_runs_from_the_day_answered():
    d = complaint_deadlines(READING, WorkingCalendar(), 1, date(2025, 4, 14), answered_on=date(2025, 4, 30))
    assert d.escalate_by == date(2025, 5, 14)


def test_last_stage_has_no_escalation_and_unknown_stages_are_refused():
    d = complaint_deadlines(READING, WorkingCalendar(), 2, date(2025, 12, 22))
    assert d.escalate_by is None
    assert d.acknowledge_by == date(2025, 12, 31)  # 25, 26 Dec are bank holidays
    with pytest.raises(ValueError, match="no complaint stage 3"):
        complaint_deadlines(READING, WorkingCalendar(), 3, date(2025, 1, 6))


def test_complaint_dates_command(arrears, tmp_path, data_dir):
    path = tmp_path / "p.toml"
    path.write_text((data_dir / "sundry_council.toml").read_text() + """
[service_standards]
complaint_stages = [
  { stage = 1, acknowledge_working_days = 5, respond_working_days = 20, escalate_within_days = 14 },
  { stage = 2, acknowledge_working_days = 5, respond_working_days = 30 },
]
""")
    out = json.loads(arrears("complaint", "dates", "--council", path, "--received", "2025-04-14", "--json").output)
    assert (out["acknowledge_by"], out["respond_by"], out["escalate_by"]) == ("2025-04-23", "2025-05-15", "2025-05-29")
    refused = arrears("complaint", "dates", "--council", path, "--stage", "3", "--received", "2025-04-14", expect=2)
    assert "no complaint stage 3" in refused.output
