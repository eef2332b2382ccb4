"""The installed package, seen from outside the checkout: real import names, profiles in the wheel."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = r"""
import importlib.util, json
from importlib.metadata import entry_points
from importlib.resources import files
out = {
    "core": importlib.util.find_spec("core") is None,
    "plugins": importlib.util.find_spec("plugins") is None,
    "councils": sorted(e.name for e in files("arrears.councils").iterdir() if e.name.endswith(".toml")),
    "entry_points": sorted((ep.name, ep.value) for ep in entry_points(group="arrears")),
}
import arrears, arrears_sundry, arrears_council_tax, arrears_nndr, arrears_hb_overpayment, arrears_pcn, arrears_rents
out["sundry"] = arrears_sundry.SUNDRY.id
out["rotherham"] = (files("arrears.councils") / "rotherham.toml").read_text().count("[council]")
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    """What a fresh interpreter sees when started away from the repository."""
    cwd = tmp_path_factory.mktemp("elsewhere")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_generic_folder_names_are_not_importable(probe):
    assert probe["core"] is True, "`import core` must fail outside the repository"
    assert probe["plugins"] is True, "`import plugins` must fail outside the repository"


def test_plugins_import_under_their_own_names(probe):
    assert probe["sundry"] == "sundry"
    assert probe["entry_points"] == [
        ["council_tax", "arrears_council_tax"], ["hb_overpayment", "arrears_hb_overpayment"], ["nndr", "arrears_nndr"],
        ["pcn", "arrears_pcn"], ["rents", "arrears_rents"], ["sundry", "arrears_sundry"],
    ]


def test_council_profiles_ship_inside_the_package(probe):
    assert "rotherham.toml" in probe["councils"]
    assert probe["rotherham"] == 1


def test_this_process_also_uses_the_installed_names():
    import importlib.util

    assert "core" not in sys.modules and "plugins" not in sys.modules
    import arrears_sundry

    assert importlib.util.find_spec("arrears_sundry") is not None
    assert arrears_sundry.SUNDRY.ladder.initial == "invoice"


def test_the_core_imports_no_plugin_and_no_textual(tmp_path):
    """The core knows no debt type by name and stays headless: loading every core module but the terminal UI's
    pulls in neither (the command line loads the UI only when asked for it)."""
    code = (
        "import pkgutil, importlib, sys, arrears\n"
        "for m in pkgutil.walk_packages(arrears.__path__, 'arrears.'):\n"
        "    if '.migrations' not in m.name and m.name != 'arrears.__main__' and not m.name.startswith('arrears.tui'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('arrears_', 'textual')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_plugins_import_only_the_public_api_of_arrears():
    """A built-in plugin imports ``arrears`` as a third party would: never ``arrears.<module>``."""
    import arrears_sundry

    root = Path(arrears_sundry.__file__).parent.parent
    offenders = []
    for package in ("arrears_council_tax", "arrears_nndr", "arrears_sundry", "arrears_hb_overpayment", "arrears_pcn", "arrears_rents"):
        for path in (root / package).glob("*.py"):
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if re.match(r"\s*(from|import)\s+arrears\.", line):
                    offenders.append(f"{package}/{path.name}:{number}: {line.strip()}")
    assert offenders == []
