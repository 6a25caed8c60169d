"""Dataset export on a real library of real images: layouts, sizes, buckets, captions, duplicates,
safety (nothing outside DIR, originals unchanged) and resume."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from acgdesk.cli import main
from acgdesk.dataset import CaptionSpec, DatasetError, DatasetOptions, ImageOptions, LayoutOptions, Selection
from acgdesk.dataset.geometry import bucket_sizes, geometry_for, nearest_bucket
from acgdesk.dataset.manifest import read_manifest
from acgdesk.library import Library
from tests.index.conftest import art, tree_digest

SIZES = [(800, 600), (600, 900), (1500, 500), (300, 300), (1024, 1024), (640, 480)]


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "art"
    folder.mkdir()
    for i, (w, h) in enumerate(SIZES):
        art(w, h, i).save(folder / f"pic{i}.png")
    rgba = art(400, 400, 50, mode="RGBA")
    rgba.putalpha(Image.new("L", rgba.size, 0))  # fully transparent: flattening shows the colour
    rgba.save(folder / "clear.png")
    (folder / "pic1_copy.png").write_bytes((folder / "pic1.png").read_bytes())  # an exact duplicate
    with Library.open(tmp_path / "lib") as lib:
        lib.add_folders([folder])
        lib.index()
        for fid in lib.query_ids(""):
            lib.add_tags(fid, ["1girl", "star_(symbol)", "cat_ears", "white_background"])
        yield lib, folder


def _export(lib, out, **parts):
    return lib.export_dataset(DatasetOptions(**parts), out)


def test_kohya_copies_bytes_with_captions_and_drops_the_exact_duplicate(library, tmp_path):
    lib, folder = library
    before = tree_digest(folder)
    outside = tree_digest(tmp_path / "lib")
    out = tmp_path / "set"
    report = _export(lib, out, captions=CaptionSpec(trigger="mystyle"), layout=LayoutOptions(repeats=3))
    assert report.errors == [] and report.duplicates_dropped == 1
    images = sorted((out / "3_mystyle").glob("*.png"))
    assert len(images) == 7 == report.exported
    for img in images:  # byte-for-byte copies of the originals
        assert img.read_bytes() == (folder / img.name).read_bytes() or img.name == "pic1.png"
        caption = img.with_suffix(".txt").read_text()
        assert caption.startswith("mystyle, ")
        assert "star \\(symbol\\)" in caption and "cat ears" in caption
    assert tree_digest(folder) == before  # originals unchanged
    assert tree_digest(tmp_path / "lib").keys() >= outside.keys()
    written = {p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*") if p.is_file()}
    assert written <= {"art", "lib", "set"}


def test_buckets_follow_the_kohya_rule_and_crop_or_pad(library, tmp_path):
    lib, _folder = library
    buckets = bucket_sizes(512, 64, 256, 1024)
    assert all(w * h <= 512 * 512 and w % 64 == 0 and h % 64 == 0 for w, h in buckets)
    assert (512, 512) in buckets and nearest_bucket(1500, 500, buckets) == (832, 256)
    o = ImageOptions(resize="buckets", resolution=512, format="png")
    _export(lib, tmp_path / "crop", images=o)
    sizes = {p.stem: Image.open(p).size for p in (tmp_path / "crop").rglob("*.png")}
    assert sizes["pic2"] == (832, 256)  # 1500x500 is 3:1; 832x256 (3.25) is the nearest bucket
    assert sizes["pic0"] == geometry_for(800, 600, o).final
    assert sizes["pic3"] == (256, 256)  # 300x300 is not enlarged: its own size, floored to the step
    padded = ImageOptions(resize="buckets", resolution=512, fit="pad", format="png", background="#ff0000")
    _export(lib, tmp_path / "pad", images=padded)
    im = Image.open(next((tmp_path / "pad").rglob("pic2.png"))).convert("RGB")
    assert im.size == (832, 256)
    g = geometry_for(1500, 500, padded)
    if g.scaled[1] < 256:  # bars above and below in the pad colour
        assert im.getpixel((416, 0)) == (255, 0, 0)


def test_max_side_format_quality_metadata_flatten_and_min_side(library, tmp_path):
    lib, folder = library
    Image.open(folder / "pic0.png").save(folder / "prompted.png", pnginfo=_info("parameters", "1girl, smile"))
    lib.index()
    o = ImageOptions(
        resize="max_side",
        max_side=500,
        format="jpeg",
        quality=80,
        flatten=True,
        background="#00ff00",
        min_side=350,
    )
    report = _export(lib, tmp_path / "out", images=o)
    files = {p.stem: p for p in (tmp_path / "out").rglob("*.jpg")}
    assert "pic3" not in files and any("smaller than 350" in s["reason"] for s in report.skipped)
    for p in files.values():
        im = Image.open(p)
        assert im.format == "JPEG" and max(im.size) <= 500
    assert Image.open(files["pic2"]).size == (500, 167)
    assert Image.open(files["clear"]).convert("RGB").getpixel((10, 10))[1] > 240  # flattened on green
    assert "1girl, smile" in Image.open(files["prompted"]).getexif().get_ifd(0x8769)[0x9286].decode(
        "utf-16-be"
    )
    stripped = ImageOptions(resize="max_side", max_side=500, format="png", keep_metadata=False)
    _export(lib, tmp_path / "bare", images=stripped)
    assert "parameters" not in Image.open(next((tmp_path / "bare").rglob("prompted.png"))).info


def _info(key, value):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text(key, value)
    return info


def test_caption_rules_blacklist_replace_max_tags_and_prompt(library, tmp_path):
    lib, folder = library
    Image.open(folder / "pic0.png").save(
        folder / "gen.png",
        pnginfo=_info("parameters", "(masterpiece:1.2), <lora:x:0.8> 1girl, [smile]\nSteps: 20"),
    )
    lib.index()
    spec = CaptionSpec(
        trigger="tw", blacklist=["*_background"], replace={"cat_ears": "animal_ears"}, max_tags=2
    )
    _export(lib, tmp_path / "a", selection=Selection(drop_duplicates=False), captions=spec)
    caption = next((tmp_path / "a").rglob("pic0.txt")).read_text().strip()
    assert caption.split(", ")[0] == "tw" and len(caption.split(", ")) == 3
    assert "white background" not in caption and "cat ears" not in caption
    # gen.png has pic0's pixels: keep both (near-duplicates would drop one)
    _export(
        lib,
        tmp_path / "b",
        selection=Selection(drop_duplicates=False),
        captions=CaptionSpec(source="prompt_or_tags"),
    )
    assert next((tmp_path / "b").rglob("gen.txt")).read_text().strip() == "masterpiece, 1girl, smile"
    assert "1girl" in next((tmp_path / "b").rglob("pic0.txt")).read_text()  # no prompt: its tags


def test_hf_and_onetrainer_layouts_with_a_stable_validation_split(library, tmp_path):
    lib, _folder = library
    layout = LayoutOptions(format="hf", validation=0.3, seed=7)
    _export(lib, tmp_path / "hf", layout=layout)
    train = [json.loads(x) for x in (tmp_path / "hf/train/metadata.jsonl").read_text().splitlines()]
    val = [json.loads(x) for x in (tmp_path / "hf/validation/metadata.jsonl").read_text().splitlines()]
    assert len(train) + len(val) == 7 and len(val) == 2
    assert all((tmp_path / "hf/train" / r["file_name"]).is_file() and r["text"] for r in train)
    _export(lib, tmp_path / "hf2", layout=layout)
    again = [
        json.loads(x)["file_name"]
        for x in (tmp_path / "hf2/validation/metadata.jsonl").read_text().splitlines()
    ]
    assert sorted(again) == sorted(r["file_name"] for r in val)
    _export(
        lib,
        tmp_path / "ot",
        layout=LayoutOptions(format="onetrainer", validation=0.3),
        captions=CaptionSpec(trigger="c"),
    )
    concepts = json.loads((tmp_path / "ot/concepts.json").read_text())
    assert [c["name"] for c in concepts] == ["c", "c_validation"] and concepts[1]["validation_concept"]
    assert len(list((tmp_path / "ot/c").glob("*.txt"))) == 5
    with pytest.raises(DatasetError):
        LayoutOptions(format="kohya", validation=0.1)


def test_resume_reuses_finished_images_and_update_removes_what_left(library, tmp_path):
    lib, _folder = library
    out = tmp_path / "set"
    o = DatasetOptions(images=ImageOptions(resize="max_side", max_side=256, format="webp"))
    first = lib.export_dataset(o, out)
    assert first.written == 7
    victim = next(out.rglob("pic4.webp"))
    victim.write_bytes(b"broken")  # a damaged output is made again, the rest reused
    second = lib.export_dataset(o, out)
    assert (second.written, second.reused) == (1, 6)
    assert Image.open(victim).size == (256, 256)
    narrowed = DatasetOptions(selection=Selection(query="width:>=700"), images=o.images)
    third = lib.export_dataset(narrowed, out)
    left = sorted(p.stem for p in out.rglob("*.webp"))
    assert left == ["pic0", "pic2", "pic4"] and third.removed == 2 * 4  # images and captions
    manifest = read_manifest(out / "manifest.json")
    assert manifest.complete and {e.image.split("/")[-1] for e in manifest.entries} == {
        f"{s}.webp" for s in left
    }


def test_an_interrupted_export_resumes_from_its_manifest(library, tmp_path):
    from acgdesk.pipeline.engine import CancelToken

    lib, _folder = library
    out = tmp_path / "set"
    o = DatasetOptions(images=ImageOptions(resize="max_side", max_side=300, format="png"))
    cancel = CancelToken()
    seen = []

    def progress(p):
        seen.append(p.done)
        if p.done >= 2:
            cancel.cancel()

    plan = lib.dataset_plan(o, out)
    from acgdesk.dataset.export import export_plan

    stopped = export_plan(plan, max_pixels=10**8, progress=progress, cancel=cancel, sequential=True)
    assert stopped.cancelled and 2 <= stopped.written < 7
    assert not read_manifest(out / "manifest.json").complete
    rest = lib.export_dataset(o, out)
    assert rest.reused == stopped.written and rest.written == 7 - stopped.written
    assert read_manifest(out / "manifest.json").complete


def test_refuses_foreign_folders_and_the_library_folder(library, tmp_path):
    lib, folder = library
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    with pytest.raises(DatasetError, match="not empty"):
        _export(lib, busy)
    assert (busy / "notes.txt").read_text() == "mine"
    with pytest.raises(DatasetError, match="inside the library folder"):
        _export(lib, folder / "dataset")


def test_cli_export_dry_run_and_manifest_repeat(library, tmp_path, capsys):
    lib, _folder = library
    out = tmp_path / "cli"
    args = ["--library", str(lib.root), "dataset", "export", "--out", str(out), "--format", "kohya"]
    assert main([*args, "--trigger", "zz", "--dry-run"]) == 0
    assert "7 image(s) would be exported" in capsys.readouterr().out and not out.exists()
    assert main([*args, "--trigger", "zz", "--resize", "max_side", "--max-side", "128", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["written"] == 7
    assert (
        main(["--library", str(lib.root), "dataset", "export", "--manifest", str(out / "manifest.json")]) == 0
    )
    assert "0 written" in capsys.readouterr().out
    assert all(max(Image.open(p).size) <= 128 for p in (out / "10_zz").glob("*.png"))


def test_model_tags_are_cut_per_category_and_characters_then_series_lead(library, tmp_path):
    """A tagger's predictions through the export: each category at its own threshold, the trigger
    first, then characters, then series, then the rest by confidence; the content rating only when
    asked for."""
    from acgdesk.db.connection import transaction
    from acgdesk.db.predictions import TagIds, record_model_run, replace_model_tags

    lib, _folder = library
    pic0 = lib.db.execute("SELECT id FROM files WHERE path LIKE ?", ("%/pic0.png",)).fetchone()[0]
    tagger = "wd-test-tagger@v3"
    predicted = [
        ("smile", "general", 0.90),
        ("sky", "general", 0.40),
        ("blush", "general", 0.30),  # under general 0.35
        ("hatsune_miku", "character", 0.95),
        ("kagamine_rin", "character", 0.80),  # under character 0.85
        ("vocaloid", "copyright", 0.60),
        ("project_diva_(series)", "copyright", 0.45),  # under copyright 0.5
        ("some_artist", "artist", 0.70),  # under artist 0.75
        ("highres", "meta", 0.95),
        ("commentary", "meta", 0.50),  # under the default 0.9
        ("sensitive", "rating", 0.80),
    ]
    with transaction(lib.db) as conn:
        replace_model_tags(conn, TagIds(), pic0, tagger, predicted)
        record_model_run(conn, pic0, tagger)
    spec = CaptionSpec(
        trigger="mk",
        thresholds={"general": 0.35, "character": 0.85, "copyright": 0.5, "artist": 0.75},
        default_threshold=0.9,
    )
    _export(lib, tmp_path / "a", selection=Selection(drop_duplicates=False), captions=spec)
    words = next((tmp_path / "a").rglob("pic0.txt")).read_text().strip().split(", ")
    assert words[:3] == ["mk", "hatsune miku", "vocaloid"]
    # the user's tags (always kept) and the model's above their cut, by confidence after the leaders
    assert set(words[3:]) == {
        "1girl",
        "star \\(symbol\\)",
        "cat ears",
        "white background",
        "smile",
        "sky",
        "highres",
    }
    for gone in (
        "blush",
        "kagamine rin",
        "project diva \\(series\\)",
        "some artist",
        "commentary",
        "sensitive",
    ):
        assert gone not in words
    # lower cuts let them in; leaders off keep confidence order; the rating tag first when asked
    spec = CaptionSpec(
        thresholds={"general": 0.25, "character": 0.5, "copyright": 0.4, "artist": 0.5},
        default_threshold=0.4,
        character_first=False,
        copyright_first=False,
        include_rating=True,
    )
    _export(lib, tmp_path / "b", selection=Selection(drop_duplicates=False), captions=spec)
    words = next((tmp_path / "b").rglob("pic0.txt")).read_text().strip().split(", ")
    assert words[0] == "sensitive"
    for back in ("blush", "kagamine rin", "project diva \\(series\\)", "some artist", "commentary"):
        assert back in words
    model = [w for w in words if w in {"hatsune miku", "highres", "smile", "kagamine rin", "some artist"}]
    assert model == ["hatsune miku", "highres", "smile", "kagamine rin", "some artist"]  # 0.95 ... 0.70
