"""Sync markers share the event stream with real files; a polling observer pairs files by inode.

A marker is created and removed at once, and the next file made in that folder often gets its inode.
The polling observer's snapshot diff then reports "marker moved to new_image.png" (or "image moved
to marker" when a marker takes a removed image's inode). Before the fix the whole event was taken
for a marker and dropped, so the new image was never indexed (the polling converge test failed
about once in 15 runs, always on such a pair). These tests feed those exact events in.
"""

from __future__ import annotations

import os

from acgdesk.watch.observe import Change
from acgdesk.watch.sync import SYNC_MARKER, SyncMarkers
from tests.watch.conftest import FAST, write_image

MARKER = f"{SYNC_MARKER}123-456-789"


def test_a_marker_moved_onto_a_new_image_is_that_image_created(tmp_path):
    markers = SyncMarkers()
    c = Change("moved", str(tmp_path / MARKER), str(tmp_path / "new.png"), 1, False)
    left = markers.note(c)
    assert left is not None
    assert (left.kind, left.path, left.dest, left.folder_id) == ("changed", str(tmp_path / "new.png"), "", 1)


def test_an_image_moved_onto_a_new_marker_is_that_image_deleted_and_the_marker_seen(tmp_path):
    markers = SyncMarkers()
    c = Change("moved", str(tmp_path / "old.png"), str(tmp_path / MARKER), 1, False)
    left = markers.note(c)
    assert left is not None
    assert (left.kind, left.path, left.dest) == ("deleted", str(tmp_path / "old.png"), "")
    assert markers.take(MARKER)


def test_marker_only_events_leave_nothing_and_ordinary_events_pass_unchanged(tmp_path):
    markers = SyncMarkers()
    other = f"{SYNC_MARKER}999"
    assert markers.note(Change("changed", str(tmp_path / MARKER))) is None
    assert markers.take(MARKER)
    assert markers.note(Change("deleted", str(tmp_path / MARKER))) is None
    assert not markers.take(MARKER)  # a removal says nothing new
    assert markers.note(Change("moved", str(tmp_path / MARKER), str(tmp_path / other))) is None
    assert markers.take(other)
    plain = Change("moved", str(tmp_path / "a.png"), str(tmp_path / "b.png"), 1, False)
    assert markers.note(plain) is plain


def test_the_watcher_indexes_an_image_reported_as_a_marker_moved_onto_it(tmp_path, lib):
    """Routed through the worker's own entry point, without starting threads: deterministic."""
    art = tmp_path / "art"
    image = write_image(art / "sprite.jpg", 5, fmt="JPEG")
    lib.add_folders([art])
    config = FAST.__class__(**{**FAST.__dict__, "force_polling": True})
    w = lib.watcher(config=config)
    (folder_id,) = w.folders
    w._route(Change("moved", os.path.join(str(art), MARKER), str(image), folder_id, False))
    assert str(image) in w._settler.pending
    w._route(Change("moved", str(image), os.path.join(str(art), MARKER + "0"), folder_id, False))
    assert str(image) not in w._settler.pending  # and the deletion reached the waiting files too
