"""A person's judgement of a file: stars 0-5, favourite, and a pick / reject flag.

Kept apart from the model's content rating (``rating:``) and from tags: these are what the user says
about liking an image. One row per marked file, keyed by the file's id, so marks follow the row
through moves, renames and restores exactly like user tags do; an unmarked file has no row
(``stars`` 0, not a favourite, no flag). In XMP the stars are ``xmp:Rating`` and a reject is -1.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from acgdesk.db.connection import utcnow

FLAGS = ("pick", "reject")

SCHEMA = (
    "CREATE TABLE marks (file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, "
    "stars INTEGER NOT NULL DEFAULT 0 CHECK (stars BETWEEN 0 AND 5), "
    "favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)), "
    "flag TEXT CHECK (flag IN ('pick', 'reject')), "
    "updated_at TEXT NOT NULL)",
    "CREATE INDEX marks_stars ON marks(stars)",
    "CREATE INDEX marks_flag ON marks(flag)",
)


@dataclass(frozen=True)
class Marks:
    stars: int = 0
    favourite: bool = False
    flag: str | None = None  # "pick" | "reject" | None

    @property
    def empty(self) -> bool:
        return self == Marks()

    @property
    def xmp_rating(self) -> int | None:
        """``xmp:Rating`` as digiKam, Lightroom and darktable read it: -1 rejected, 0-5 stars."""
        if self.flag == "reject":
            return -1
        return self.stars

    def to_dict(self) -> dict[str, object]:
        return {"stars": self.stars, "favourite": self.favourite, "flag": self.flag}

    @classmethod
    def from_dict(cls, d: Mapping[str, object]) -> Marks:
        stars, flag = d.get("stars", 0), d.get("flag")
        count = int(stars) if isinstance(stars, int | str) else 0
        return cls(count, bool(d.get("favourite")), flag_or_none(flag))


def flag_or_none(value: object) -> str | None:
    if value in (None, ""):
        return None
    if value not in FLAGS:
        raise ValueError(f"flag must be one of {', '.join(FLAGS)}, not {value!r}")
    return str(value)


def check_stars(stars: int) -> int:
    if isinstance(stars, bool) or not isinstance(stars, int) or not 0 <= stars <= 5:
        raise ValueError(f"stars must be a whole number from 0 to 5, not {stars!r}")
    return stars


def get_marks(conn: sqlite3.Connection, file_ids: Iterable[int]) -> dict[int, Marks]:
    """Marks of each id (an unmarked file gets ``Marks()``)."""
    ids = [int(i) for i in file_ids]
    out = {i: Marks() for i in ids}
    for start in range(0, len(ids), 900):
        part = ids[start : start + 900]
        marks = ",".join("?" * len(part))
        sql = f"SELECT file_id, stars, favourite, flag FROM marks WHERE file_id IN ({marks})"
        rows = conn.execute(sql, part)
        for file_id, stars, fav, flag in rows:
            out[int(file_id)] = Marks(int(stars), bool(fav), flag)
    return out


def put_marks(conn: sqlite3.Connection, marks: Mapping[int, Marks]) -> None:
    """Store each file's marks as given (an empty ``Marks()`` removes the row)."""
    now = utcnow()
    empty = [(i,) for i, m in marks.items() if m.empty]
    full = [(i, m.stars, int(m.favourite), m.flag, now) for i, m in marks.items() if not m.empty]
    conn.executemany("DELETE FROM marks WHERE file_id = ?", empty)
    conn.executemany(
        "INSERT INTO marks (file_id, stars, favourite, flag, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(file_id) DO UPDATE SET stars = excluded.stars, favourite = excluded.favourite, "
        "flag = excluded.flag, updated_at = excluded.updated_at",
        full,
    )


def change_marks(
    conn: sqlite3.Connection,
    file_ids: Sequence[int],
    *,
    stars: int | None = None,
    favourite: bool | None = None,
    flag: str | type[...] | None = ...,
) -> tuple[dict[int, Marks], dict[int, Marks]]:
    """Set some marks of many files at once; returns (before, after) for undo. ``flag=None`` clears
    the flag, leaving it out keeps it."""
    if stars is not None:
        check_stars(stars)
    if flag is not ...:
        flag = flag_or_none(flag)
    before = get_marks(conn, file_ids)
    after: dict[int, Marks] = {}
    for file_id, m in before.items():
        new = m
        if stars is not None:
            new = replace(new, stars=stars)
        if favourite is not None:
            new = replace(new, favourite=favourite)
        if flag is not ...:
            new = replace(new, flag=flag)  # type: ignore[arg-type]
        if new != m:
            after[file_id] = new
    put_marks(conn, after)
    return {i: before[i] for i in after}, after


def marked_files(conn: sqlite3.Connection) -> list[tuple[int, Marks]]:
    """Every marked file (what the taste model learns from)."""
    rows = conn.execute("SELECT file_id, stars, favourite, flag FROM marks ORDER BY file_id")
    return [(int(r[0]), Marks(int(r[1]), bool(r[2]), r[3])) for r in rows]


def mark_counts(conn: sqlite3.Connection) -> dict[str, int]:
    row = conn.execute(
        "SELECT COUNT(*), SUM(stars > 0), SUM(favourite), SUM(flag = 'pick'), SUM(flag = 'reject') FROM marks"
    ).fetchone()
    keys = ("marked", "starred", "favourites", "picks", "rejects")
    return {k: int(v or 0) for k, v in zip(keys, row, strict=True)}


def adopt_marks(conn: sqlite3.Connection, file_id: int, marks: Marks) -> bool:
    """Marks another program stored in the file (an embedded XMP or EXIF rating), taken only while
    the file has none in the library: once marked here, the library's marks win. True if taken."""
    if marks.empty:
        return False
    cur = conn.execute(
        "INSERT OR IGNORE INTO marks (file_id, stars, favourite, flag, updated_at) VALUES (?, ?, ?, ?, ?)",
        (file_id, marks.stars, int(marks.favourite), marks.flag, utcnow()),
    )
    return cur.rowcount > 0
