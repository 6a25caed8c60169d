"""CJK in the core: file and folder names in Chinese, Japanese and Korean (emoji, NFD as macOS writes
them) indexed from real files, found by literal free words (NFKC, kana and case folding) in names,
folders and generation prompts, and tags in CJK exported and searched."""

from __future__ import annotations

import json
import unicodedata

import pytest
from PIL.PngImagePlugin import PngInfo

from acgdesk.core.text_norm import fold, has_cjk
from acgdesk.db.connection import transaction
from acgdesk.db.search_text import fill_missing_search_text, unindexed_matches
from acgdesk.library import Library
from acgdesk.search.literal import split_free_words
from tests.index.conftest import art

NFD_NAME = unicodedata.normalize("NFD", "がぎぐ.png")  # as macOS writes it: か + ゛ ...
FILES = {
    "画集/東方Project/霊夢.png": None,
    "画集/東方Project/cat_girl.png": "masterpiece, 1girl, 猫耳, smile",
    "ファンアート/ネコ.png": None,
    "ファンアート/dog.png": "1boy, dog, ＡＢＣ logo",
    "그림/고양이.png": None,
    "misc/🐱.png": None,
    "misc/ABC_poster.png": None,
    "misc/sunset.png": "sunset over the sea",
    f"misc/{NFD_NAME}": None,
    "misc/ｶﾀｶﾅ.png": None,
}


def save(path, seed, prompt):
    path.parent.mkdir(parents=True, exist_ok=True)
    info = None
    if prompt:
        info = PngInfo()
        info.add_text(
            "parameters", f"{prompt}\nNegative prompt: lowres\nSteps: 20, Sampler: Euler a, Seed: {seed}"
        )
    art(96, 72, seed).save(path, pnginfo=info)


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    base = tmp_path_factory.mktemp("cjk")
    folder = base / "art"
    for i, (rel, prompt) in enumerate(FILES.items()):
        save(folder / rel, i, prompt)
    (folder / "misc/壊れた.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 50)  # unreadable: an error row
    library = Library.open(base / "lib")
    library.index([folder], sequential=True)
    yield library, folder
    library.close()


def paths(results) -> set[str]:
    return {h.path for h in results.hits}


def rel(folder, *names) -> set[str]:
    return {str(folder / n) for n in names}


def test_fold_rules():
    assert fold("ＡＢＣ") == fold("abc") == "abc"
    assert fold("ｶﾀｶﾅ") == fold("カタカナ") == fold("かたかな")
    assert fold("ねこ") == fold("ネコ") == fold("ネコー")
    assert fold("ティー") == fold("テイ")  # small kana and the long-vowel mark
    assert fold(unicodedata.normalize("NFD", "がぎぐ")) == "がぎぐ"
    assert fold(unicodedata.normalize("NFD", "고양이")) == "고양이"
    assert fold("東方_Project  x") == "東方 project x"
    assert has_cjk("ＡＢＣ") and has_cjk("고양이") and not has_cjk("café 🐱")
    words = split_free_words(["sunset", "猫", '"東方 project"'])
    assert words.literal == ("猫", '"東方 project"') and words.semantic == "sunset"


def test_cjk_paths_stored_and_shown_as_on_disk(lib):
    library, folder = lib
    stored = {r[0] for r in library.db.execute("SELECT path FROM files WHERE status = 'ok'")}
    assert stored == {str(folder / r) for r in FILES}
    shown = library.show(str(folder / "画集/東方Project/霊夢.png"))
    assert shown["path"] == str(folder / "画集/東方Project/霊夢.png")
    texts = library.db.execute("SELECT COUNT(*) FROM file_search_text").fetchone()[0]
    assert texts == len(FILES) + 1  # written by the index writer, for the unreadable file too
    assert unindexed_matches(library.db.conn, ["壊れた"]) == {"壊れた": []}  # never returned (not ok)
    assert paths(library.search("壊れた")) == set()


def test_free_cjk_words_match_names_folders_prompts(lib):
    library, folder = lib
    assert paths(library.search("霊夢")) == rel(folder, "画集/東方Project/霊夢.png")
    assert paths(library.search("東方")) == rel(
        folder, "画集/東方Project/霊夢.png", "画集/東方Project/cat_girl.png"
    )
    found = library.search("猫耳")
    assert found.method == "literal"
    assert paths(found) == rel(folder, "画集/東方Project/cat_girl.png")  # by its prompt
    assert found.hits[0].why["matched_in"] == ["prompt"]
    assert paths(library.search("고양이")) == rel(folder, "그림/고양이.png")
    assert paths(library.search("그림")) == rel(folder, "그림/고양이.png")
    assert paths(library.search("画集 霊夢")) == rel(folder, "画集/東方Project/霊夢.png")  # both words
    assert paths(library.search("画集 ネコ")) == set()  # no false hits
    assert paths(library.search("中国")) == set()


def test_kana_width_and_case_folding(lib):
    library, folder = lib
    neko = rel(folder, "ファンアート/ネコ.png")
    assert paths(library.search("ねこ")) == neko == paths(library.search("ネコ"))
    assert paths(library.search("ﾈｺ")) == neko  # half-width katakana
    assert paths(library.search("ふぁんあーと")) == rel(
        folder, "ファンアート/ネコ.png", "ファンアート/dog.png"
    )
    assert paths(library.search("カタカナ")) == rel(folder, "misc/ｶﾀｶﾅ.png")
    # full-width ＡＢＣ = abc: the ASCII file name and the full-width prompt text
    assert paths(library.search("ＡＢＣ")) == rel(folder, "misc/ABC_poster.png", "ファンアート/dog.png")
    # NFD file name found by a composed (NFC) word, and the other way round
    assert paths(library.search("ぎぐ")) == rel(folder, f"misc/{NFD_NAME}")
    assert paths(library.search(unicodedata.normalize("NFD", "がぎ"))) == rel(folder, f"misc/{NFD_NAME}")


def test_literal_words_combine_with_filters_and_semantic_words(lib):
    library, folder = lib
    assert paths(library.search("東方 ext:png width:96")) == rel(
        folder, "画集/東方Project/霊夢.png", "画集/東方Project/cat_girl.png"
    )
    assert paths(library.search("東方 width:>1000")) == set()
    mixed = library.search("東方 girl")  # the English word ranks among the literal matches
    assert mixed.method in ("text", "clip") and paths(mixed) <= rel(
        folder, "画集/東方Project/霊夢.png", "画集/東方Project/cat_girl.png"
    )


def test_cjk_user_tags_searchable_as_tags(lib):
    library, folder = lib
    target = library.show(str(folder / "misc/🐱.png"))["id"]
    library.add_tags(target, ["猫耳", "ねこみみ"])
    assert paths(library.search("tag:猫耳")) == rel(folder, "misc/🐱.png")
    assert paths(library.search("user:ねこみみ")) == rel(folder, "misc/🐱.png")
    # a bare CJK word is literal even when it names a tag: the tag, and the prompt that holds it
    assert paths(library.search("猫耳")) == rel(folder, "misc/🐱.png", "画集/東方Project/cat_girl.png")
    assert paths(library.search("ネコミミ")) == rel(folder, "misc/🐱.png")  # kana folding on tag names
    assert paths(library.search("猫")) == rel(folder, "misc/🐱.png", "画集/東方Project/cat_girl.png")
    library.remove_tags(target, ["猫耳", "ねこみみ"])


def test_moved_file_found_before_and_after_refill(lib):
    library, folder = lib
    file_id = library.show(str(folder / "misc/sunset.png"))["id"]
    with transaction(library.db) as conn:  # a rename outside the writer: the trigger drops the text
        conn.execute("UPDATE files SET path = ? WHERE id = ?", (str(folder / "misc/夕日.png"), file_id))
    assert (
        library.db.execute("SELECT 1 FROM file_search_text WHERE file_id = ?", [file_id]).fetchone() is None
    )
    assert {h.file_id for h in library.search("夕日").hits} == {file_id}  # read the slow way
    with transaction(library.db) as conn:
        assert fill_missing_search_text(conn) == 1
    assert {h.file_id for h in library.search("夕日").hits} == {file_id}
    with transaction(library.db) as conn:
        conn.execute("UPDATE files SET path = ? WHERE id = ?", (str(folder / "misc/sunset.png"), file_id))
        fill_missing_search_text(conn)


def test_migration_fills_existing_files(tmp_path):
    from acgdesk.db.connection import connect
    from acgdesk.db.migrations import MIGRATIONS, migrate

    folder = tmp_path / "art"
    save(folder / "東方" / "霊夢.png", 1, "猫耳")
    with Library.open(tmp_path / "lib") as library:
        library.index([folder], sequential=True)
        with transaction(library.db) as conn:
            conn.execute("DROP TABLE file_search_text")  # back to the schema before 0011
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE name LIKE '%search_text%'"
            ).fetchall():
                conn.execute(f"DROP TRIGGER {name}")
            conn.execute("DELETE FROM schema_migrations WHERE name = '0011_search_text'")
    db = connect(tmp_path / "lib" / "library.db")
    assert migrate(db, migrations=MIGRATIONS) == ["0011_search_text"]
    assert db.execute("SELECT text FROM file_search_text").fetchone()[0].split("\x1f") == [
        "霊夢.png",
        "art/東方",
        "猫耳",
    ]
    db.close()


def test_sidecars_keep_cjk_tags(tmp_path):
    folder = tmp_path / "画集"
    image = folder / "東方Project" / "霊夢.png"
    save(image, 3, None)
    tags = ["博麗霊夢", "巫女", "猫耳", "🐱", "ｶﾀｶﾅ"]
    with Library.open(tmp_path / "lib") as library:
        library.index([folder], sequential=True)
        file_id = library.show(str(image))["id"]
        library.add_tags(file_id, tags)
        want = {t["name"] for t in library.tags_of(file_id)}
        assert "博麗霊夢" in want and "ｶﾀｶﾅ" in want  # stored as given (lower-cased only)
        for fmt in ("txt", "xmp"):
            report = library.export_tags([folder], None, fmt=fmt, beside_images=True)
            assert report.written and not report.errors
        caption = image.with_suffix(".txt").read_text(encoding="utf-8")
        xmp = (image.parent / "霊夢.png.xmp").read_text(encoding="utf-8")
        for tag in tags:
            assert tag in caption and tag in xmp
        library.remove_tags(file_id, tags)
        assert not {t["name"] for t in library.tags_of(file_id)} & want
        (image.parent / "霊夢.png.xmp").unlink()  # round trip through the caption
        library.import_tags([folder], fmt="txt")
        assert {t["name"] for t in library.tags_of(file_id)} >= want
        assert {h.file_id for h in library.search("tag:博麗霊夢").hits} == {file_id}


def test_search_json_keeps_characters(lib):
    library, folder = lib
    out = json.dumps(library.search("霊夢").to_dict(), ensure_ascii=False)
    assert str(folder / "画集/東方Project/霊夢.png") in out


def test_query_ids_filters_by_cjk_words_too(lib):
    """The unranked path (CLI exports, album rules, the window's browsing) applies CJK words as
    literal filters like search does, instead of ignoring them and returning everything."""
    library, folder = lib
    by_id = {r[0]: r[1] for r in library.db.execute("SELECT id, path FROM files")}

    def ids_paths(text: str) -> set[str]:
        return {by_id[i] for i in library.query_ids(text)}

    assert ids_paths("東方") == rel(folder, "画集/東方Project/霊夢.png", "画集/東方Project/cat_girl.png")
    assert ids_paths("猫耳") == rel(folder, "画集/東方Project/cat_girl.png")
    assert ids_paths("画集 ネコ") == set()
    assert len(library.query_ids("")) > 3  # no words: every ok file
