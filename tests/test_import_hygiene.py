"""The floors stay apart: the engine imports no UI or Excel, the exports no UI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

FORBIDDEN = {
    "surveys": ("textual", "questionary", "prompt_toolkit", "openpyxl"),
    "exports": ("textual", "questionary", "prompt_toolkit"),
}

PROBE = """
import importlib, json, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [sys.argv[1]] + [m.name for m in pkgutil.walk_packages(package.__path__, sys.argv[1] + ".")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "loaded": sorted(sys.modules)}))
"""


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_forbidden(package: str) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, package], capture_output=True, text=True, cwd=ROOT, check=True)
    found = json.loads(done.stdout)
    assert len(found["modules"]) >= 1
    roots = {name.split(".")[0] for name in found["loaded"]}
    leaked = sorted(roots & set(FORBIDDEN[package]))
    assert not leaked, f"{package} pulls in {leaked}"


def test_check_command_does_not_load_the_ui() -> None:
    code = "import sys; from tui.cli import run; run(['check', sys.argv[1]]); print(sorted(sys.modules))"
    path = str(ROOT / "surveys" / "instruments" / "race_equality.toml")
    done = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, cwd=ROOT, check=True)
    for heavy in ("textual", "openpyxl", "questionary", "prompt_toolkit"):
        assert f"'{heavy}'" not in done.stdout
