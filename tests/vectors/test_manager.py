"""The index manager against a real library database: the index file is a cache that is rebuilt
or caught up whenever it does not match SQLite, and a file that is not ``ok`` is never a result."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from acgdesk.db.connection import transaction, utcnow
from acgdesk.db.predictions import bump_vector_generation, store_embedding, vector_generation
from acgdesk.library import Library
from acgdesk.vectors.exact import exact_search, normalise, top_k
from acgdesk.vectors.hnsw_index import HnswIndex, HnswParams, manifest_path
from acgdesk.vectors.manager import NoVectorsError, VectorIndexManager

MODEL = "clip-test@1"


def clustered(n: int, dim: int, seed: int = 0, clusters: int = 30, spread: float = 0.4) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, dim))
    points = centres[rng.integers(0, clusters, n)] + spread * rng.standard_normal((n, dim))
    return normalise(points.astype(np.float32))[0]


def distinct(n: int, dim: int, seed: int) -> np.ndarray:
    """Unrelated unit vectors (each its own nearest neighbour)."""
    return normalise(np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32))[0]


class Lib:
    """A library with helpers to add files and vectors the way the pipeline's writer does."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.db = lib.db
        self.vectors: dict[tuple[str, int], np.ndarray] = {}
        with transaction(self.db) as conn:
            conn.execute("INSERT INTO folders (id, path, added_at) VALUES (1, '/art', ?)", (utcnow(),))

    def add(self, model: str, ids, vecs, *, status: str = "ok") -> None:
        now = utcnow()
        with transaction(self.db) as conn:
            for fid, vec in zip(ids, vecs, strict=True):
                conn.execute(
                    "INSERT OR IGNORE INTO files (id, folder_id, path, status, added_at, updated_at) "
                    "VALUES (?, 1, ?, ?, ?, ?)",
                    (int(fid), f"/art/{fid}.png", status, now, now),
                )
                store_embedding(conn, int(fid), model, vec)
                self.vectors[(model, int(fid))] = np.asarray(vec, dtype=np.float32)

    def set_status(self, ids, status: str) -> None:
        with transaction(self.db) as conn:
            conn.executemany("UPDATE files SET status = ? WHERE id = ?", [(status, int(i)) for i in ids])

    def remove_files(self, ids, models=(MODEL,)) -> None:
        with transaction(self.db) as conn:
            conn.executemany("DELETE FROM files WHERE id = ?", [(int(i),) for i in ids])
            for model in models:
                bump_vector_generation(conn, model)
        for key in [k for k in self.vectors if k[1] in {int(i) for i in ids}]:
            del self.vectors[key]

    def exact(self, model: str, q: np.ndarray, k: int, candidates=None) -> list[tuple[int, float]]:
        """Ground truth straight from the test's own copy of the vectors and statuses."""
        ok = {r[0] for r in self.db.execute("SELECT id FROM files WHERE status = 'ok'")}
        keys = [fid for (m, fid) in self.vectors if m == model and fid in ok]
        if candidates is not None:
            keys = [fid for fid in keys if fid in set(candidates)]
        ids = np.array(keys, dtype=np.int64)
        mat = np.stack([self.vectors[(model, fid)] for fid in keys])
        return top_k(q, ids, mat, k)


@pytest.fixture
def rebuilds(monkeypatch):
    """Counts full rebuilds from SQLite (a catch-up must not be one)."""
    calls: list[str] = []
    original = VectorIndexManager._rebuild

    def counting(self, model):
        calls.append(model)
        return original(self, model)

    monkeypatch.setattr(VectorIndexManager, "_rebuild", counting)
    return calls


def manager_for(lib: Lib, **kwargs) -> VectorIndexManager:
    kwargs.setdefault("params", HnswParams(M=16, ef_construction=100))
    return VectorIndexManager(lib.db, lib.lib.root / "index", **kwargs)


def ids_of(hits):
    return [h[0] for h in hits]


@pytest.fixture
def filled(lib):
    vecs = clustered(800, 24)
    lib.add(MODEL, range(1, 801), vecs)
    return lib, vecs


def test_index_is_built_from_sqlite_and_saved_next_to_the_db(filled, rebuilds):
    lib, vecs = filled
    with manager_for(lib) as manager:
        index = manager.index_for(MODEL)
        assert len(index) == 800 and index.dim == 24
        assert index.generation == vector_generation(lib.db.conn, MODEL) == 800
        path = manager.path_for(MODEL)
        assert path.parent == lib.lib.root / "index" and path.exists() and manifest_path(path).exists()
        assert ids_of(manager.search(MODEL, vecs[3], 5)) == ids_of(lib.exact(MODEL, vecs[3], 5))
    assert rebuilds == [MODEL]
    with manager_for(lib) as again:  # a restart loads the file: no rebuild
        assert len(again.index_for(MODEL)) == 800
    assert rebuilds == [MODEL]


def test_missing_index_file_is_rebuilt(filled, rebuilds):
    lib, vecs = filled
    with manager_for(lib) as manager:
        manager.index_for(MODEL)
        path = manager.path_for(MODEL)
    path.unlink()
    with manager_for(lib) as manager:
        assert ids_of(manager.search(MODEL, vecs[0], 10)) == ids_of(lib.exact(MODEL, vecs[0], 10))
    assert rebuilds == [MODEL, MODEL] and path.exists()


def test_commit_without_index_save_is_caught_up_after_a_restart(filled, rebuilds):
    """A crash between the database commit and the index save: the generation tells."""
    lib, _vecs = filled
    with manager_for(lib) as manager:
        saved_generation = manager.index_for(MODEL).generation
    new = distinct(1, 24, seed=77)
    lib.add(MODEL, [5000], new)  # committed; no manager running, so no index save
    changed = distinct(1, 24, seed=78)
    lib.add(MODEL, [7], changed)  # a re-embedded file: same id, new vector
    manager = manager_for(lib)
    index = manager.index_for(MODEL)
    assert rebuilds == [MODEL]  # caught up, not rebuilt
    assert index.generation == vector_generation(lib.db.conn, MODEL) == saved_generation + 2
    assert manager.search(MODEL, new[0], 1)[0][0] == 5000
    assert manager.search(MODEL, changed[0], 1)[0] == (7, pytest.approx(1.0, abs=1e-5))
    assert manager.save_all() == [MODEL]
    manager.close()
    with manager_for(lib) as restarted:
        assert restarted.index_for(MODEL).generation == saved_generation + 2
        assert 5000 in restarted.index_for(MODEL)
    assert rebuilds == [MODEL]


def test_vectors_committed_while_running_are_found_by_the_next_search(filled, rebuilds):
    lib, _vecs = filled
    with manager_for(lib) as manager:
        manager.index_for(MODEL)
        new = distinct(3, 24, seed=12)
        lib.add(MODEL, [901, 902, 903], new)
        for fid, vec in zip([901, 902, 903], new, strict=True):
            assert manager.search(MODEL, vec, 1)[0][0] == fid
    assert rebuilds == [MODEL]


@pytest.mark.parametrize("damage", ["flip", "truncate", "manifest", "empty"])
def test_corrupt_index_file_is_rebuilt_not_fatal(filled, rebuilds, damage, caplog):
    lib, vecs = filled
    with manager_for(lib) as manager:
        manager.index_for(MODEL)
        path = manager.path_for(MODEL)
    if damage == "flip":
        data = bytearray(path.read_bytes())
        for at in range(100, len(data), len(data) // 7):
            data[at] ^= 0x5A
        path.write_bytes(bytes(data))
    elif damage == "truncate":
        with open(path, "r+b") as fh:
            fh.truncate(path.stat().st_size // 2)
    elif damage == "manifest":
        manifest_path(path).write_text('{"format": 1, "model": ')
    else:
        path.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="acgdesk.vectors.manager"), manager_for(lib) as manager:
        hits = manager.search(MODEL, vecs[1], 10)
    assert ids_of(hits) == ids_of(lib.exact(MODEL, vecs[1], 10))
    assert rebuilds == [MODEL, MODEL]
    assert "rebuilding the index" in caplog.text
    HnswIndex.load(path, model=MODEL, dim=24)  # the rebuilt file is sound again


def test_missing_and_removed_files_are_never_returned(filled, rebuilds):
    lib, vecs = filled
    q = vecs[20]
    with manager_for(lib) as manager:
        top = ids_of(manager.search(MODEL, q, 10))
        # Status changes do not touch the vectors (no generation bump): caught at query time.
        lib.set_status(top[:3], "missing")
        lib.set_status(top[3:4], "error")
        hits = manager.search(MODEL, q, 10)
        assert not set(top[:4]) & set(ids_of(hits)) and len(hits) == 10
        assert ids_of(hits) == ids_of(lib.exact(MODEL, q, 10))
        assert len(manager.index_for(MODEL)) == 796  # dropped from the index as well
        # Rows deleted (cascading to their embeddings) with a generation bump.
        lib.remove_files(top[4:6])
        hits = manager.search(MODEL, q, 10)
        assert not set(top[:6]) & set(ids_of(hits))
        assert ids_of(hits) == ids_of(lib.exact(MODEL, q, 10))
        # The exact (candidate) path too.
        assert not set(top[:6]) & set(ids_of(manager.search(MODEL, q, 10, candidate_ids=top)))
    # Status changed while nothing ran: the restart reconciles the loaded file with SQLite.
    lib.set_status(top[6:8], "missing")
    with manager_for(lib) as manager:
        index = manager.index_for(MODEL)
        assert top[6] not in index and top[7] not in index
        assert not set(top[:8]) & set(ids_of(manager.search(MODEL, q, 10)))
    # A file that comes back is searchable again after the next restart.
    lib.set_status(top[6:7], "ok")
    with manager_for(lib) as manager:
        assert top[6] in manager.index_for(MODEL)
    assert rebuilds == [MODEL]


def test_models_have_separate_indexes(lib):
    a = clustered(300, 16, seed=1)
    b = clustered(200, 40, seed=2)
    lib.add("a@1", range(1, 301), a)
    lib.add("b@2", range(301, 501), b)
    lib.add("b@2", range(1, 51), clustered(50, 40, seed=3))  # some files have both
    with manager_for(lib) as manager:
        ia, ib = manager.index_for("a@1"), manager.index_for("b@2")
        assert (ia.dim, len(ia), ib.dim, len(ib)) == (16, 300, 40, 250)
        assert manager.path_for("a@1") != manager.path_for("b@2")
        for q in clustered(5, 16, seed=9):
            assert set(ids_of(manager.search("a@1", q, 20))) <= set(range(1, 301))
        for q in clustered(5, 40, seed=9):
            assert set(ids_of(manager.search("b@2", q, 60))) <= set(range(1, 51)) | set(range(301, 501))
        with pytest.raises(ValueError):
            manager.search("a@1", b[0], 5)
        assert manager.search("unknown@1", a[0], 5) == []
        with pytest.raises(NoVectorsError):
            manager.index_for("unknown@1")


def test_model_dimension_swap_rebuilds(lib, rebuilds):
    lib.add(MODEL, range(1, 101), clustered(100, 16))
    with manager_for(lib) as manager:
        assert manager.index_for(MODEL).dim == 16
        # The same model id now writes vectors of another size (a model file swapped in place).
        lib.add(MODEL, range(1, 101), clustered(100, 32, seed=4))
        index = manager.index_for(MODEL)
        assert index.dim == 32 and len(index) == 100
    assert rebuilds == [MODEL, MODEL]
    with manager_for(lib) as manager:
        assert manager.index_for(MODEL).dim == 32
    assert rebuilds == [MODEL, MODEL]


def test_candidate_path_is_exactly_numpy_top_k(filled):
    lib, _vecs = filled
    rng = np.random.default_rng(8)
    cands = rng.choice(np.arange(1, 801), size=120, replace=False)
    lib.set_status(cands[:5], "missing")
    with manager_for(lib) as manager:
        assert manager.exact_max_candidates >= 120
        for q in clustered(10, 24, seed=21):
            got = manager.search(MODEL, q, 10, candidate_ids=cands.tolist())
            # Independent ground truth: the test's own vectors, numpy, full sort.
            allowed = cands[5:]
            sims = np.stack([lib.vectors[(MODEL, int(i))] for i in allowed]) @ q
            want = allowed[np.argsort(-sims)[:10]]
            assert ids_of(got) == want.tolist()
            np.testing.assert_allclose([s for _, s in got], np.sort(sims)[::-1][:10], atol=1e-5)
        assert manager.loaded_models() == []  # a small filter never needs the index


def test_large_filters_use_the_hnsw_filter(filled):
    lib, _vecs = filled
    cands = np.arange(1, 801, 2)
    with manager_for(lib, exact_max_candidates=100, matrix_max_candidates=0) as manager:
        overlap = 0
        queries = clustered(10, 24, seed=22)
        for q in queries:
            got = manager.search(MODEL, q, 10, candidate_ids=cands)
            assert set(ids_of(got)) <= set(cands.tolist()) and len(got) == 10
            overlap += len(set(ids_of(got)) & set(ids_of(lib.exact(MODEL, q, 10, cands.tolist()))))
        assert manager.loaded_models() == [MODEL]
    assert overlap / (10 * len(queries)) >= 0.95


@pytest.mark.slow
def test_recall_at_10_on_20k_clustered_vectors(lib):
    dim, n = 64, 20_000
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((400, dim))
    basis = rng.standard_normal((400, 8, dim)) / np.sqrt(dim)  # a low-dimensional spread per cluster
    labels = rng.integers(0, 400, n + 100)
    points = centres[labels] + np.einsum("nk,nkd->nd", rng.standard_normal((n + 100, 8)), basis[labels])
    points += 0.15 * rng.standard_normal(points.shape) / np.sqrt(dim)
    vecs = normalise(points.astype(np.float32))[0]
    data, queries = vecs[:n], vecs[n:]  # queries near the clusters, not in the data
    lib.add(MODEL, range(1, n + 1), data)
    with manager_for(lib, params=HnswParams()) as manager:
        total = 0.0
        for q in queries:
            got = set(ids_of(manager.search(MODEL, q, 10)))
            want = {i + 1 for i in np.argsort(-(data @ q))[:10]}
            total += len(got & want) / 10
    assert total / len(queries) >= 0.95


def test_growth_beyond_initial_capacity_without_rebuild(lib, rebuilds):
    lib.add(MODEL, range(1, 201), clustered(200, 16))
    with manager_for(lib) as manager:
        index = manager.index_for(MODEL)
        capacity = index.capacity
        more = clustered(3000, 16, seed=5)
        lib.add(MODEL, range(201, 3201), more)
        assert manager.index_for(MODEL) is index  # the same graph, caught up
        assert index.capacity > capacity and len(index) == 3200
        for i in range(0, 3000, 250):
            assert manager.search(MODEL, more[i], 1)[0][0] == 201 + i
    assert rebuilds == [MODEL]


def test_compaction_keeps_results(filled, rebuilds):
    lib, _vecs = filled
    with manager_for(lib) as manager:
        manager.index_for(MODEL)
        lib.remove_files(range(1, 241))  # 30 % of the files
        index = manager.index_for(MODEL)
        assert index.deleted_count == 240 and index.compaction_needed()
        queries = clustered(10, 24, seed=31)
        before = [manager.search(MODEL, q, 10, ef=200) for q in queries]
        assert manager.compact_if_needed() == [MODEL]
        compacted = manager.index_for(MODEL)
        assert compacted.deleted_count == 0 and len(compacted) == 560 and not compacted.compaction_needed()
        after = [manager.search(MODEL, q, 10, ef=200) for q in queries]
        assert [ids_of(h) for h in after] == [ids_of(h) for h in before]
        assert [ids_of(h) for h in after] == [ids_of(lib.exact(MODEL, q, 10)) for q in queries]
    assert rebuilds == [MODEL, MODEL]


def test_reused_rowids_are_found_by_created_at(lib, rebuilds, monkeypatch, caplog):
    """SQLite hands out a deleted newest row's rowid again: the rowid window cannot see the new
    row, so the catch-up also reads the rows below the watermark written after the last sync."""
    monkeypatch.setattr("acgdesk.vectors.manager.CATCH_UP_SLACK_S", 0)  # exactly what changed
    lib.add(MODEL, range(1, 51), clustered(50, 16))
    with manager_for(lib) as manager:
        index = manager.index_for(MODEL)
        newest = index.extra["watermark"]["rowid"]
        with transaction(lib.db) as conn:
            conn.execute("DELETE FROM embeddings WHERE rowid = ?", (newest,))
            conn.execute("DELETE FROM embeddings WHERE rowid = ?", (newest - 1,))
            conn.execute(
                "INSERT INTO files (id, folder_id, path, status, added_at, updated_at) "
                "VALUES (60, 1, '/art/60.png', 'ok', ?, ?)",
                (utcnow(), utcnow()),
            )
        replaced = distinct(2, 16, seed=40)
        with transaction(lib.db) as conn:
            store_embedding(conn, 60, MODEL, replaced[0])  # takes rowid newest - 1
            store_embedding(conn, 10, MODEL, replaced[1])  # re-embedded: takes rowid newest
        assert lib.db.execute("SELECT rowid FROM embeddings WHERE file_id = 10").fetchone()[0] == newest
        with caplog.at_level(logging.INFO, logger="acgdesk.vectors.manager"):
            assert manager.search(MODEL, replaced[0], 1)[0][0] == 60
        # Files 10 and 60 read by created_at, 49 and 50 deleted; the 47 others untouched.
        assert "newest vector row of the last sync is gone" in caplog.text
        assert "4 vectors changed" in caplog.text
        assert manager.search(MODEL, replaced[1], 1)[0] == (10, pytest.approx(1.0, abs=1e-5))
        assert 50 not in index and 49 not in index  # their rows were deleted
    assert rebuilds == [MODEL]


def test_exact_search_reads_only_ok_files(filled):
    lib, vecs = filled
    lib.set_status([1, 2, 3], "missing")
    got = exact_search(lib.db.conn, MODEL, vecs[0], 5)
    assert ids_of(got) == ids_of(lib.exact(MODEL, vecs[0], 5)) and 1 not in ids_of(got)


def test_uncommitted_writes_of_the_callers_connection_are_not_indexed(filled, rebuilds):
    """The manager reads through its own connection: a write transaction of the library's
    connection that is rolled back never reaches the index (nor its recorded generation)."""
    lib, _vecs = filled
    with manager_for(lib) as manager:
        generation = manager.index_for(MODEL).generation
        ghost, real = distinct(2, 24, seed=90)
        lib.db.conn.execute("BEGIN IMMEDIATE")
        store_embedding(lib.db.conn, 5, MODEL, ghost)
        assert manager.search(MODEL, ghost, 1)[0][0] != 5
        assert manager.index_for(MODEL).generation == generation
        lib.db.conn.execute("ROLLBACK")
        lib.add(MODEL, [5], real[None, :])
        assert manager.search(MODEL, real, 1)[0] == (5, pytest.approx(1.0, abs=1e-5))
        assert manager.index_for(MODEL).generation == generation + 1
    assert rebuilds == [MODEL]


def test_re_embedding_the_newest_file_needs_no_full_scan(lib, rebuilds, caplog):
    lib.add(MODEL, range(1, 51), clustered(50, 16))
    with manager_for(lib) as manager:
        index = manager.index_for(MODEL)
        assert index.extra["watermark"]["file_id"] == 50
        again = distinct(1, 16, seed=41)
        lib.add(MODEL, [50], again)  # the newest row is replaced: it moves up, nothing is reused
        with caplog.at_level(logging.INFO, logger="acgdesk.vectors.manager"):
            assert manager.search(MODEL, again[0], 1)[0] == (50, pytest.approx(1.0, abs=1e-5))
        assert "newest vector row of the last sync is gone" not in caplog.text
        assert "caught up the index" in caplog.text
    assert rebuilds == [MODEL]
