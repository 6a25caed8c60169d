"""Marks travel: stars out as xmp:Rating in sidecars, in from sidecars and from ratings other
programs embedded in the images (checked with the real exiftool, installed by packaging/setup.sh)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from acgdesk.db.marks import Marks
from acgdesk.library import Library
from tests.watch.conftest import write_image

pytestmark = pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool (libimage-exiftool-perl)")


def exiftool(*args: str) -> str:
    return subprocess.run(["exiftool", *args], check=True, capture_output=True, text=True).stdout


def test_stars_and_rejects_go_out_in_xmp_sidecars_and_come_back_into_another_library(tmp_path):
    art = tmp_path / "art"
    good, bad, plain = (write_image(art / f"{n}.png", seed=i) for i, n in enumerate(("good", "bad", "plain")))
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art])
        lib.curate.rate([str(good)], 4)
        lib.curate.flag([str(bad)], "reject")
        lib.add_tags(str(plain), ["keep_me"])
        lib.export_tags(None, None, fmt="xmp", beside_images=True)
    read = json.loads(exiftool("-j", "-XMP:Rating", str(art / "good.png.xmp"), str(art / "bad.png.xmp")))
    assert [r.get("Rating") for r in read] == [4, -1]
    assert "Rating" not in json.loads(exiftool("-j", "-XMP:Rating", str(art / "plain.png.xmp")))[0]
    with Library.open(tmp_path / "other") as other:  # a second library over the same folder
        other.index([art])
        report = other.import_tags(None)
        assert report.marks_adopted == 2
        assert other.curate.marks_of([str(good), str(bad), str(plain)]) == {
            other._file_id(str(good)): Marks(4),
            other._file_id(str(bad)): Marks(0, False, "reject"),
            other._file_id(str(plain)): Marks(),
        }


def test_ratings_other_programs_embedded_are_taken_at_indexing_and_library_marks_win(tmp_path):
    art = tmp_path / "art"
    lightroom = write_image(art / "lr.jpg", seed=1, fmt="JPEG")
    windows = write_image(art / "win.jpg", seed=2, fmt="JPEG")
    digikam = write_image(art / "dk.png", seed=3)
    exiftool("-overwrite_original", "-XMP-xmp:Rating=5", str(lightroom))
    exiftool("-overwrite_original", "-EXIF:Rating=2", "-EXIF:RatingPercent=25", str(windows))
    exiftool("-overwrite_original", "-XMP-xmp:Rating=-1", str(digikam))
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art])
        assert sorted(lib.query_ids("stars:5") + lib.query_ids("stars:2")) == sorted(
            [lib._file_id(str(lightroom)), lib._file_id(str(windows))]
        )
        assert lib.query_ids("is:reject") == [lib._file_id(str(digikam))]
        lib.curate.rate([str(lightroom)], 3)  # the user's own judgement from now on
        exiftool("-overwrite_original", "-XMP-xmp:Rating=1", str(lightroom))  # bytes change: re-indexed
        lib.index([art])
        assert lib.curate.marks_of([str(lightroom)]) == {lib._file_id(str(lightroom)): Marks(3)}
