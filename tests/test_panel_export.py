"""`stick export` of an agreed file: the Panel sheet, the Summary's raters, and the pages LibreOffice prints."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports.workbook import export_workbook
from surveys.panel.opening import open_panel
from tests.panel_support import EDS, rater
from tests.print_checks import broken_words


def _agreed(folder: Path) -> Path:
    rater(folder, "Ann", "patient", [1, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2])
    rater(folder, "Bob", "patient", [2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2])
    rater(folder, "Cy", "staff", [4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2])
    with open_panel([folder], folder / "agreed.toml", on=date(2026, 12, 6)) as panel:
        for question in EDS.questions:
            panel.accept(question.id)
        panel.agree("1b", 4, "Patients' stories at table two")
        return panel.path


def test_an_agreed_file_exports_a_panel_sheet_after_results(tmp_path: Path) -> None:
    out = tmp_path / "agreed.xlsx"
    export_workbook([_agreed(tmp_path)], out)
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames[:3] == ["Summary", "Results", "Panel"]
    rows = [tuple(row) for row in wb["Panel"].iter_rows(values_only=True)]
    head = rows[0]
    assert head[:6] == (
        "Question",
        "Raters",
        "1 Underdeveloped activity",
        "2 Developing activity",
        "3 Achieving activity",
        "4 Excelling activity",
    )
    first, patient, staff = rows[1], rows[2], rows[3]
    assert first[1] == "All (3)" and first[2:6] == (1, 1, 0, 1)
    assert first[head.index("Agreed")] == "2 Developing activity"
    assert first[head.index("Discuss")] == "yes"
    assert (patient[1], patient[2:6]) == ("patient (2)", (1, 1, 0, 0))
    assert (staff[1], staff[2:6]) == ("staff (1)", (0, 0, 0, 1))
    second = rows[4]
    assert second[head.index("Agreed")] == "4 Excelling activity"
    assert second[head.index("Proposed")] == "2 Developing activity"
    assert second[head.index("Reason")] == "Patients' stories at table two"
    summary = [row for row in wb["Summary"].iter_rows(values_only=True) if row and row[0] == "Raters"]
    assert summary and summary[0][1] == "3 raters: patient 2, staff 1"


def test_one_persons_export_has_no_panel_sheet(tmp_path: Path) -> None:
    out = tmp_path / "one.xlsx"
    export_workbook([rater(tmp_path, "Ann", "patient", [1, 2])], out)
    assert "Panel" not in load_workbook(out, read_only=True).sheetnames


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed to render workbooks",
)
def test_the_panel_sheet_prints_headed_and_whole(tmp_path: Path) -> None:
    book = tmp_path / "agreed.xlsx"
    export_workbook([_agreed(tmp_path)], book)
    profile, pdfs = tmp_path / "lo-profile", tmp_path / "pdf"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdfs),
            str(book),
        ],
        capture_output=True,
        timeout=400,
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdfs / "agreed.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [p for p in text.split("\f") if "Panel: page" in p]
    assert 1 <= len(pages) <= 3
    whole = "\n".join(pages)
    for question in EDS.questions:
        assert question.text[:20] in whole.replace("\n", " ") or question.id.upper() in whole
    assert "Patients' stories at table two" in whole
    assert "The panel: 3 raters: patient 2, staff 1." in whole
    assert all("Northfield NHS Trust" in p for p in pages)


def test_no_panel_header_word_is_wider_than_its_column(tmp_path: Path) -> None:
    """The option headers ("1 Underdeveloped activity") are measured as on every other sheet (print_checks.py)."""
    out = tmp_path / "agreed.xlsx"
    export_workbook([_agreed(tmp_path)], out)
    assert broken_words(out, ("Panel",)) == []
