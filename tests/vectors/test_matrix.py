"""The memory-mapped vector matrix is a cache of SQLite: caught up after commits, rebuilt when damaged,
and exact (the same ranking as numpy over the test's own copy of the vectors)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from acgdesk.vectors.exact import normalise
from acgdesk.vectors.manager import VectorIndexManager
from acgdesk.vectors.matrix import VectorMatrix
from tests.vectors.test_manager import MODEL, Lib, clustered


@pytest.fixture
def rebuilds(monkeypatch):
    calls: list[str] = []
    original = VectorMatrix._rebuild

    def counting(self, conn, dim):
        calls.append(self.model)
        return original(self, conn, dim)

    monkeypatch.setattr(VectorMatrix, "_rebuild", counting)
    return calls


def manager(lib: Lib) -> VectorIndexManager:
    return VectorIndexManager(lib.db, lib.lib.root / "index", exact_max_candidates=10)


def truth(lib: Lib, q: np.ndarray, cands) -> list[int]:
    return [h[0] for h in lib.exact(MODEL, q, 10, list(cands))]


def test_filtered_search_through_the_matrix_is_exact(lib):
    lib.add(MODEL, range(1, 1001), clustered(1000, 32))
    lib.set_status([5, 6, 7], "missing")
    cands = np.arange(1, 1001, 3)
    with manager(lib) as m:
        for q in clustered(5, 32, seed=9):
            got = m.search(MODEL, q, 10, candidate_ids=cands)
            assert [h[0] for h in got] == truth(lib, q, cands)
        assert m.loaded_models() == []  # no HNSW graph was needed
    assert (lib.lib.root / "index").glob("*.f32")


def test_commit_without_save_is_caught_up_not_rebuilt(lib, rebuilds):
    lib.add(MODEL, range(1, 301), clustered(300, 16))
    with manager(lib) as m:
        assert m.matrix(MODEL).count == 300
    assert rebuilds == [MODEL]
    # new vectors, a replaced one and a deleted file, committed while no process had the matrix open
    lib.add(MODEL, range(301, 401), clustered(100, 16, seed=3))
    lib.add(MODEL, [1], clustered(1, 16, seed=4))
    lib.remove_files([2])
    with manager(lib) as m:
        matrix = m.matrix(MODEL)
        assert matrix.count == 399
        ids, rows = matrix.vectors(np.array([1, 2, 350]))
        assert ids.tolist() == [1, 350]
        np.testing.assert_allclose(rows[0], normalise(lib.vectors[(MODEL, 1)])[0][0], atol=1e-6)
    assert rebuilds == [MODEL]


@pytest.mark.parametrize("damage", ["truncate", "syncing", "manifest"])
def test_damaged_or_interrupted_matrix_is_rebuilt(lib, rebuilds, damage):
    lib.add(MODEL, range(1, 201), clustered(200, 16))
    with manager(lib) as m:
        path = m.matrix(MODEL).path
    manifest = path.with_name(path.name + ".json")
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:1000])
    elif damage == "syncing":  # a crash in the middle of an in-place catch-up
        meta = json.loads(manifest.read_text())
        manifest.write_text(json.dumps({**meta, "syncing": True}))
    else:
        manifest.write_text("{not json")
    q = clustered(1, 16, seed=5)[0]
    with manager(lib) as m:
        got = m.search(MODEL, q, 10, candidate_ids=np.arange(1, 201))
    assert rebuilds == [MODEL, MODEL]
    assert [h[0] for h in got] == truth(lib, q, range(1, 201))


def test_model_swap_to_another_dimension_rebuilds(lib, rebuilds):
    lib.add(MODEL, range(1, 101), clustered(100, 16))
    with manager(lib) as m:
        assert m.matrix(MODEL).dim == 16
        lib.add(MODEL, range(1, 101), clustered(100, 24, seed=2))
        assert m.matrix(MODEL).dim == 24
    assert rebuilds == [MODEL, MODEL]
