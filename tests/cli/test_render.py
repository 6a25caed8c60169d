"""The terminal status line shared by `index` and `upscale`: bar, in-place redraw, clean clear."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest

from acgdesk.cli.render import ProgressBar, StatusLine, bar
from acgdesk.cli.upscale_cmd import _Progress
from acgdesk.pipeline.progress import IndexProgress


@pytest.fixture(autouse=True)
def terminal_width(monkeypatch):
    monkeypatch.setattr(StatusLine, "width", staticmethod(lambda: 100))


def test_bar_fills_in_proportion_and_clamps():
    assert bar(0.0, 10) == "[----------]"
    assert bar(0.5, 10) == "[#####-----]"
    assert bar(1.0, 4) == "[####]"
    assert bar(1.7, 4) == "[####]" and bar(-1, 4) == "[----]"


def test_index_bar_redraws_one_line_and_clears_it():
    out = io.StringIO()
    progress = ProgressBar(out)
    fields = {f: 0 for f in IndexProgress.__dataclass_fields__}
    snapshot = IndexProgress(
        **{
            **fields,
            "phase": "indexing",
            "done": 25,
            "total": 100,
            "rate": 5.0,
            "eta": 15.0,
            "errors": 1,
            "scanning": False,
        }
    )
    progress(snapshot)
    first = out.getvalue()
    assert first.startswith("\r[") and " 25.0%  25/100  5.0 files/s  ETA 00:15  errors 1" in first
    assert len(first) == 100  # \r + 99 columns: never wraps onto a second line
    progress.close()
    assert out.getvalue().endswith("\r" + " " * 99 + "\r") and not progress.drawn


def test_upscale_progress_shows_tiles_and_job():
    out = io.StringIO()
    render = _Progress(out, "bar", total=3)
    p = SimpleNamespace(fraction=0.25, tile=4, tiles=16, eta=62.0, source="/art/a b.png")
    render(SimpleNamespace(kind="progress", progress=p, job_id=2))
    line = out.getvalue()
    assert " 25.0%  tile 4/16  ETA 01:02  2/3 a b.png" in line and render.drawn
    render.close()
    assert not render.drawn
