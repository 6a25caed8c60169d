"""``acgdesk upscale --out``: a name with an image extension is the output file, anything else a
folder; explicit files are never overwritten either. Real upscales of 32x32 images on the CPU."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from acgdesk.cli import main
from acgdesk.cli.upscale_cmd import output_target
from acgdesk.library import Library
from acgdesk.upscale import UpscaleOptions, upscale_file
from acgdesk.upscale.output import OutputExists
from tests.upscale.conftest import line_art, needs_realcugan


def _upscale(tmp_path: Path, *args: str) -> int:
    return main(["--library", str(tmp_path / "lib"), "upscale", *args, "--device", "cpu", "--json"])


@pytest.fixture
def src(tmp_path) -> Path:
    path = tmp_path / "a.png"
    line_art(32, 32).save(path)
    return path


@pytest.mark.parametrize(
    ("out", "fmt", "expected"),
    [
        (None, None, (None, None, "png")),
        ("x.png", None, (None, "x.png", "png")),
        ("x.WEBP", None, (None, "x.WEBP", "webp")),
        ("x.jpeg", None, (None, "x.jpeg", "jpeg")),
        ("x.jpg", "jpeg", (None, "x.jpg", "jpeg")),
        ("upscaled", None, ("upscaled", None, "png")),
        ("upscaled", "webp", ("upscaled", None, "webp")),
        ("renders.v2", None, ("renders.v2", None, "png")),  # not an image extension: a folder
        ("new.png/", None, ("new.png/", None, "png")),  # a trailing slash says folder
    ],
)
def test_out_names_a_file_by_its_image_extension_else_a_folder(tmp_path, monkeypatch, out, fmt, expected):
    monkeypatch.chdir(tmp_path)
    out_dir, out_file, chosen = output_target(out, fmt, 1)
    want_dir, want_file, want_fmt = expected
    assert out_dir == (Path(want_dir) if want_dir else None)
    assert out_file == (Path(want_file) if want_file else None)
    assert chosen == want_fmt


def test_an_existing_folder_stays_a_folder_whatever_its_name(tmp_path):
    folder = tmp_path / "result.png"  # e.g. made by the acgdesk that treated every --out as a folder
    folder.mkdir()
    assert output_target(str(folder), None, 2) == (folder, None, "png")


@pytest.mark.parametrize(
    ("out", "fmt", "count", "message"),
    [
        ("x.webp", None, 2, "--out x.webp names one file, but 2 images were given: give a folder"),
        ("x.jpg", "png", 1, "--out x.jpg is a jpeg file name, but --format is png"),
        ("x.gif", None, 1, "upscales are written as .png, .webp, .jpg, .jpeg, not .gif"),
    ],
)
def test_impossible_out_names_are_refused(tmp_path, monkeypatch, out, fmt, count, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match=message.replace(".", r"\.")):
        output_target(out, fmt, count)


def test_options_refuse_a_file_name_of_another_format_or_with_a_folder():
    with pytest.raises(ValueError, match=r"x\.webp is a webp file name, but the format is png"):
        UpscaleOptions(out_file=Path("x.webp"))
    with pytest.raises(ValueError, match="not both"):
        UpscaleOptions(out_file=Path("x.png"), out_dir=Path("d"))
    assert UpscaleOptions(out_file="x.png").describe()["out_file"] == "x.png"


@needs_realcugan
def test_out_file_is_the_output_a_real_png_twice_the_size_in_the_library(tmp_path, src, capsys):
    out = tmp_path / "result.png"
    assert _upscale(tmp_path, str(src), "--out", str(out)) == 0
    [done] = json.loads(capsys.readouterr().out)["results"]
    assert done["status"] == "done" and done["output"] == str(out)
    assert out.is_file()  # not a folder called result.png
    with Image.open(out) as im:
        assert im.format == "PNG" and im.size == (64, 64)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "lib", "result.png"]  # no temporary
    with Library.open(tmp_path / "lib") as lib:
        assert lib.show(str(out))["width"] == 64
        assert lib.derivation(str(out))["derived_from"]["source_path"] == str(src)


@needs_realcugan
def test_out_file_extension_picks_the_format(tmp_path, src, capsys):
    out = tmp_path / "big" / "a-hd.jpeg"  # its folder is created
    assert _upscale(tmp_path, str(src), "--out", str(out)) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["output"] == str(out)
    with Image.open(out) as im:
        assert im.format == "JPEG" and im.size == (64, 64)


@needs_realcugan
def test_out_without_an_image_extension_is_a_folder_made_as_needed(tmp_path, src, capsys):
    second = tmp_path / "b.png"
    line_art(32, 32, seed=1).save(second)
    out = tmp_path / "upscaled" / "x2"
    assert _upscale(tmp_path, str(src), str(second), "--out", str(out)) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert [r["output"] for r in results] == [str(out / "a@2x.png"), str(out / "b@2x.png")]
    assert out.is_dir() and sorted(p.name for p in out.iterdir()) == ["a@2x.png", "b@2x.png"]


def test_out_file_with_several_images_is_an_error_and_writes_nothing(tmp_path, src, capsys):
    second = tmp_path / "b.png"
    line_art(32, 32, seed=1).save(second)
    assert _upscale(tmp_path, str(src), str(second), "--out", str(tmp_path / "x.webp")) == 1
    captured = capsys.readouterr()
    assert "names one file, but 2 images were given: give a folder" in captured.err
    assert captured.out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "b.png", "lib"]


def test_conflicting_format_is_an_error(tmp_path, src, capsys):
    assert _upscale(tmp_path, str(src), "--out", str(tmp_path / "x.jpg"), "--format", "webp") == 1
    assert "is a jpeg file name, but --format is webp" in capsys.readouterr().err
    assert not (tmp_path / "x.jpg").exists()


def test_an_existing_out_file_is_not_overwritten(tmp_path, src, capsys):
    out = tmp_path / "x.png"
    out.write_bytes(b"someone else's file")
    assert _upscale(tmp_path, str(src), "--out", str(out)) == 1
    assert "exists, and an upscale never overwrites a file" in capsys.readouterr().err
    assert out.read_bytes() == b"someone else's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "lib", "x.png"]


@needs_realcugan
def test_an_out_file_that_appears_during_the_upscale_is_not_overwritten(tmp_path, src):
    """The CLI checks first; publishing checks again (hard link: fails if the name is taken)."""
    out = tmp_path / "x.png"
    options = UpscaleOptions(device="cpu", out_file=out)

    def take_the_name_while_saving(p) -> None:
        if p.phase == "saving":
            out.write_bytes(b"written meanwhile")

    result = upscale_file(src, options, progress=take_the_name_while_saving)
    assert result.status == "failed" and result.output is None
    assert result.error == f"cannot write the output: {OutputExists(out)}"
    assert out.read_bytes() == b"written meanwhile"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "x.png"]  # no temporary left
