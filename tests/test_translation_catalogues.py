"""The GUI's translation catalogues (resources/translations/acgdesk_<lang>.ts), read as XML: complete,
no vanished or obsolete entries, the plural forms each language has, placeholders kept, in step with
the code, and compiled by pyside6-lrelease. No Qt import (the catalogues are plain XML)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TS_DIR = REPO / "resources" / "translations"
# catalogue -> (Qt language, plural forms Qt has for it)
CATALOGUES = {"zh_CN": ("zh_CN", 1), "zh_TW": ("zh_TW", 1), "ja": ("ja_JP", 1), "en": ("en_US", 2)}
PLACEHOLDER = re.compile(r"%L?n|%\d+|\{[a-z_]*(?::[^}]*)?\}")
# words a translation must keep as they are: query syntax, when the source has them
KEEP = (
    "rating:safe",
    "score:>0.7",
    "width:>=2000",
    "sort:date",
    "HF_ENDPOINT",
    "A1111",
    "LoRA",
    "Ctrl+Z",
    "(*.txt)",
    "(*.jsonl)",
)


def messages(lang: str):
    root = ET.parse(TS_DIR / f"acgdesk_{lang}.ts").getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.findall("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("lang", CATALOGUES)
def test_catalogue_is_complete(lang):
    root = ET.parse(TS_DIR / f"acgdesk_{lang}.ts").getroot()
    assert root.get("language") == CATALOGUES[lang][0]
    found = list(messages(lang))
    assert len(found) >= (10 if lang == "en" else 400)
    seen = set()
    for context, message in found:
        source = message.findtext("source") or ""
        key = (context, source, message.findtext("comment") or "")
        assert key not in seen, key
        seen.add(key)
        translation = message.find("translation")
        assert translation is not None, key
        assert translation.get("type") is None, (key, translation.get("type"))  # unfinished/vanished/obsolete
        got = texts(message)
        if message.get("numerus") == "yes":
            assert len(got) == CATALOGUES[lang][1], (key, got)
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in got:
            assert text.strip(), key
            assert sorted(set(PLACEHOLDER.findall(text))) == wanted, (key, text)
            assert source.count("&") == text.count("&") or "&&" in source, (key, text)  # menu mnemonics
            for word in KEEP:
                assert (word in source) <= (word in text), (key, word, text)


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW", "ja"])
def test_every_message_is_translated_not_copied(lang):
    same = [
        message.findtext("source")
        for _, message in messages(lang)
        if texts(message)[0] == message.findtext("source") and re.search(r"[a-z]{4}", texts(message)[0])
    ]
    # words that stay in English in these communities' software (names, units, formats)
    assert set(same) <= {"A1111", "Clip skip"}, same


def test_terms_the_communities_use():
    def find(lang: str, source: str) -> str:
        return next(texts(m)[0] for _, m in messages(lang) if m.findtext("source") == source)

    assert (
        find("zh_CN", "Tags") == "标签" and find("zh_TW", "Tags") == "標籤" and find("ja", "Tags") == "タグ"
    )
    assert find("zh_CN", "Favourite") == "收藏" and find("ja", "Favourite") == "お気に入り"
    assert "超分" in find("zh_CN", "Upscale…") and "アップスケール" in find("ja", "Upscale…")
    assert "放大" in find("zh_TW", "Upscale…")
    assert "分级" in find("zh_CN", "Any rating") and "レーティング" in find("ja", "Any rating")


def translations_script():
    spec = importlib.util.spec_from_file_location(
        "acgdesk_translations", REPO / "packaging" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lupdate_available() -> bool:
    return (Path(sys.executable).parent / "pyside6-lupdate").exists() or shutil.which(
        "pyside6-lupdate"
    ) is not None


@pytest.mark.skipif(not lupdate_available(), reason="pyside6-lupdate not installed")
def test_catalogues_are_in_step_with_the_code(tmp_path):
    """Every string the GUI translates is in every catalogue, and nothing else (a new tr() string
    needs `packaging/translations.py update` and its translations)."""
    script = translations_script()
    bare = script.bare_tr_contexts()
    for lang in CATALOGUES:
        groups = script.regroup(script.lupdate(lang, tmp_path), bare)
        in_code = {(ctx, m.findtext("source")) for ctx, ms in groups.items() for m in ms}
        in_catalogue = {(ctx, m.findtext("source")) for ctx, m in messages(lang)}
        assert in_code == in_catalogue, (lang, sorted(in_code - in_catalogue), sorted(in_catalogue - in_code))


def lrelease() -> str | None:
    local = Path(sys.executable).parent / "pyside6-lrelease"
    return str(local) if local.exists() else shutil.which("pyside6-lrelease")


@pytest.mark.skipif(lrelease() is None, reason="pyside6-lrelease not installed")
@pytest.mark.parametrize("lang", CATALOGUES)
def test_catalogue_builds_with_lrelease(lang, tmp_path):
    qm = tmp_path / f"acgdesk_{lang}.qm"
    out = subprocess.run(
        [lrelease(), str(TS_DIR / f"acgdesk_{lang}.ts"), "-qm", str(qm)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "unfinished" not in out.stdout.replace("0 unfinished", ""), out.stdout
    assert qm.stat().st_size > (200 if lang == "en" else 10_000)
