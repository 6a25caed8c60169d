"""Multi-index hashing finds exactly the pairs a brute-force comparison finds; groups and keepers."""

from __future__ import annotations

import numpy as np
import pytest

from acgdesk.db.connection import transaction, utcnow
from acgdesk.library import Library
from acgdesk.search.duplicates import UnionFind, find_duplicates, phash_pairs


def brute_force(ids, upright, variants, max_distance, rotated_distance):
    out = {}
    for i in range(len(ids)):
        for j in range(len(ids)):
            if i == j:
                continue
            for v in range(8):
                d = int(np.bitwise_count(variants[i, v] ^ upright[j]))
                if d <= (max_distance if v == 0 else rotated_distance):
                    key = (min(ids[i], ids[j]), max(ids[i], ids[j]))
                    out[key] = min(out.get(key, 99), d)
    return out


def flip_bits(rng, value: np.uint64, n: int) -> np.uint64:
    for b in rng.choice(64, size=n, replace=False):
        value ^= np.uint64(1) << np.uint64(int(b))
    return value


@pytest.mark.parametrize(("max_distance", "rotated"), [(0, None), (3, None), (7, None), (10, 10), (9, 5)])
def test_mih_pairs_equal_brute_force(max_distance, rotated):
    rng = np.random.default_rng(max_distance)
    n = 300
    base = rng.integers(0, 2**63, size=n, dtype=np.uint64)
    # near copies at every distance up to 14 bits, some of them "rotated" (found via a variant)
    for i in range(0, 120, 2):
        base[i + 1] = flip_bits(rng, base[i], int(rng.integers(0, 15)))
    variants = rng.integers(0, 2**63, size=(n, 8), dtype=np.uint64)
    variants[:, 0] = base
    for i in range(120, 160, 2):  # i+1 is a rotated copy of i: i's 90° variant matches it
        variants[i, 1] = flip_bits(rng, base[i + 1], int(rng.integers(0, 6)))
    ids = np.arange(1, n + 1, dtype=np.int64) * 3
    a, b, d, _v = phash_pairs(ids, base, variants, max_distance, rotated)
    got = {(int(x), int(y)): int(z) for x, y, z in zip(a, b, d, strict=True)}
    rotated = min(max_distance, 3) if rotated is None else rotated
    assert got == brute_force(ids, base, variants, max_distance, rotated)
    assert len(got) > (0 if max_distance == 0 else 10)


def test_union_find_groups_transitively():
    uf = UnionFind()
    for a, b in [(1, 2), (3, 4), (2, 3), (10, 11)]:
        uf.union(a, b)
    assert sorted(uf.groups()) == [[1, 2, 3, 4], [10, 11]]


def test_groups_exact_and_near_with_keeper_and_nothing_deleted(tmp_path):
    with Library.open(tmp_path / "lib") as lib:
        now = utcnow()
        rows = [  # id, content hash, width, height, size, phash
            (1, "aaa", 100, 100, 10_000, 0x0F0F0F0F0F0F0F0F),
            (2, "aaa", 100, 100, 10_000, 0x0F0F0F0F0F0F0F0F),  # exact copy of 1
            (3, "bbb", 400, 300, 50_000, 0x123456789ABCDEF0),
            (4, "ccc", 200, 150, 20_000, 0x123456789ABCDEF1),  # near copy of 3 (1 bit)
            (5, "ddd", 50, 50, 900, 0xFFFF0000FFFF0000),  # alone
        ]
        with transaction(lib.db) as conn:
            conn.execute("INSERT INTO folders (id, path, added_at) VALUES (1, '/art', ?)", (now,))
            for fid, h, w, hh, size, ph in rows:
                conn.execute(
                    "INSERT INTO files (id, folder_id, path, size, content_hash, width, height, status, "
                    "added_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, 'ok', ?, ?)",
                    (fid, f"/art/{fid}.png", size, h, w, hh, now, now),
                )
                blob = int(ph).to_bytes(8, "big")
                conn.execute(
                    "INSERT INTO image_hashes VALUES (?, ?, ?, ?)", (fid, blob, blob, blob + bytes(56))
                )
        groups = find_duplicates(lib.db.conn)
        assert [(g.kind, sorted(m.file_id for m in g.members)) for g in groups] == [
            ("exact", [1, 2]),
            ("near", [3, 4]),
        ]
        near = groups[1]
        assert near.keeper == 3 and "largest: 400x300" in near.reasons[0]
        assert any("pHash distance 1" in r for m in near.members for r in m.matched_by)
        assert lib.db.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 5
