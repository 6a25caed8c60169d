"""Near duplicates with the real offline embedder (ResNet-18) and perceptual hashes: transformed copies of
real photographs find their original among dozens of other real images, as an external query (never added
to the library) and as library files grouped by ``duplicates``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageEnhance, ImageOps

from acgdesk.imaging.perceptual import compute_hashes, hamming
from acgdesk.library import Library

CORPUS = Path(__file__).resolve().parents[2] / ".cache" / "pillow-corpus" / "images"
ORIGINALS = ("flower.jpg", "exif_gps_typeerror.jpg", "frozenpond.mpo")


def transforms(im: Image.Image) -> dict[str, Image.Image]:
    w, h = im.size
    overlay = im.copy()
    draw = ImageDraw.Draw(overlay)
    draw.rectangle((0, h - h // 6, w, h), fill=(0, 0, 0))
    draw.text((8, h - h // 7), "@artist_name  pixiv #12345", fill=(255, 255, 255))
    return {
        "resize": im.resize((w // 2, h // 2), Image.Resampling.LANCZOS),
        "crop80": im.crop((w // 10, h // 10, w - w // 10, h - h // 10)),
        "jpeg30": im,  # saved with quality 30 below
        "rot90": im.transpose(Image.Transpose.ROTATE_90),
        "rot180": im.transpose(Image.Transpose.ROTATE_180),
        "rot270": im.transpose(Image.Transpose.ROTATE_270),
        "mirror": ImageOps.mirror(im),
        "colour": ImageEnhance.Color(ImageEnhance.Brightness(im).enhance(1.15)).enhance(1.6),
        "text": overlay,
    }


def load(name: str) -> Image.Image:
    im = Image.open(CORPUS / name)
    im.seek(0)
    im = im.convert("RGB")
    im.thumbnail((640, 640))
    return im


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("the Pillow corpus is not in .cache (packaging/setup.sh test fetches it)")
    base = tmp_path_factory.mktemp("dupes")
    folder = base / "art"
    folder.mkdir()
    kept: list[bytes] = []
    for name in ORIGINALS:  # originals first, so distractors are never copies of them
        im = load(name)
        kept.append(compute_hashes(im).phash)
        im.save(folder / f"orig_{Path(name).stem}.png")
    count = 0
    for path in sorted(CORPUS.iterdir()):  # distractors: other real images, no two alike
        if count >= 45 or path.name in ORIGINALS:
            continue
        try:
            im = load(path.name)
        except Exception:
            continue
        if min(im.size) < 100 or len(set(im.resize((16, 16)).getdata())) < 40:
            continue  # tiny or flat test patterns
        ph = compute_hashes(im).phash
        if any(hamming(ph, other) <= 16 for other in kept):
            continue
        kept.append(ph)
        im.save(folder / f"other_{count:02d}.png")
        count += 1
    assert count >= 30
    lib = Library.open(base / "lib")
    models = [m.model for m in lib.load_models(["resnet18-anime"])]
    report = lib.index([folder], models=models, sequential=True)
    assert report.errors == 0
    queries = base / "queries"
    queries.mkdir()
    for name in ORIGINALS:
        for kind, im in transforms(load(name)).items():
            target = queries / f"{Path(name).stem}_{kind}.jpg"
            im.save(target, quality=30 if kind == "jpeg30" else 90)
    yield lib, folder, queries
    lib.close()


@pytest.mark.parametrize("original", [Path(n).stem for n in ORIGINALS])
def test_transformed_copies_find_their_original_in_the_top_10(library, original):
    lib, folder, queries = library
    files_before = lib.db.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    want = str(folder / f"orig_{original}.png")
    ranks = {}
    for query in sorted(queries.glob(f"{original}_*.jpg")):
        hits = lib.similar(str(query), limit=10).hits
        paths = [h.path for h in hits]
        assert want in paths, f"{query.name}: original not in the top 10 ({paths})"
        ranks[query.stem.split("_")[-1]] = paths.index(want)
    assert len(ranks) == 9
    # exact-content transforms are found by pHash (rotations and mirrors included) and come first
    for kind in ("rot90", "rot180", "rot270", "mirror", "resize", "jpeg30"):
        assert ranks[kind] == 0, ranks
    as_bytes = lib.similar((queries / f"{original}_rot90.jpg").read_bytes(), limit=3).hits
    assert as_bytes[0].path == want and as_bytes[0].why["transform"] == "rotated 90°"
    assert lib.db.execute("SELECT COUNT(*) FROM files").fetchone()[0] == files_before  # nothing added


def test_library_copies_are_grouped_with_their_original(library, tmp_path):
    lib, folder, queries = library
    copies = folder.parent / "copies"
    copies.mkdir(exist_ok=True)
    for kind in ("rot90", "mirror", "jpeg30", "resize", "colour", "text", "crop80"):
        src = queries / f"flower_{kind}.jpg"
        (copies / src.name).write_bytes(src.read_bytes())
    (copies / "flower_exact.png").write_bytes((folder / "orig_flower.png").read_bytes())
    models = [m.model for m in lib.load_models(["resnet18-anime"])]
    lib.index([copies], models=models, sequential=True)
    groups = lib.duplicates()
    group = next(g for g in groups if any(m.path == str(folder / "orig_flower.png") for m in g.members))
    members = {Path(m.path).name for m in group.members}
    assert {"orig_flower.png", "flower_exact.png", "flower_rot90.jpg", "flower_mirror.jpg"} <= members
    assert "flower_crop80.jpg" in members  # by embedding (cosine 0.999) with a loose pHash check
    assert len(members & {f"flower_{k}.jpg" for k in ("jpeg30", "resize", "colour", "text")}) >= 3
    keeper = next(m for m in group.members if m.keep)
    assert Path(keeper.path).name in {"orig_flower.png", "flower_exact.png"}  # the full-size ones
    assert not any(Path(m.path).name.startswith("other_") for m in group.members)
    assert (copies / "flower_exact.png").exists()  # nothing deleted
