"""The import rules in pyproject.toml hold, and breaking one fails ``lint-imports`` (as CI runs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import arrears

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
LINT = Path(sys.executable).with_name("lint-imports")


def lint(package_parent: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(package_parent))
    return subprocess.run([str(LINT), "--no-cache", "--no-logo", str(PYPROJECT)], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=300)


def test_a_face_importing_the_store_breaks_the_rules(tmp_path):
    copy = tmp_path / "pkgs" / "arrears"
    shutil.copytree(Path(arrears.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    kept = lint(copy.parent, tmp_path)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "0 broken" in kept.stdout
    ledger_cmd = copy / "cli" / "ledger_cmd.py"
    ledger_cmd.write_text(ledger_cmd.read_text() + "\nfrom ..store.ledger import verify_ledger  # noqa: E402,F401\n")
    broken = lint(copy.parent, tmp_path)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "The faces call services, never the store BROKEN" in broken.stdout
    assert "arrears.cli.ledger_cmd -> arrears.store.ledger" in broken.stdout
