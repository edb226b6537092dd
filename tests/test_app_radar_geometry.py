"""The radar's geometry, without Textual: dots land where the values say, and each layer reads without colour."""

from __future__ import annotations

import pytest

from tui.app.radar_geometry import BRAILLE_BASE, GRID_DOT, MARK_DOT, Layer, Picture, Shape, draw_radar


def dots(text: str) -> int:
    return sum(bin(ord(ch) - BRAILLE_BASE).count("1") for ch in text if BRAILLE_BASE <= ord(ch) <= BRAILLE_BASE + 255)


def layer_text(picture: Picture, layer: Layer) -> str:
    """What a layer draws; spaces take no layer (they join whatever run they are in)."""
    return "".join(text for row in picture.rows for text, lay in row if lay is layer).replace(" ", "")


def layer_cells(picture: Picture, layer: Layer) -> int:
    return len(layer_text(picture, layer))


def solid(values: list[float], missing: list[bool] | None = None) -> Shape:
    return Shape(values, missing or [])


def test_size_is_exact_in_cells() -> None:
    picture = draw_radar(7, 34, 12, 4, [str(i) for i in range(7)], [solid([0.5] * 7)])
    assert picture.height == 12 and len(picture.text()) == 12
    assert all(len(line) == 34 for line in picture.text())


def test_a_larger_value_reaches_further_from_the_centre() -> None:
    extent = {}
    for name, value in (("small", 0.2), ("large", 1.0)):
        picture = draw_radar(4, 40, 20, 4, shapes=[solid([value] * 4)])
        rows = [r for r, row in enumerate(picture.rows) if any(lay is Layer.CURRENT for _, lay in row)]
        extent[name] = rows[-1] - rows[0]
    assert extent["large"] > 2 * extent["small"]


def test_first_spoke_points_up() -> None:
    picture = draw_radar(4, 40, 20, 4, shapes=[solid([1.0, 0.0, 0.0, 0.0])])
    top = next(r for r, row in enumerate(picture.rows) if any(lay is Layer.CURRENT for _, lay in row))
    assert top <= 2  # the outline reaches the top of the box; with all at 0 it would sit mid-box


def test_values_are_clamped() -> None:
    assert (
        draw_radar(3, 30, 12, shapes=[solid([2.0, -1.0, 1.0])]).text()
        == draw_radar(3, 30, 12, shapes=[solid([1.0, 0.0, 1.0])]).text()
    )


def test_rings_change_the_grid_only() -> None:
    few = draw_radar(5, 40, 16, 2, shapes=[solid([0.5] * 5)])
    many = draw_radar(5, 40, 16, 6, shapes=[solid([0.5] * 5)])
    assert layer_cells(many, Layer.GRID) > layer_cells(few, Layer.GRID)


def test_the_grid_is_drawn_before_any_answer_and_is_no_braille() -> None:
    # Seen: "No answers yet, so nothing is drawn"; and rings of single braille dots, read as a scatter.
    picture = draw_radar(7, 32, 14, 4, [str(i + 1) for i in range(7)])
    grid = layer_text(picture, Layer.GRID)
    assert len(grid) > 40 and set(grid) == {GRID_DOT}
    assert dots("".join(picture.text())) == 0
    assert all(str(i + 1) in "".join(picture.text()) for i in range(7))


def test_the_shape_is_told_from_the_grid_by_its_characters_alone() -> None:
    picture = draw_radar(7, 32, 14, 4, shapes=[solid([0.6] * 7)])
    shape = layer_text(picture, Layer.CURRENT)
    assert shape and all(BRAILLE_BASE < ord(ch) <= BRAILLE_BASE + 255 for ch in shape)
    # Thick: a solid outline fills its cells with several dots each, where a thin line has one or two.
    assert dots(shape) / len(shape) >= 3
    assert set(layer_text(picture, Layer.GRID)) == {GRID_DOT}


def test_earlier_outline_is_dashed_and_thin_so_it_reads_without_colour() -> None:
    earlier = draw_radar(6, 40, 16, 4, shapes=[Shape([0.9] * 6, dash=(3, 2)), solid([0.1] * 6)])
    alone = draw_radar(6, 40, 16, 4, shapes=[solid([0.9] * 6)])
    dashed = layer_text(earlier, Layer.EARLIER)
    assert dashed and dots(dashed) < dots(layer_text(alone, Layer.CURRENT)) / 2
    assert layer_cells(earlier, Layer.CURRENT) > 0


def test_a_lone_answered_spoke_is_still_seen() -> None:
    # The first answer in a view has no answered neighbour to join: a point on its own must still show.
    missing = [False] + [True] * 6
    picture = draw_radar(7, 32, 14, 4, shapes=[solid([0.75] + [0.0] * 6, missing)])
    assert dots(layer_text(picture, Layer.CURRENT)) >= 8


def test_a_marked_spoke_is_drawn_in_bullets_with_its_label_marked() -> None:
    labels = ["North", "East", "South", "West"]
    picture = draw_radar(4, 40, 16, 4, labels, [solid([0.5] * 4)], marked={2})
    assert layer_text(picture, Layer.MARK).count(MARK_DOT) >= 4
    assert layer_text(picture, Layer.MARK_LABEL) == "South"
    unmarked = draw_radar(4, 40, 16, 4, labels, [solid([0.5] * 4)])
    assert layer_cells(unmarked, Layer.MARK) == 0


def test_labels_sit_outside_and_are_cut_to_fit() -> None:
    picture = draw_radar(4, 40, 16, 4, ["North", "East side of a long name", "South", "West"], [solid([0.5] * 4)])
    text = "\n".join(picture.text())
    assert "North" in text and "South" in text and "West" in text
    assert "…" in text  # the long one was cut, not spilled
    assert all(len(line) == 40 for line in picture.text())


@pytest.mark.parametrize("width,height", [(0, 0), (3, 1), (10, 2), (1, 40)])
def test_tiny_boxes_never_fail(width: int, height: int) -> None:
    picture = draw_radar(7, width, height, 4, ["x"] * 7, [solid([0.3] * 7)], marked={1})
    assert len(picture.text()) == max(0, height)


def test_fewer_than_three_spokes_draw_nothing() -> None:
    assert set("".join(draw_radar(2, 20, 10, shapes=[solid([1.0, 1.0])]).text())) <= {" "}
