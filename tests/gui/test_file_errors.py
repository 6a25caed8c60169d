"""A file's read or decode error in the window's language: every sentence the core words for a bad
file (made here from real bad files, and over Pillow's whole corpus of odd and damaged images) is
one the window knows, its English comes back word for word, and in Japanese the viewer and the
information overlay say it in Japanese with the core's parts kept."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from PIL import Image

from acgdesk.core.errors import ImageFileError
from acgdesk.gui import i18n
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.file_errors import KINDS, SENTENCES, file_error_text, parts_of, translated_file_error
from acgdesk.imaging.decode import decode_image, io_error

CORPUS = Path(__file__).resolve().parents[2] / ".cache" / "pillow-corpus" / "images"


def bad_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    im = Image.new("RGB", (64, 48), (200, 40, 90))
    im.save(folder / "whole.png")
    im.save(folder / "whole.jpg", quality=90)
    data = (folder / "whole.png").read_bytes()
    out = {
        "empty": folder / "empty.png",
        "truncated_png": folder / "cut.png",
        "truncated_jpg": folder / "cut.jpg",
        "damaged_header": folder / "head.png",
        "not_an_image": folder / "notes.png",
        "krita": folder / "sketch.kra",
        "svg": folder / "logo.svg",
    }
    out["empty"].write_bytes(b"")
    out["truncated_png"].write_bytes(data[: len(data) // 2])
    jpg = (folder / "whole.jpg").read_bytes()
    out["truncated_jpg"].write_bytes(jpg[: len(jpg) // 2])
    out["damaged_header"].write_bytes(b"\x89PNG\r\n\x1a\n" + b"\xff" * 40)
    out["not_an_image"].write_text("shopping list: milk, pens", encoding="utf-8")
    out["krita"].write_bytes(b"PK\x03\x04 not really a krita file")
    out["svg"].write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8")
    return out


def decode_error(source: Path, **kw) -> ImageFileError | None:
    try:
        decode_image(source.read_bytes(), name_hint=source.name, **kw)
    except ImageFileError as exc:
        return exc
    return None


def real_file_errors(tmp_path: Path) -> list[ImageFileError]:
    errors = [decode_error(p) for p in bad_files(tmp_path / "bad").values()]
    errors.append(decode_error(tmp_path / "bad" / "whole.png", max_pixels=100))  # too many pixels
    for exc in (FileNotFoundError(2, "No such file"), PermissionError(13, "Permission denied")):
        errors.append(io_error(exc))
    errors.append(io_error(IsADirectoryError(21, "Is a directory")))
    errors.append(io_error(OSError(40, "Too many levels of symbolic links")))
    errors.append(io_error(OSError(5, "Input/output error")))
    assert all(e is not None for e in errors)
    return errors


def test_every_core_sentence_for_a_bad_file_is_known_and_its_english_comes_back(qapp, tmp_path):
    errors = real_file_errors(tmp_path)
    kinds = {str(e.kind) for e in errors}
    assert {"empty", "truncated", "corrupt", "unsupported", "too_large", "vanished", "permission"} <= kinds
    for exc in errors:
        assert parts_of(exc.message) is not None, exc.message
        assert translated_file_error(str(exc.kind), exc.message) == exc.message  # no catalogue: English
        assert error_text(exc) == str(exc) == file_error_text(str(exc.kind), exc.message)
    assert set(KINDS) == {k.value for k in type(errors[0].kind)}  # a headline for every kind


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.skipif(not CORPUS.is_dir(), reason="Pillow's corpus (packaging/fetch_test_corpus.sh)")
def test_every_failure_over_pillows_corpus_is_a_sentence_the_window_knows():
    """About a thousand odd, damaged and exotic files: each one that fails says a known sentence."""
    failed, unknown = 0, []
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file() or path.is_symlink() or path.stat().st_size > 20_000_000:
            continue
        exc = decode_error(path)
        if exc is None:
            continue
        failed += 1
        if parts_of(exc.message) is None:
            unknown.append(f"{path.name}: {exc.message}")
    assert failed > 50, "the corpus should hold many files Pillow refuses"
    assert not unknown, "add these sentences to acgdesk/gui/file_errors.SENTENCES:\n" + "\n".join(
        unknown[:20]
    )


def test_parts_are_put_back_as_they_are_and_unknown_sentences_keep_their_english(qapp, translators):
    assert i18n.install_translations(qapp, "ja") == "ja"
    cut = ImageFileError(
        "truncated", "the file is truncated: image file is truncated (3 bytes not processed)"
    )
    text = error_text(cut)
    assert text != cut.message and "image file is truncated (3 bytes not processed)" in text
    newer = file_error_text("corrupt", "a sentence a later version words")
    assert newer.endswith("a sentence a later version words") and newer != "a sentence a later version words"
    assert file_error_text(None, "no kind, no template") == "no kind, no template"
    assert file_error_text("corrupt", "") == ""


def test_every_sentence_has_its_placeholders_in_each_catalogue(qapp, translators):
    for lang in ("zh_CN", "zh_TW", "ja"):
        assert i18n.install_translations(qapp, lang) == lang
        for english, say in SENTENCES:
            said = say()
            assert said != english, (lang, english)  # translated
            assert sorted(part for part in _parts(said)) == sorted(_parts(english)), (lang, english)
        for kind, headline in KINDS.items():
            assert headline() != "", kind


def _parts(text: str) -> list[str]:
    import re

    return re.findall(r"\{\w+\}", text)


@pytest.fixture
def translators(qapp):
    yield
    i18n.remove_translations(qapp)


def test_viewer_and_info_overlay_say_a_recorded_error_in_japanese(qtbot, qapp, tmp_path, translators):
    from acgdesk.gui.view.info_overlay import info_html
    from acgdesk.library import Library
    from tests.gui.conftest import art, show_main_window

    root = tmp_path / "art"
    art(root / "fine.png", seed=1)
    data = (root / "fine.png").read_bytes()
    (root / "cut.png").write_bytes(data[: len(data) // 3])
    lib_root = tmp_path / "library"
    with Library.open(lib_root) as lib:
        lib.index([root], models=(), sequential=True)
        cut = lib.show(str(root / "cut.png"))
    assert cut["status"] == "error" and cut["error_kind"] == "truncated"
    recorded = cut["error"]
    assert recorded.startswith("the file is truncated: ")
    assert i18n.install_translations(qapp, "ja") == "ja"
    said = file_error_text("truncated", recorded)
    pillow_words = recorded.removeprefix("the file is truncated: ")
    assert said != recorded and pillow_words in said
    win = show_main_window(qtbot, lib_root, tmp_path)
    win.model.set_ids([cut["id"]])
    viewer = win.viewer
    with qtbot.waitSignal(viewer.error_shown, timeout=10_000) as blocker:
        viewer.open_row(0)
    assert blocker.args == [said]
    assert said in viewer.canvas.message
    assert html.escape(said) in info_html(cut, lambda s: s)
    win.close()
