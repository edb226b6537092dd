"""What marks an assessment as a grading panel's agreed one: its [panel] table.

Below the panel room, because a folder's listing (surveys/folders/assessment_files.py) must
tell an agreed file from its raters' too: merged with them, it would count as one more rater.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from surveys.model.responses import Assessment

# In the agreed file: the [panel] table (its raters and the audit trail).
PANEL_KEY = "panel"


def is_panel_file(assessment: Assessment) -> bool:
    """An agreed panel assessment (it has a [panel] table), not one rater's."""
    return is_panel_data(assessment.extra)


def is_panel_data(data: Mapping[str, Any]) -> bool:
    """The same, of a response file's parsed TOML."""
    return isinstance(data.get(PANEL_KEY), Mapping)
