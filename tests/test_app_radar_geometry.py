"""The radar's geometry, without Textual: dots land where the values say."""

from __future__ import annotations

import pytest

from tui.app.radar_geometry import BRAILLE_BASE, Layer, draw_radar


def dots(text: str) -> int:
    return sum(bin(ord(ch) - BRAILLE_BASE).count("1") for ch in text if BRAILLE_BASE <= ord(ch) <= BRAILLE_BASE + 255)


def layer_cells(picture, layer: Layer) -> int:  # type: ignore[no-untyped-def]
    return sum(len(text) for row in picture.rows for text, lay in row if lay is layer)


def test_size_is_exact_in_cells() -> None:
    picture = draw_radar([0.5] * 7, 34, 12, 4, [str(i) for i in range(7)])
    assert picture.height == 12 and len(picture.text()) == 12
    assert all(len(line) == 34 for line in picture.text())


def test_a_larger_value_reaches_further_from_the_centre() -> None:
    small = draw_radar([0.2, 0.2, 0.2, 0.2], 40, 20, 4)
    large = draw_radar([1.0, 1.0, 1.0, 1.0], 40, 20, 4)
    extent = {}
    for name, picture in (("small", small), ("large", large)):
        rows = [r for r, row in enumerate(picture.rows) if any(lay is Layer.CURRENT for _, lay in row)]
        extent[name] = rows[-1] - rows[0]
    assert extent["large"] > 2 * extent["small"]


def test_first_spoke_points_up() -> None:
    picture = draw_radar([1.0, 0.0, 0.0, 0.0], 40, 20, 4)
    top = next(r for r, row in enumerate(picture.rows) if any(lay is Layer.CURRENT for _, lay in row))
    assert top <= 2  # the outline reaches the top of the box; with all at 0 it would sit mid-box


def test_values_are_clamped() -> None:
    assert draw_radar([2.0, -1.0, 1.0], 30, 12).text() == draw_radar([1.0, 0.0, 1.0], 30, 12).text()


def test_rings_change_the_grid_only() -> None:
    few = draw_radar([0.5] * 5, 40, 16, 2)
    many = draw_radar([0.5] * 5, 40, 16, 6)
    assert layer_cells(many, Layer.GRID) > layer_cells(few, Layer.GRID)


def test_earlier_outline_is_dashed_so_it_reads_without_colour() -> None:
    same = [0.9] * 6
    alone = draw_radar([0.1] * 6, 40, 16, 4)
    both = draw_radar([0.1] * 6, 40, 16, 4, earlier=same)
    solid = draw_radar(same, 40, 16, 4)
    earlier_dots = dots("".join(both.text())) - dots("".join(alone.text()))
    solid_dots = dots("".join(solid.text())) - dots("".join(draw_radar([0.0] * 6, 40, 16, 4).text()))
    assert 0 < earlier_dots < solid_dots  # gaps in the dash: fewer dots than the solid outline
    assert layer_cells(both, Layer.EARLIER) > 0


def test_labels_sit_outside_and_are_cut_to_fit() -> None:
    picture = draw_radar([0.5] * 4, 40, 16, 4, ["North", "East side of a long name", "South", "West"])
    text = "\n".join(picture.text())
    assert "North" in text and "South" in text and "West" in text
    assert "…" in text  # the long one was cut, not spilled
    assert all(len(line) == 40 for line in picture.text())


@pytest.mark.parametrize("width,height", [(0, 0), (3, 1), (10, 2), (1, 40)])
def test_tiny_boxes_never_fail(width: int, height: int) -> None:
    picture = draw_radar([0.3] * 7, width, height, 4, ["x"] * 7)
    assert len(picture.text()) == max(0, height)


def test_fewer_than_three_spokes_draw_nothing() -> None:
    assert set("".join(draw_radar([1.0, 1.0], 20, 10).text())) <= {" "}
