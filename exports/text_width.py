"""How wide text prints in a cell, in column-width units, so a column can be made wide enough for its words.

A column's width counts the "0" characters of the sheet's font (Calibri 11,
whose metrics Carlito shares); letters differ ("m" is 1.6 of them, "i" half
of one, and bold runs wider), so counting characters misjudges whether a
word fits. The advance widths below are the fonts' own, for printable ASCII;
any other character is taken as wide as a "0".

LibreOffice and Excel wrap only between words: a word wider than its column
is broken inside it ("mainstrea / m"). A word fits when it is no wider than its
column less the cell's padding, which was measured on LibreOffice's print of
the workbook.
"""

from __future__ import annotations

from collections.abc import Iterable

_ZERO = 1038  # the "0", in font units: one column-width unit
# Advance widths in font units (2048 to the em) of characters 32 to 126.
_REGULAR = (
    463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791,
    1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949,
    1831, 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356,
    1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628, 1020, 1020,
    596, 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080,
    1076, 1076, 714, 801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020,
)  # fmt: skip
_BOLD = (
    463, 667, 898, 1020, 1038, 1493, 1443, 478, 638, 638, 1020, 1020, 528, 627, 547, 880,
    1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 565, 565, 1020, 1020, 1020, 949,
    1840, 1241, 1148, 1084, 1291, 999, 940, 1305, 1292, 546, 678, 1120, 866, 1790, 1349, 1385,
    1090, 1405, 1153, 968, 1014, 1337, 1211, 1856, 1128, 1064, 979, 665, 880, 665, 1020, 1020,
    615, 1011, 1099, 857, 1099, 1031, 648, 971, 1099, 503, 523, 983, 503, 1666, 1099, 1101,
    1099, 1099, 728, 817, 710, 1099, 969, 1526, 941, 970, 814, 704, 973, 704, 1020,
)  # fmt: skip
# What a cell keeps beside its text, in column-width units, measured on LibreOffice's print: "and monitoring"
# (12.4 wide) wrapped as one line in a column of 13. A header keeps more: its filter button takes room even
# when printed without it ("Suggested", 8.4 wide in bold, broke in a column of 9.5; "Version", 6.3, in one of 7).
CELL_PADDING = 0.6
HEADER_PADDING = 1.6


def padding(bold: bool) -> float:
    """The room a cell keeps beside its text: bold text is a header's or a label's, kept as a header's."""
    return HEADER_PADDING if bold else CELL_PADDING


_UNITS = (
    {chr(32 + n): w / _ZERO for n, w in enumerate(_REGULAR)},
    {chr(32 + n): w / _ZERO for n, w in enumerate(_BOLD)},
)


def text_width(value: str, bold: bool = False) -> float:
    """The printed width of `value` on one line, in column-width units."""
    get = _UNITS[bold].get
    return sum(get(char, 1.0) for char in value)


def words(value: str) -> list[str]:
    """The pieces a cell wraps between: words split at spaces and line breaks."""
    return value.split()


def longest_word(value: str, bold: bool = False) -> float:
    """The width of the widest word in `value`: a column narrower than this (and its padding) breaks it."""
    return max((text_width(w, bold) for w in words(value)), default=0.0)


def fits(value: str, width: float, bold: bool = False) -> bool:
    """Whether every word of `value` fits a column `width` wide without being broken."""
    return longest_word(value, bold) + padding(bold) <= width


def width_for(values: Iterable[str], least: float, bold: bool = True) -> float:
    """A column width of at least `least` in which no word of any of `values` breaks (rounded up to a half)."""
    need = max((longest_word(v, bold) for v in values), default=0.0) + padding(bold)
    return max(least, -(-need * 2 // 1) / 2)
