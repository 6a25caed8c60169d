"""The hnswlib wrapper: adding, replacing, deleting, growing, filtering, saving and loading."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from acgdesk.vectors.exact import TopK, exact_search, normalise, top_k
from acgdesk.vectors.hnsw_index import (
    MIN_CAPACITY,
    HnswIndex,
    HnswParams,
    IndexCorruptError,
    IndexMismatchError,
    manifest_path,
)


def clustered(n: int, dim: int, seed: int = 0, clusters: int = 20) -> np.ndarray:
    """Unit vectors around a few centres (neighbourhoods mean something, unlike pure noise)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, dim))
    points = centres[rng.integers(0, clusters, n)] + 0.35 * rng.standard_normal((n, dim))
    return normalise(points.astype(np.float32))[0]


def ids_of(hits: list[tuple[int, float]]) -> list[int]:
    return [h[0] for h in hits]


@pytest.fixture
def small() -> tuple[np.ndarray, np.ndarray, HnswIndex]:
    vecs = clustered(600, 16)
    ids = np.arange(600) + 1
    index = HnswIndex(16, params=HnswParams(M=16, ef_construction=200), model="m@1")
    index.add(ids, vecs)
    return ids, vecs, index


def test_search_matches_exact_ranking_and_similarities(small):
    ids, vecs, index = small
    queries = clustered(20, 16, seed=5)
    for q in queries:
        got = index.search(q, 10, ef=400)
        want = top_k(q, ids, vecs, 10)
        assert ids_of(got) == ids_of(want)
        np.testing.assert_allclose([s for _, s in got], [s for _, s in want], atol=1e-5)


def test_ef_adapts_to_k():
    params = HnswParams(ef_min=64, ef_min_filtered=32, ef_per_k=4)
    assert params.ef_for(1) == 64
    assert params.ef_for(10) == 64
    assert params.ef_for(50) == 200
    assert params.ef_for(5, filtered=True) == 32
    assert HnswParams().ef_for(10) == 200 and HnswParams().ef_for(300) == 600


def test_unnormalised_input_is_normalised_and_zero_vectors_refused():
    index = HnswIndex(4)
    index.add([1, 2], np.array([[3.0, 0, 0, 0], [0, 0, 5.0, 0]]))
    hits = index.search([2.0, 0, 0, 0], 1)
    assert hits[0][0] == 1 and hits[0][1] == pytest.approx(1.0)
    with pytest.raises(ValueError):
        index.add([3], np.zeros((1, 4)))
    with pytest.raises(ValueError):
        index.search(np.zeros(4), 1)
    with pytest.raises(ValueError):
        index.add([4], np.ones((1, 5)))
    assert len(index) == 2


def test_growth_beyond_capacity_doubles_without_rebuilding():
    dim = 8
    index = HnswIndex(dim)
    graph = index._graph
    assert index.capacity == MIN_CAPACITY
    vecs = clustered(3 * MIN_CAPACITY, dim, seed=1)
    for start in range(0, len(vecs), 500):
        index.add(np.arange(start, min(start + 500, len(vecs))) + 1, vecs[start : start + 500])
    assert index._graph is graph  # the same graph, grown: nothing was rebuilt
    assert index.capacity == 4 * MIN_CAPACITY  # 1024 -> 2048 -> 4096
    assert len(index) == index.elements == len(vecs)
    for i in range(0, len(vecs), 97):
        assert index.search(vecs[i], 1)[0][0] == i + 1


def test_deleted_ids_are_never_returned_and_their_slots_are_reused(small):
    _ids, vecs, index = small
    target = vecs[10]
    assert index.search(target, 1)[0][0] == 11
    assert index.delete([11, 12, 99999]) == 2  # unknown ids are ignored
    assert 11 not in index and len(index) == 598 and index.deleted_count == 2
    assert 11 not in ids_of(index.search(target, 50))
    assert index.delete([11]) == 0  # deleting twice is harmless
    elements, capacity = index.elements, index.capacity
    index.add([5000, 5001], clustered(2, 16, seed=9))
    assert (index.elements, index.capacity) == (elements, capacity)  # took the two free slots
    assert index.deleted_count == 0 and len(index) == 600
    assert 5000 in index and 5001 in index


def test_a_deleted_id_can_come_back(small):
    _ids, vecs, index = small
    index.delete([11])
    index.add([11], vecs[10:11])
    assert index.search(vecs[10], 1)[0][0] == 11
    assert len(index) == 600 and index.deleted_count == 0


def test_updating_a_live_id_while_slots_are_free_leaves_no_duplicate(small):
    # hnswlib's replace_deleted would put the new vector in a free slot and leave the old one
    # behind (returned twice); the wrapper updates live ids in place.
    _ids, vecs, index = small
    index.delete([1, 2, 3])
    index.add([50], vecs[400:401])
    hits = index.search(vecs[400], 20, ef=200)
    assert len(set(ids_of(hits))) == len(hits)
    assert set(ids_of(hits[:2])) == {50, 401}
    assert 50 not in ids_of(index.search(vecs[49], 5))  # not found at its old place any more


def test_repeated_ids_in_one_batch_keep_the_last_vector():
    index = HnswIndex(4)
    index.add([7, 7], np.array([[1.0, 0, 0, 0], [0, 1.0, 0, 0]]))
    assert len(index) == 1
    assert index.search([0, 1.0, 0, 0], 1)[0] == (7, pytest.approx(1.0))


@pytest.mark.parametrize("as_array", [False, True])
def test_filtered_search_returns_the_best_allowed_ids(small, as_array):
    ids, vecs, index = small
    rng = np.random.default_rng(3)
    allowed = np.sort(rng.choice(ids, size=150, replace=False))
    q = clustered(1, 16, seed=11)[0]
    flt = allowed if as_array else set(allowed.tolist())
    got = index.search(q, 10, filter_ids=flt, ef=300)
    want = top_k(q, allowed, vecs[allowed - 1], 10)
    assert set(ids_of(got)) <= set(allowed.tolist())
    assert ids_of(got) == ids_of(want)


def test_filter_with_fewer_matches_than_k(small):
    _ids, vecs, index = small
    index.delete([3])
    got = index.search(vecs[0], 10, filter_ids={1, 2, 3, 10**9})
    assert sorted(ids_of(got)) == [1, 2]
    assert index.search(vecs[0], 10, filter_ids=set()) == []
    assert index.search(vecs[0], 10, filter_ids=np.array([3, 10**9])) == []


def test_compaction_needed_above_the_deleted_share(small):
    ids, _vecs, index = small
    assert not index.compaction_needed()
    index.delete(ids[:100])  # 100 / 600 = 17 %
    assert not index.compaction_needed(0.2)
    index.delete(ids[100:130])  # 130 / 600 = 22 %
    assert index.compaction_needed(0.2)


def test_save_and_load_round_trip(tmp_path, small):
    _ids, vecs, index = small
    index.delete([5, 6])
    index.generation = 42
    index.extra["watermark"] = {"rowid": 7}
    path = index.save(tmp_path / "m.hnsw")
    manifest = json.loads(manifest_path(path).read_text())
    assert manifest["model"] == "m@1" and manifest["dim"] == 16 and manifest["generation"] == 42
    assert manifest["count"] == 598 and manifest["deleted"] == 2 and manifest["deleted_ids"] == [5, 6]
    assert manifest["checksum"].startswith("blake3:") and manifest["params"]["M"] == 16
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.hnsw", "m.hnsw.json"]  # no temporaries

    loaded = HnswIndex.load(path, model="m@1", dim=16)
    assert (len(loaded), loaded.deleted_count, loaded.generation) == (598, 2, 42)
    assert loaded.extra == {"watermark": {"rowid": 7}}
    assert 5 not in loaded and 7 in loaded
    q = clustered(1, 16, seed=2)[0]
    assert loaded.search(q, 10) == index.search(q, 10)
    assert 5 not in ids_of(loaded.search(vecs[4], 20))
    loaded.add([5], vecs[4:5])  # a marked id loaded from disk can be re-added
    assert loaded.search(vecs[4], 1)[0][0] == 5


def _saved(tmp_path, small) -> tuple:
    _ids, _vecs, index = small
    return index.save(tmp_path / "m.hnsw"), index


def test_flipped_bytes_are_detected(tmp_path, small):
    path, _ = _saved(tmp_path, small)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="checksum"):
        HnswIndex.load(path)


def test_truncated_file_is_detected(tmp_path, small):
    path, _ = _saved(tmp_path, small)
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 3)
    with pytest.raises(IndexCorruptError):
        HnswIndex.load(path)


@pytest.mark.parametrize("text", ["", "{not json", "[]", '{"format": 1}'])
def test_damaged_manifest_is_detected(tmp_path, small, text):
    path, _ = _saved(tmp_path, small)
    manifest_path(path).write_text(text)
    with pytest.raises(IndexCorruptError):
        HnswIndex.load(path)


def test_missing_pieces_raise_file_not_found(tmp_path, small):
    path, _ = _saved(tmp_path, small)
    manifest_path(path).unlink()
    with pytest.raises(FileNotFoundError):
        HnswIndex.load(path)
    with pytest.raises(FileNotFoundError):
        HnswIndex.load(tmp_path / "absent.hnsw")


def test_another_model_or_dimension_is_a_mismatch(tmp_path, small):
    path, _ = _saved(tmp_path, small)
    with pytest.raises(IndexMismatchError):
        HnswIndex.load(path, model="other@1")
    with pytest.raises(IndexMismatchError):
        HnswIndex.load(path, dim=32)
    assert len(HnswIndex.load(path, model="m@1", dim=16)) == 600


def test_crash_between_the_two_renames_is_detected(tmp_path, small, monkeypatch):
    path, index = _saved(tmp_path, small)
    index.add([9000], clustered(1, 16, seed=4))
    real_replace = os.replace
    calls = []

    def replace_then_die(src, dst):
        calls.append(dst)
        if len(calls) == 2:  # the graph is in place, the manifest is not
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        index.save(path)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.hnsw", "m.hnsw.json"]
    with pytest.raises(IndexCorruptError):
        HnswIndex.load(path)


def test_top_k_accumulator_keeps_the_best_across_chunks():
    rng = np.random.default_rng(0)
    vecs = normalise(rng.standard_normal((1000, 8)).astype(np.float32))[0]
    queries = normalise(rng.standard_normal((3, 8)).astype(np.float32))[0]
    acc = TopK(queries, 5)
    for start in range(0, 1000, 128):
        acc.update(np.arange(start, min(start + 128, 1000)), vecs[start : start + 128])
    ids, sims = acc.result()
    full = queries @ vecs.T
    for row in range(3):
        want = np.argsort(-full[row])[:5]
        assert ids[row].tolist() == want.tolist()
        np.testing.assert_allclose(sims[row], full[row][want], rtol=1e-6)


def test_exact_search_on_a_model_without_vectors_is_empty(tmp_path):
    from acgdesk.library import Library

    with Library.open(tmp_path / "lib") as lib:
        assert exact_search(lib.db.conn, "none@1", np.ones(4), 5) == []
