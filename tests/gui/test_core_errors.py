"""Error messages of the headless core in the window: every key a query syntax error or a dataset
error is raised with is known to acgdesk/gui/core_errors.py (so a new sentence cannot silently stay
English), its English is exactly the core's (the CLI's), and in Japanese the search bar and the
training-set dialog say real errors in Japanese."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from acgdesk.dataset.export import refuse_foreign_folder
from acgdesk.dataset.manifest import Manifest, read_manifest
from acgdesk.dataset.options import (
    CaptionSpec,
    DatasetError,
    DatasetOptions,
    ImageOptions,
    LayoutOptions,
    Selection,
    parse_colour,
)
from acgdesk.gui import core_errors, i18n
from acgdesk.gui.core_errors import DATASET, QUERY, error_text, message_text, translated, with_position
from acgdesk.gui.core_errors_library import ALBUM, FILE_OPS, LIBRARY, SEARCH, VECTORS
from acgdesk.gui.core_errors_models import DOWNLOAD, MODEL_STORE
from acgdesk.library import Library
from acgdesk.search.query import QuerySyntaxError, parse
from tests.gui.conftest import show_main_window

ROOT = Path(__file__).resolve().parents[2] / "acgdesk"
QUERY_FILES = ["search/query.py", "search/generation_terms.py", "search/compile.py"]
DATASET_FILES = [
    *(p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "dataset").glob("*.py"))),
    "library/datasets.py",
]
STORE_FILES = [
    *(p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "models").glob("*.py"))),
    "cli/models_scan.py",
    "cli/models_cmd.py",
]


@pytest.fixture
def translators(qapp):
    yield
    i18n.remove_translations(qapp)


def raised_keys(files: list[str], makers: set[str]) -> tuple[set[str], list[str]]:
    """The ``key=`` of every call that makes an error (``QuerySyntaxError(...)``, ``self.error(...)``,
    ``DatasetError(...)``) in ``files``, and the places of those without a literal key."""
    keys: set[str] = set()
    missing: list[str] = []
    for rel in files:
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        forwarding = {  # the helpers that pass a key on: ``def error(..., key, **params)``
            id(call)
            for fn in ast.walk(tree)
            if isinstance(fn, ast.FunctionDef) and fn.name == "error"
            for call in ast.walk(fn)
            if isinstance(call, ast.Call)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or id(node) in forwarding:
                continue
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if name not in makers:
                continue
            key = next((k.value for k in node.keywords if k.arg == "key"), None)
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                keys.add(key.value)
            else:
                missing.append(f"{rel}:{node.lineno}")
    return keys, missing


def _files(folder: str) -> list[str]:
    return [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / folder).glob("*.py"))]


# family -> (its sentences, the files that raise it, the calls that make its errors, how many keys
# the scan must see at least: it would see none if the files or makers were wrong)
SCANS = {
    "query": (QUERY, QUERY_FILES, {"QuerySyntaxError", "error"}, 40),
    "dataset": (DATASET, DATASET_FILES, {"DatasetError"}, 25),
    "library": (
        LIBRARY,
        [*_files("library"), "db/migrations.py"],
        {"LibraryError", "DatabaseTooNewError"},
        5,
    ),
    "album": (ALBUM, ["db/albums.py"], {"AlbumError"}, 13),
    "search": (SEARCH, ["search/service.py", "search/image_search.py"], {"SearchError"}, 9),
    "vectors": (
        VECTORS,
        ["vectors/manager.py", "vectors/hnsw_index.py", "vectors/hnsw_file.py"],
        {"NoVectorsError", "IndexCorruptError", "IndexMismatchError", "IndexFileError"},
        11,
    ),
    "file_ops": (FILE_OPS, ["curate/file_actions.py", "curate/trash.py"], {"FileOpsError", "TrashError"}, 6),
    "model_store": (MODEL_STORE, STORE_FILES, {"ModelStoreError", "ModelNotInstalled"}, 30),
    "download": (DOWNLOAD, ["models/download.py"], {"DownloadError"}, 9),
}


@pytest.mark.parametrize("family", sorted(SCANS))
def test_every_raised_key_is_known_to_the_window(family):
    table, files, makers, at_least = SCANS[family]
    keys, missing = raised_keys(files, makers)
    assert not missing, "raise these with key=...: " + ", ".join(missing)
    assert len(keys) >= at_least  # the scan sees the raise sites
    assert keys - set(table) == set(), f"add these to the {family} table (and translate them)"
    assert set(table) - keys == set()  # none left over


BAD_QUERIES = [
    "rating:",
    '"unterminated',
    "cat - dog",
    "cat )",
    "OR cat",
    "AND cat",
    "cat AND",
    "cat OR",
    "NOT",
    "(cat",
    "()",
    "widht:5",
    "colour:red",
    "is:favv",
    "has:promt",
    'cat -"under the sea"',
    "-sort:date",
    "width:>1..5",
    "width:..",
    "width:5..1",
    "width:>",
    "width:abc",
    "cfg:high",
    "stars:7",
    "size:5XB",
    "score:abc",
    "score::>0.5",
    "ratio:wide",
    "ratio:0:1",
    "date:soon",
    "date:2024-02-30",
    "rating:gneral",
    "rating:>g,s",
    "rating:>e",
    "ext:>png",
    "ext:,",
    "sort:dat",
    "sort:taste:x",
    "sort:date:x",
]


def real_query_errors(tmp_path: Path) -> list[QuerySyntaxError]:
    out = []
    for text in BAD_QUERIES:
        with pytest.raises(QuerySyntaxError) as info:
            parse(text)
        out.append(info.value)
    with Library.open(tmp_path / "lib") as lib:  # errors the compiler finds
        for text in ("score:anime>0.5", "album:nowhere"):
            with pytest.raises(QuerySyntaxError) as info:
                lib.query_ids(text)
            out.append(info.value)
    return out


def real_dataset_errors(tmp_path: Path) -> list[DatasetError]:
    file = tmp_path / "a_file"
    file.write_text("x")
    foreign = tmp_path / "holiday"
    foreign.mkdir()
    (foreign / "beach.jpg").write_bytes(b"not ours")
    (tmp_path / "bad.json").write_text("{nope")
    (tmp_path / "list.json").write_text("[]")
    makers = [
        lambda: ImageOptions(resize="huge"),
        lambda: ImageOptions(max_side=1),
        lambda: ImageOptions(quality=0),
        lambda: ImageOptions(bucket_step=64, min_bucket=32),
        lambda: parse_colour("pink"),
        lambda: Selection(min_stars=9),
        lambda: Selection(min_taste=2.0),
        lambda: Selection(ratings=["nsfw"]),
        lambda: CaptionSpec(thresholds={"general": 2.0}),
        lambda: LayoutOptions(validation=1.5),
        lambda: LayoutOptions(validation=0.1),
        lambda: LayoutOptions(format="zip"),
        lambda: DatasetOptions.from_dict({"bogus": {}}),
        lambda: DatasetOptions.from_dict({"images": {"bogus": 1, "other": 2}}),
        lambda: refuse_foreign_folder(file),
        lambda: refuse_foreign_folder(foreign),
        lambda: read_manifest(tmp_path / "missing.json"),
        lambda: read_manifest(tmp_path / "bad.json"),
        lambda: read_manifest(tmp_path / "list.json"),
        lambda: Manifest.from_dict({"acgdesk_dataset": 99}),
    ]
    out = []
    for make in makers:
        with pytest.raises(DatasetError) as info:
            make()
        out.append(info.value)
    with Library.open(tmp_path / "lib") as lib:
        with pytest.raises(DatasetError) as info:
            lib.dataset_plan(DatasetOptions(), tmp_path / "set")
        out.append(info.value)
    return out


def test_the_english_is_the_cores_own(qapp, tmp_path):
    """With no catalogue installed the window's sentences are word for word the CLI's."""
    query_errors = real_query_errors(tmp_path)
    assert {e.key for e in query_errors} >= {
        "needs_value",
        "unterminated_quote",
        "score_hidden",
        "album_unknown",
    }
    for exc in query_errors:
        assert exc.key in QUERY, str(exc)
        assert translated(exc) == exc.message
        assert with_position(exc, exc.message) == str(exc)
        assert message_text(exc) == exc.message and error_text(exc) == str(exc)
    for exc in real_dataset_errors(tmp_path):
        assert exc.key in DATASET, str(exc)
        assert translated(exc) == str(exc)
        assert error_text(exc) == str(exc)


def test_unknown_keys_and_missing_parts_fall_back_to_the_english(qapp, translators):
    assert i18n.install_translations(qapp, "ja") == "ja"
    known = QuerySyntaxError("rating: needs a value", 0, 7, key="needs_value", params={"field": "rating"})
    assert message_text(known) == "rating: 値が必要です"
    assert error_text(known) == "rating: 値が必要です（位置 0）"
    for exc in (
        QuerySyntaxError("from a newer core", 3, key="a_key_from_later", params={}),
        QuerySyntaxError("rating: needs a value", 0, key="needs_value", params={}),  # parts missing
        QuerySyntaxError("no key at all", 1),
        DatasetError("no key either"),
        ValueError("not the core's"),
    ):
        assert error_text(exc) == str(exc)
    # a smart album's bad query says the inner error in Japanese too
    inner = QuerySyntaxError("rating: needs a value", 0, key="needs_value", params={"field": "rating"})
    outer = QuerySyntaxError(
        f"album: the smart album 'x' has a query that does not parse: {inner.message}",
        0,
        key="album_bad_query",
        params={"name": "x", "error": inner.message, "error_key": inner.key, "error_params": inner.params},
    )
    assert message_text(outer) == "album: スマートアルバム 'x' のクエリを解析できません：rating: 値が必要です"
    assert core_errors.tr("unknown {part} option(s): {names}", "", 2) == "不明な {part} のオプション：{names}"


def test_search_bar_says_a_syntax_error_in_japanese(qtbot, qapp, library_dir, tmp_path, translators):
    assert i18n.install_translations(qapp, "ja") == "ja"
    win = show_main_window(qtbot, library_dir, tmp_path)
    bar = win.search
    exc = bar.check("rating:")
    assert exc is not None and exc.message == "rating: needs a value"  # the core stays English
    assert bar.error_label.text() == "1 文字目：rating: 値が必要です"
    bar.check('cat "unterminated')
    assert bar.error_label.text() == '5 文字目：引用符が閉じていません：" を追加してください'
    win.close()


def test_dataset_dialog_says_a_foreign_folder_in_japanese(qtbot, qapp, library_dir, tmp_path, translators):
    from acgdesk.gui.dataset.dialog import DatasetDialog

    assert i18n.install_translations(qapp, "ja") == "ja"
    win = show_main_window(qtbot, library_dir, tmp_path)
    dialog = DatasetDialog(win.backend, win.curation.batch.results_scope(), None, win)
    qtbot.addWidget(dialog)
    foreign = tmp_path / "holiday"
    foreign.mkdir()
    (foreign / "beach.jpg").write_bytes(b"not ours")
    dialog.form.folder.setText(str(foreign))
    with qtbot.waitSignal(dialog.preview_ready, timeout=15_000):
        dialog.refresh_preview()
    p = dialog.preview
    assert "is not empty" in p["folder_error"]  # the English stays in the result, as the CLI says it
    text = dialog.message.text()
    assert text.startswith(str(foreign)) and "は空ではなく" in text and "not empty" not in text
    assert not dialog.export_button.isEnabled()
    dialog.close()
    win.close()


def test_seeded_translations_keep_their_placeholders():
    """Every core_errors message in each catalogue keeps its {placeholders} (the check script also
    does this; here it is tied to the keys above)."""
    import re
    import xml.etree.ElementTree as ET

    folder = ROOT.parent / "resources" / "translations"
    for lang in ("zh_CN", "zh_TW", "ja"):
        root = ET.parse(folder / f"acgdesk_{lang}.ts").getroot()
        context = next(c for c in root.iter("context") if c.findtext("name") == "core_errors")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            forms = [f.text or "" for f in node.iter("numerusform")] or [node.text or ""]
            for form in forms:
                assert sorted(re.findall(r"\{\w+\}", form)) == sorted(re.findall(r"\{\w+\}", source)), (
                    lang,
                    source,
                    json.dumps(form, ensure_ascii=False),
                )
