"""Index runs give way to renames, moves and deletes waiting behind them (watch/runs.py)."""

from __future__ import annotations

import threading

from acgdesk.core.settings import IndexSettings
from acgdesk.db.connection import connect
from acgdesk.library import Library
from acgdesk.models.results import Prediction, TagScore
from acgdesk.models.spec import ModelSpec, Runtime, Task
from acgdesk.pipeline.indexer import FolderTarget
from acgdesk.watch import WatchConfig
from acgdesk.watch.observe import Change
from acgdesk.watch.runs import ChangeInbox, IndexRuns
from acgdesk.watch.sync import SYNC_MARKER
from tests.watch.conftest import write_image


class RenameArrivesDuringFirstBatch:
    """A tagger whose first batch is the moment a rename event reaches the watcher's inbox."""

    def __init__(self, inbox: ChangeInbox, change: Change) -> None:
        self.spec = ModelSpec(
            id="gate",
            version="1",
            name="gate",
            family="test",
            task=Task.TAGGER,
            runtime=Runtime.NONE,
            source=None,
            licence="test",
            description="test",
        )
        self.inbox, self.change, self.batches = inbox, change, 0

    def predict(self, images):
        self.batches += 1
        if self.batches == 1:
            self.inbox.put(self.change)  # the explicit hook: a structural change is now waiting
        return [Prediction(self.spec.key, tags=[TagScore("seen", "general", 0.9)]) for _ in images]

    def close(self) -> None:
        pass


def make_runs(lib, inbox, model, **config) -> IndexRuns:
    return IndexRuns(
        thumbs_dir=lib.thumbs_dir,
        settings=IndexSettings(),
        models=[model],
        config=WatchConfig(**config),
        exclude=(),
        inbox=inbox,
        stopping=threading.Event(),
    )


def test_a_run_gives_way_to_a_waiting_rename_keeps_what_finished_and_then_completes(tmp_path):
    art = tmp_path / "art"
    paths = [str(write_image(art / f"new_{i:02d}.png", seed=i)) for i in range(80)]
    with Library.open(tmp_path / "lib") as lib:
        fid = lib.add_folders([art])[0].folder_id
        inbox = ChangeInbox()
        model = RenameArrivesDuringFirstBatch(inbox, Change("moved", paths[0], paths[0] + "2", fid))
        runs = make_runs(lib, inbox, model, yield_after=0.0, model_batch=8)
        db = connect(lib.db_path)
        target = [FolderTarget(fid, str(art), tuple(paths), rehash=True)]
        first = runs.run(db, target, "batch")
        assert first.cancelled and runs.yields == 1
        done = lib.db.execute("SELECT COUNT(*) FROM files WHERE status = 'ok'").fetchone()[0]
        assert 0 < first.processed == done < len(paths)  # what finished is committed, the rest is not
        assert len(first.finished) == done and first.finished < set(paths)  # the caller requeues the rest
        # The next try (nothing new waiting) finishes, and redoes nothing that was finished.
        second = runs.run(db, target, "batch")
        assert not second.cancelled and runs.yields == 1
        assert second.unchanged == done and second.ok == len(paths) - done
        assert model.batches * 8 >= len(paths) and lib.db.execute(
            "SELECT COUNT(*) FROM model_runs WHERE error IS NULL"
        ).fetchone()[0] == len(paths)
        db.conn.close()


def test_edits_and_the_watchers_own_markers_do_not_make_a_run_give_way(tmp_path):
    art = tmp_path / "art"
    paths = [str(write_image(art / f"new_{i:02d}.png", seed=i)) for i in range(24)]
    with Library.open(tmp_path / "lib") as lib:
        fid = lib.add_folders([art])[0].folder_id
        inbox = ChangeInbox()
        inbox.put(Change("deleted", str(art / f"{SYNC_MARKER}x"), folder_id=fid))
        assert inbox.structural_at == 0.0  # the watcher's own markers are no one's change
        model = RenameArrivesDuringFirstBatch(inbox, Change("changed", paths[0], folder_id=fid))
        runs = make_runs(lib, inbox, model, yield_after=0.0, model_batch=8)
        db = connect(lib.db_path)
        report = runs.run(db, [FolderTarget(fid, str(art), tuple(paths), rehash=True)], "batch")
        assert not report.cancelled and report.ok == len(paths)  # an edit is not worth giving way for
        db.conn.close()
