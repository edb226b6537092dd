"""LibreOffice for the tests that render workbooks: one profile per xdist worker, many files to one soffice run.

soffice refuses to start beside another soffice that holds the same profile, and making a
fresh profile is most of a short conversion's time; so each worker keeps one profile, in its
own temporary folder, for all its renders. Tests that render carry the `libreoffice` mark
(tests/conftest.py): they are skipped where soffice or poppler is missing, and under xdist
they all run on one worker, one after another, while the other workers go on with the rest.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

TOOLS = ("soffice", "pdftotext", "pdftoppm")


def missing() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def worker_profile(factory: pytest.TempPathFactory) -> Path:
    """This worker's LibreOffice profile: made by its first render, reused by the rest."""
    return factory.getbasetemp() / "libreoffice-profile"


def convert(
    factory: pytest.TempPathFactory, kind: str, files: Sequence[Path], outdir: Path, timeout: float = 400
) -> list[Path]:
    """`files` converted to `kind` ("pdf", "xlsx", ...) in one soffice run; the files made, in order."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={worker_profile(factory).as_uri()}",
            "--headless",
            "--convert-to",
            kind,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        capture_output=True,
        timeout=timeout,
        check=True,
    )
    extension = kind.split(":")[0]
    made = [outdir / f"{file.stem}.{extension}" for file in files]
    absent = [path.name for path in made if not path.exists()]
    assert not absent, f"soffice made no {', '.join(absent)}"
    return made
