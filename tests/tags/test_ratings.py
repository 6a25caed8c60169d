"""Ratings other tools leave in files: XMP sidecars, XMP embedded in images, Windows' EXIF tags.

Files are real (made with Pillow) and ratings are written into them with the real ``exiftool``, the
way digiKam, Lightroom, darktable and Windows store them; metadata is then extracted the way the
indexer does (:func:`acgdesk.imaging.decode.decode_image` on the file's bytes). Sidecars this code
writes are read back with ``exiftool`` too.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from acgdesk.db.marks import Marks
from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.metadata import ImageMetadata
from acgdesk.tags import xmp
from acgdesk.tags.captions import CaptionOptions
from acgdesk.tags.ratings import (
    embedded_rating,
    marks_from_rating,
    rating_from_exif,
    rating_from_xmp,
    read_xmp_rating,
    stars_from_percent,
)
from acgdesk.tags.sidecars import export_sidecars, read_sidecar, read_sidecar_file
from acgdesk.tags.xmp import merge_xmp, read_xmp_subjects, write_xmp
from tests.tags import build_library

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(
    EXIFTOOL is None, reason="exiftool is not installed (packaging/setup.sh installs libimage-exiftool-perl)"
)

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
XMP_NS = "{http://ns.adobe.com/xap/1.0/}"
DT = "{http://darktable.sf.net/}"
FORMATS = ["jpg", "png", "webp", "tif"]  # all of them writable by exiftool


def exiftool(*args: str | Path) -> str:
    proc = subprocess.run(
        [EXIFTOOL or "exiftool", *map(str, args)], capture_output=True, text=True, check=False, timeout=60
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def exif_write(path: Path, *assignments: str) -> None:
    exiftool("-q", "-overwrite_original", *assignments, path)


def exiftool_rating(path: Path, tag: str = "-XMP:Rating") -> object:
    """What exiftool reads for ``tag`` (numbers as numbers; None when the file has no such tag)."""
    (record,) = json.loads(exiftool("-j", "-n", tag, path))
    return record.get(tag.split(":")[-1])


def make_image(path: Path) -> Path:
    Image.new("RGB", (40, 30), (200, 120, 40)).save(path)
    return path


def indexed(path: Path) -> ImageMetadata:
    """Metadata as the indexer extracts it (ingest.process_file passes the file's bytes)."""
    return decode_image(path.read_bytes(), name_hint=str(path)).metadata


# -- ratings written by other tools, read the way the indexer reads files --------------------------


@needs_exiftool
@pytest.mark.parametrize("fmt", FORMATS)
def test_xmp_rating_written_by_exiftool_is_read_from_every_format(tmp_path, fmt):
    path = make_image(tmp_path / f"a.{fmt}")
    exif_write(path, "-XMP-xmp:Rating=4")
    assert exiftool_rating(path) == 4
    meta = indexed(path)
    assert meta.xmp and "Rating" in meta.xmp
    assert embedded_rating(meta) == 4


@needs_exiftool
@pytest.mark.parametrize("fmt", FORMATS)
def test_reject_in_embedded_xmp_is_minus_one(tmp_path, fmt):
    path = make_image(tmp_path / f"a.{fmt}")
    exif_write(path, "-XMP-xmp:Rating=-1")
    assert embedded_rating(indexed(path)) == -1
    assert marks_from_rating(embedded_rating(indexed(path))) == Marks(flag="reject")


@needs_exiftool
@pytest.mark.parametrize(("percent", "stars"), [(0, 0), (1, 1), (25, 2), (50, 3), (75, 4), (99, 5)])
def test_microsoft_photo_rating_percent_maps_to_stars(tmp_path, percent, stars):
    path = make_image(tmp_path / "win.jpg")
    exif_write(path, f"-XMP-microsoft:RatingPercent={percent}")
    assert exiftool_rating(path, "-XMP-microsoft:RatingPercent") == percent
    meta = indexed(path)
    assert "MicrosoftPhoto:Rating" in (meta.xmp or "")
    assert embedded_rating(meta) == stars


@needs_exiftool
def test_xmp_rating_wins_over_microsoft_photo_rating(tmp_path):
    path = make_image(tmp_path / "both.png")
    exif_write(path, "-XMP-xmp:Rating=2", "-XMP-microsoft:RatingPercent=99")
    assert embedded_rating(indexed(path)) == 2


@needs_exiftool
@pytest.mark.parametrize("fmt", FORMATS)
def test_windows_exif_rating_and_percent(tmp_path, fmt):
    path = make_image(tmp_path / f"w.{fmt}")
    exif_write(path, "-EXIF:Rating=3", "-EXIF:RatingPercent=50")
    assert exiftool_rating(path, "-EXIF:Rating") == 3
    meta = indexed(path)
    assert meta.exif["Rating"] == 3 and meta.exif["RatingPercent"] == 50
    assert meta.xmp is None  # only EXIF here
    assert embedded_rating(meta) == 3


@needs_exiftool
def test_windows_exif_rating_percent_alone(tmp_path):
    path = make_image(tmp_path / "p.jpg")
    exif_write(path, "-EXIF:RatingPercent=75")
    meta = indexed(path)
    assert "Rating" not in meta.exif
    assert embedded_rating(meta) == 4


@needs_exiftool
def test_xmp_comes_before_exif(tmp_path):
    path = make_image(tmp_path / "x.jpg")
    exif_write(path, "-XMP-xmp:Rating=5", "-EXIF:Rating=1", "-EXIF:RatingPercent=1")
    assert embedded_rating(indexed(path)) == 5


@needs_exiftool
def test_file_without_a_rating_has_none(tmp_path):
    path = make_image(tmp_path / "n.jpg")
    exif_write(path, "-XMP-dc:Subject=miku", "-EXIF:Artist=someone")
    meta = indexed(path)
    assert meta.xmp and meta.exif.get("Artist") == "someone"
    assert embedded_rating(meta) is None


# digiKam (through Exiv2) writes xmp:Rating and MicrosoftPhoto:Rating side by side; here both are
# elements, with the Windows namespace spelling (trailing slash) Exiv2 uses.
DIGIKAM_PACKET = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:digiKam="http://www.digikam.org/ns/1.0/"
    xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/">
   <xmp:Rating>{rating}</xmp:Rating>
   <MicrosoftPhoto:Rating>{percent}</MicrosoftPhoto:Rating>
   <digiKam:TagsList>
    <rdf:Seq>
     <rdf:li>Characters/Hatsune Miku</rdf:li>
    </rdf:Seq>
   </digiKam:TagsList>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Hatsune Miku</rdf:li>
    </rdf:Bag>
   </dc:subject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


@needs_exiftool
@pytest.mark.parametrize("fmt", ["jpg", "png", "tif"])
def test_digikam_packet_with_rating_elements_embedded(tmp_path, fmt):
    packet = tmp_path / "digikam.xmp"
    packet.write_text(DIGIKAM_PACKET.format(rating=3, percent=50), encoding="utf-8")
    path = make_image(tmp_path / f"dk.{fmt}")
    exiftool("-q", "-overwrite_original", f"-XMP<={packet}", path)  # the packet block as it is
    assert exiftool_rating(path) == 3
    meta = indexed(path)
    assert "<xmp:Rating>3</xmp:Rating>" in (meta.xmp or "")
    assert embedded_rating(meta) == 3


WINDOWS_PACKET = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="uuid:faf5bdd5-ba3d-11da-ad31-d33d75182f1b"
 xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/"><MicrosoftPhoto:Rating>{percent}</MicrosoftPhoto:Rating>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""


@needs_exiftool
def test_windows_packet_with_only_microsoft_photo_rating(tmp_path):
    packet = tmp_path / "win.xmp"
    packet.write_text(WINDOWS_PACKET.format(percent=25), encoding="utf-8")
    path = make_image(tmp_path / "win.jpg")
    exiftool("-q", "-overwrite_original", f"-XMP<={packet}", path)
    assert exiftool_rating(path, "-XMP-microsoft:RatingPercent") == 25
    assert embedded_rating(indexed(path)) == 2


# -- sidecars other tools write ---------------------------------------------------------------------

DARKTABLE_SIDECAR = b"""<?xml version="1.0" encoding="UTF-8"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:darktable="http://darktable.sf.net/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
   xmp:Rating="RATING"
   xmpMM:DerivedFrom="miku.png"
   darktable:xmp_version="5"
   darktable:raw_params="0"
   darktable:auto_presets_applied="1"
   darktable:history_end="2">
   <darktable:history>
    <rdf:Seq>
     <rdf:li darktable:num="0" darktable:operation="exposure" darktable:enabled="1"
      darktable:modversion="6" darktable:params="0000000000000000" darktable:multi_name=""
      darktable:multi_priority="0"/>
     <rdf:li darktable:num="1" darktable:operation="colorbalancergb" darktable:enabled="1"
      darktable:modversion="5" darktable:params="gz12eJxjYGBgkGAAgRNODKQDAA" darktable:multi_name=""
      darktable:multi_priority="0"/>
    </rdf:Seq>
   </darktable:history>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>hatsune miku</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>darktable|format|png</rdf:li>
     <rdf:li>hatsune miku</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""


def darktable_sidecar(rating: int) -> bytes:
    return DARKTABLE_SIDECAR.replace(b"RATING", str(rating).encode())


# Lightroom Classic: one description, simple properties as attributes, develop settings alongside.
LIGHTROOM_SIDECAR = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0-c000 1.000000">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
   xmp:CreatorTool="Adobe Photoshop Lightroom Classic 13.0 (Windows)"
   xmp:Rating="-1"
   crs:Version="16.0"
   crs:Exposure2012="+0.35">
   <xmpMM:History>
    <rdf:Seq>
     <rdf:li stEvt:action="saved" stEvt:softwareAgent="Adobe Photoshop Lightroom Classic 13.0"/>
    </rdf:Seq>
   </xmpMM:History>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Kagamine Rin</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>People|Kagamine Rin</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""


@needs_exiftool
def test_darktable_sidecar_rating_attribute(tmp_path):
    make_image(tmp_path / "miku.png")
    sidecar = tmp_path / "miku.png.xmp"
    sidecar.write_bytes(darktable_sidecar(1))
    assert exiftool_rating(sidecar) == 1  # exiftool agrees it is a valid sidecar with that rating
    assert read_sidecar_file(str(sidecar)) == (["hatsune_miku"], 1)
    assert read_sidecar(sidecar.read_bytes()) == (["hatsune miku"], 1)
    assert marks_from_rating(1) == Marks(stars=1)


@needs_exiftool
def test_lightroom_sidecar_reject(tmp_path):
    make_image(tmp_path / "rin.png")
    sidecar = tmp_path / "rin.xmp"  # Lightroom names sidecars after the stem
    sidecar.write_bytes(LIGHTROOM_SIDECAR)
    assert exiftool_rating(sidecar) == -1
    assert read_sidecar_file(str(sidecar)) == (["kagamine_rin"], -1)
    assert marks_from_rating(-1) == Marks(flag="reject")


@needs_exiftool
def test_sidecar_written_by_exiftool(tmp_path):
    image = make_image(tmp_path / "rin.png")
    sidecar = tmp_path / "rin.xmp"
    exiftool(
        "-q", "-o", sidecar, "-XMP-xmp:Rating=-1", "-XMP-lr:HierarchicalSubject=People|Kagamine Rin", image
    )
    assert exiftool_rating(sidecar) == -1
    assert read_sidecar_file(str(sidecar)) == (["kagamine_rin"], -1)


def test_caption_sidecar_has_no_rating_and_missing_sidecar_is_none(tmp_path):
    (tmp_path / "a.txt").write_text("hatsune miku, 1girl\n", encoding="utf-8")
    assert read_sidecar_file(str(tmp_path / "a.txt")) == (["hatsune_miku", "1girl"], None)
    assert read_sidecar_file(str(tmp_path / "none.xmp")) is None


def test_read_sidecar_raises_for_malformed_xmp():
    with pytest.raises(ValueError, match="malformed XMP"):
        read_sidecar(b"<x:xmpmeta")
    with pytest.raises(ValueError, match="malformed XMP"):
        read_xmp_rating(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "5">]><x>&a;</x>')


# -- sidecars this code writes, read back by exiftool ----------------------------------------------


@pytest.fixture
def env(tmp_path):
    lib, art, rows = build_library(tmp_path)
    yield lib, art, rows
    lib.close()


def export_xmp(lib, rows, **kw):
    kw.setdefault("options", CaptionOptions())
    return export_sidecars(lib.db, list(rows), None, fmt="xmp", beside_images=True, **kw)


def darktable_history_ops(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    (history,) = root.iter(f"{DT}history")
    return [li.get(f"{DT}operation") for li in history.iter(f"{RDF}li")]


@needs_exiftool
def test_export_writes_ratings_exiftool_reads(env):
    lib, art, rows = env
    miku, rin = rows["miku.png"], rows["rin.jpg"]
    report = export_xmp(lib, [miku, rin], ratings={miku["id"]: 5, rin["id"]: -1})
    assert sorted(report.written) == sorted([str(art / "miku.png.xmp"), str(art / "sub" / "rin.jpg.xmp")])
    assert exiftool_rating(art / "miku.png.xmp") == 5
    assert exiftool_rating(art / "sub" / "rin.jpg.xmp") == -1
    subjects, rating = read_sidecar((art / "miku.png.xmp").read_bytes())
    assert rating == 5 and "hatsune miku" in subjects


@needs_exiftool
def test_export_merges_rating_into_a_darktable_sidecar(env):
    lib, art, rows = env
    sidecar = art / "miku.png.xmp"
    sidecar.write_bytes(darktable_sidecar(2))
    assert exiftool_rating(sidecar) == 2
    miku = rows["miku.png"]
    report = export_xmp(
        lib, [miku], ratings=lambda file_id: 5 if file_id == miku["id"] else None, overwrite=True
    )
    assert report.written == [str(sidecar)]
    merged = sidecar.read_bytes()
    assert exiftool_rating(sidecar) == 5
    assert merged.count(b"Rating") == 1
    assert darktable_history_ops(merged) == ["exposure", "colorbalancergb"]
    desc = next(ET.fromstring(merged).iter(f"{RDF}Description"))
    assert desc.get(f"{DT}history_end") == "2" and desc.get(f"{DT}xmp_version") == "5"
    assert "hatsune miku" in read_xmp_subjects(merged)

    # reject, merged again: still one rating, -1, history untouched
    export_xmp(lib, [miku], ratings={miku["id"]: -1}, overwrite=True)
    assert exiftool_rating(sidecar) == -1
    assert darktable_history_ops(sidecar.read_bytes()) == ["exposure", "colorbalancergb"]


@needs_exiftool
def test_export_without_ratings_keeps_the_sidecars_rating(env):
    lib, art, rows = env
    sidecar = art / "miku.png.xmp"
    sidecar.write_bytes(darktable_sidecar(2))
    export_xmp(lib, [rows["miku.png"]], overwrite=True)
    assert exiftool_rating(sidecar) == 2
    export_xmp(lib, [rows["miku.png"]], ratings={}, overwrite=True)  # an id left out: None
    assert exiftool_rating(sidecar) == 2


@needs_exiftool
def test_untagged_file_gets_a_sidecar_for_its_rating_and_keeps_existing_keywords(env):
    lib, art, rows = env
    plain = rows["plain.webp"]
    sidecar = art / "plain.webp.xmp"
    report = export_xmp(lib, [plain], ratings={plain["id"]: 0})
    assert report.skipped_no_tags == [plain["path"]] and not sidecar.exists()
    report = export_xmp(lib, [plain], ratings={plain["id"]: 3})
    assert report.written == [str(sidecar)]
    assert exiftool_rating(sidecar) == 3 and read_sidecar(sidecar.read_bytes()) == ([], 3)

    sidecar.write_bytes(darktable_sidecar(1))  # someone else's keywords: kept, only the rating changes
    export_xmp(lib, [plain], ratings={plain["id"]: 4}, overwrite=True)
    assert read_sidecar(sidecar.read_bytes()) == (["hatsune miku"], 4)
    assert exiftool_rating(sidecar) == 4
    assert darktable_history_ops(sidecar.read_bytes()) == ["exposure", "colorbalancergb"]


def test_txt_export_ignores_ratings(env):
    lib, art, rows = env
    plain = rows["plain.webp"]
    report = export_sidecars(lib.db, [plain], None, fmt="txt", beside_images=True, ratings={plain["id"]: 5})
    assert report.skipped_no_tags == [plain["path"]] and not (art / "plain.txt").exists()


# -- merging ratings into packets in other shapes ---------------------------------------------------


@needs_exiftool
def test_merge_replaces_a_rating_element_and_rewrites_microsoft_percent(tmp_path):
    sidecar = tmp_path / "dk.jpg.xmp"
    merged = merge_xmp(DIGIKAM_PACKET.format(rating=1, percent=1).encode(), ["solo"], rating=4)
    sidecar.write_bytes(merged)
    assert exiftool_rating(sidecar) == 4
    assert exiftool_rating(sidecar, "-XMP-microsoft:RatingPercent") == 75
    assert b"<xmp:Rating>" not in merged and merged.count(b"xmp:Rating=") == 1
    assert read_sidecar(merged) == (["solo"], 4)

    rejected = merge_xmp(merged, None, rating=-1)  # Windows has no reject: its percent goes
    sidecar.write_bytes(rejected)
    assert exiftool_rating(sidecar) == -1
    assert exiftool_rating(sidecar, "-XMP-microsoft:RatingPercent") is None
    assert read_sidecar(rejected) == (["solo"], -1)


@needs_exiftool
def test_merge_into_exiftool_sidecar_with_separate_descriptions(tmp_path):
    image = make_image(tmp_path / "a.png")
    sidecar = tmp_path / "a.png.xmp"
    exiftool(
        "-q",
        "-o",
        sidecar,
        "-XMP-xmp:Rating=2",
        "-XMP-microsoft:RatingPercent=25",
        "-XMP-dc:Subject=x",
        image,
    )
    merged = merge_xmp(sidecar.read_bytes(), ["y"], rating=5)
    sidecar.write_bytes(merged)
    assert exiftool_rating(sidecar) == 5
    assert exiftool_rating(sidecar, "-XMP-microsoft:RatingPercent") == 99
    assert read_sidecar(merged) == (["y"], 5)


def test_write_xmp_rating_round_trip():
    for rating in (-1, 0, 1, 5):
        assert read_sidecar(write_xmp(["a"], rating=rating)) == (["a"], rating)
    assert read_sidecar(write_xmp(["a"])) == (["a"], None)


# -- the parsing rules ------------------------------------------------------------------------------


def packet(description_attrs: str = "", body: str = "", extra_ns: str = "") -> str:
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
        f'xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/" {extra_ns} {description_attrs}>{body}'
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (packet('xmp:Rating="3"'), 3),
        (packet(body="<xmp:Rating>2</xmp:Rating>"), 2),
        (packet(body="<xmp:Rating> 4.0 </xmp:Rating>"), 4),
        (packet('xmp:Rating="4.5"'), 5),  # rounded half up
        (packet('xmp:Rating="-1"'), -1),
        (packet('xmp:Rating="0"'), 0),
        (packet('xmp:Rating="7"'), None),  # out of range: ignored
        (packet('xmp:Rating="-3"'), None),
        (packet('xmp:Rating="nan"'), None),
        (packet('xmp:Rating="lots"'), None),
        (packet('xmp:Rating="9" MicrosoftPhoto:Rating="50"'), 3),  # a bad xmp:Rating does not hide it
        (packet('xmp:Rating="1" MicrosoftPhoto:Rating="99"'), 1),
        (packet(body="<MicrosoftPhoto:Rating>88</MicrosoftPhoto:Rating>"), 5),
        (packet('MicrosoftPhoto:Rating="150"'), None),
        (packet(body='<xmp:Rating rdf:parseType="Resource"><rdf:value>2</rdf:value></xmp:Rating>'), 2),
        # the old ``xap`` prefix for the same namespace
        (packet('xap:Rating="3"', extra_ns='xmlns:xap="http://ns.adobe.com/xap/1.0/"'), 3),
        # ExifTool's spelling of the Microsoft namespace (no trailing slash)
        (packet('mp:Rating="75"', extra_ns='xmlns:mp="http://ns.microsoft.com/photo/1.0"'), 4),
        # a Rating of another namespace is not a rating
        (packet('o:Rating="4"', extra_ns='xmlns:o="http://example.com/other/"'), None),
        (packet(), None),
    ],
)
def test_rating_from_xmp(text, expected):
    assert rating_from_xmp(text) == expected
    assert rating_from_xmp(text.encode()) == expected


def test_rating_of_a_document_in_the_history_or_pantry_is_not_the_files():
    body = (
        '<xmpMM:Pantry xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"><rdf:Bag><rdf:li>'
        '<rdf:Description xmp:Rating="5"/></rdf:li></rdf:Bag></xmpMM:Pantry>'
    )
    assert rating_from_xmp(packet(body=body)) is None
    assert rating_from_xmp(packet('xmp:Rating="2"', body=body)) == 2


@pytest.mark.parametrize(
    "data",
    [
        b"",
        "",
        None,
        b"not xml",
        b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF>",
        packet('xmp:Rating="3"')[:-30],  # cut short (metadata.py clips very long packets)
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "3">]><x:xmpmeta xmlns:x="adobe:ns:meta/">&a;'
        b"</x:xmpmeta>",
        "\ud800 lone surrogate",
    ],
)
def test_unreadable_xmp_gives_none_and_never_raises(data):
    assert rating_from_xmp(data) is None


def test_oversized_xmp_gives_none(monkeypatch):
    monkeypatch.setattr(xmp, "MAX_XMP_BYTES", 200)
    assert rating_from_xmp(packet('xmp:Rating="3"')) is None


@pytest.mark.parametrize(
    ("percent", "stars"),
    [
        (0, 0),
        (1, 1),
        (12, 1),
        (13, 2),
        (25, 2),
        (37, 2),
        (38, 3),
        (50, 3),
        (62, 3),
        (63, 4),
        (75, 4),
        (87, 4),
        (88, 5),
        (99, 5),
        (100, 5),
        ("75", 4),
        (12.4, 1),
        (12.5, 2),
        (-1, None),
        (101, None),
        ("x", None),
        (True, None),
        (None, None),
    ],
)
def test_stars_from_percent(percent, stars):
    assert stars_from_percent(percent) == stars


@pytest.mark.parametrize(
    ("exif", "expected"),
    [
        ({"Rating": 3, "RatingPercent": 50}, 3),
        ({"Rating": 0}, 0),
        ({"RatingPercent": 99}, 5),
        ({"Rating": 9, "RatingPercent": 25}, 2),  # out of range Rating ignored
        ({"0x4746": 4}, 4),
        ({"0x4749": 1}, 1),
        ({0x4746: 2}, 2),
        ({"Rating": [5]}, 5),
        ({"Rating": "4"}, 4),
        ({"Rating": -1}, None),  # EXIF has no reject
        ({"Rating": True}, None),
        ({"Make": "Canon"}, None),
        ({}, None),
        (None, None),
    ],
)
def test_rating_from_exif(exif, expected):
    assert rating_from_exif(exif) == expected


def test_embedded_rating_prefers_xmp_and_falls_back_on_exif():
    assert embedded_rating(ImageMetadata(exif={"Rating": 1}, xmp=packet('xmp:Rating="4"'))) == 4
    assert embedded_rating(ImageMetadata(exif={"Rating": 1}, xmp=packet())) == 1
    assert embedded_rating(ImageMetadata(exif={"Rating": 1}, xmp="<broken")) == 1
    assert embedded_rating(ImageMetadata(xmp=packet('xmp:Rating="0"'))) == 0
    assert embedded_rating(ImageMetadata()) is None


def test_marks_from_rating():
    assert marks_from_rating(-1) == Marks(stars=0, flag="reject")
    assert marks_from_rating(0) == Marks()
    assert [marks_from_rating(r).stars for r in range(6)] == [0, 1, 2, 3, 4, 5]
    for rating in range(-1, 6):
        assert marks_from_rating(rating).xmp_rating == rating
    for bad in (6, -2, 2.5, True, "3"):
        with pytest.raises(ValueError, match="rating"):
            marks_from_rating(bad)  # type: ignore[arg-type]
