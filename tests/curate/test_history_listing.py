"""The history listing without payloads: the same actions as ``history``, in the same order."""

from __future__ import annotations

import pytest

from acgdesk.library import Library
from tests.watch.conftest import write_image


@pytest.fixture
def lib(tmp_path):
    art = tmp_path / "art"
    for i in range(4):
        write_image(art / f"{i}.png", seed=i)
    with Library.open(tmp_path / "lib") as library:
        library.index([art])
        yield library


def test_listing_matches_history_without_payloads(lib):
    cur = lib.curate
    ids = [r[0] for r in lib.db.execute("SELECT id FROM files ORDER BY path")]
    cur.rate(ids, 3)
    cur.tag(ids[:2], add=["listed"])
    cur.toggle_favourite(ids[1:])
    cur.undo()  # the favourite: listed as undone
    full, listed = cur.history(10), cur.history_listing(10)
    assert [(a.id, a.at, a.kind, a.label, a.undone) for a in listed] == [
        (a.id, a.at, a.kind, a.label, a.undone) for a in full
    ]
    assert [a.undone for a in listed] == [True, False, False]
    assert all(a.payload == {} for a in listed)
    assert full[0].payload  # history itself still carries them (undo and redo need them)
    assert len(cur.history_listing(2)) == 2
