"""Tile plans cover every pixel, only neighbours overlap, and reassembly is exact and row-bounded."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from acgdesk.upscale.tiling import StripAssembler, TileGrid, axis_weights, plan_axis


@pytest.mark.parametrize("length", [1, 50, 256, 257, 300, 541, 1000, 4096])
def test_spans_cover_the_axis_with_the_overlap_and_only_neighbours_overlap(length):
    spans = plan_axis(length, 256, 36)
    assert spans[0].start == 0 and spans[-1].end == length
    assert all(s.size <= 256 for s in spans)
    for a, b in itertools.pairwise(spans):
        assert a.end - b.start >= 36  # enough shared context
    for a, c in zip(spans, spans[2:], strict=False):
        assert a.end <= c.start  # never three tiles on one pixel


def test_tile_must_exceed_four_overlaps_but_a_small_axis_needs_no_tiling():
    with pytest.raises(ValueError, match="four times"):
        plan_axis(1000, 100, 36)
    assert [(s.start, s.end) for s in plan_axis(90, 100, 36)] == [(0, 90)]


@pytest.mark.parametrize("scale", [2, 3, 4])
def test_blend_weights_sum_to_one_everywhere(scale):
    spans = tuple(plan_axis(700, 200, 40))
    total = np.zeros(700 * scale, np.float64)
    for i, s in enumerate(spans):
        total[s.start * scale : s.end * scale] += axis_weights(spans, i, scale, margin=8)
    np.testing.assert_allclose(total, 1.0, atol=1e-6)


def test_margin_pixels_of_an_overlap_take_only_the_tile_with_context():
    spans = tuple(plan_axis(400, 200, 40))
    w0 = axis_weights(spans, 0, 2, margin=8)
    w1 = axis_weights(spans, 1, 2, margin=8)
    overlap_start = (spans[1].start - spans[0].start) * 2
    assert np.all(w1[: 8 * 2] == 0) and np.all(w0[overlap_start : overlap_start + 16] == 1)
    assert np.all(w0[-16:] == 0)


def test_assembly_of_exact_tiles_reproduces_the_image_row_by_row():
    """If every tile is the exact upscale of its region, the result is the exact upscale."""
    rng = np.random.default_rng(1)
    src = rng.integers(0, 256, (230, 310, 3), dtype=np.uint8)
    full = src.repeat(3, axis=0).repeat(3, axis=1)  # nearest-neighbour 3x as the "network"
    grid = TileGrid.plan(310, 230, tile=100, overlap=20, margin=4)
    assert len(grid) > 4
    out = np.zeros_like(full)
    rows: list[tuple[int, int]] = []

    def emit(y, block):
        rows.append((y, block.shape[0]))
        out[y : y + block.shape[0]] = block

    asm = StripAssembler(grid, 3, 3, emit)
    for t in grid:
        region = src[t.y.start : t.y.end, t.x.start : t.x.end]
        asm.add(t, region.repeat(3, axis=0).repeat(3, axis=1))
    np.testing.assert_array_equal(out, full)
    # Rows arrive once, top to bottom, with no gap: only one strip is ever held.
    assert rows[0][0] == 0 and sum(n for _, n in rows) == full.shape[0]
    assert all(y0 + n0 == y1 for (y0, n0), (y1, _) in itertools.pairwise(rows))
    assert max(n for _, n in rows) <= 100 * 3


def test_tiles_out_of_order_or_of_the_wrong_size_are_refused():
    grid = TileGrid.plan(300, 300, tile=100, overlap=20, margin=4)
    tiles = list(grid)
    asm = StripAssembler(grid, 2, 3, lambda y, b: None)
    with pytest.raises(ValueError, match="row-major"):
        asm.add(tiles[1], np.zeros((tiles[1].y.size * 2, tiles[1].x.size * 2, 3), np.uint8))
    with pytest.raises(ValueError, match="expected"):
        asm.add(tiles[0], np.zeros((10, 10, 3), np.uint8))
