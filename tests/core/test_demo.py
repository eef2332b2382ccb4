"""``arrears demo``: the README's main command builds a database and tells its story."""

from __future__ import annotations

import re

from click.testing import CliRunner

from arrears import parse_pounds
from arrears.cli import cli


def test_demo_builds_a_database_with_both_debt_types_and_fees(tmp_path):
    database = tmp_path / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--path", str(database), "--cases", "90", "--months", "5"])
    assert result.exit_code == 0, result.output
    assert database.exists()
    stages = dict(re.findall(r"^  ((?:sundry|council_tax): \w+)\s+(\d+)$", result.output, flags=re.M))
    assert sum(int(n) for n in stages.values()) == 90
    assert any(k.startswith("council_tax:") for k in stages) and any(k.startswith("sundry:") for k in stages)
    fees = re.search(r"^Fees added: £([\d,]+\.\d\d)$", result.output, flags=re.M)
    assert fees and parse_pounds(fees.group(1)) > 0  # summons costs on the taxpayers who stopped paying
    checked = CliRunner().invoke(cli, ["--db", f"sqlite:///{database}", "ledger", "check", "--council", "rotherham"])
    assert checked.exit_code == 0, checked.output
