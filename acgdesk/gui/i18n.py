"""The window's language and fonts: which catalogue to load, Qt's own translations, a CJK fallback font.

The language is the Settings choice (``Prefs["language"]``: "" follows the system locale, else
"en", "zh_CN", "zh_TW" or "ja"), read once at start-up. Catalogues are
``resources/translations/acgdesk_<lang>.qm``, compiled from the .ts sources by
``packaging/setup.sh`` (``pyside6-lrelease``); a checkout run without set-up compiles missing or
stale ones at start when lrelease is there, and otherwise stays in English. English loads
``acgdesk_en.qm`` too: it holds only the plural forms ("1 image" / "2 images").

File names, folders, prompts and tags are often Chinese or Japanese whatever the UI language, so
when the default font has no CJK glyphs a Noto Sans CJK face (SC, TC or JP, by language) is added
as a fallback for every font family the widgets use.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from acgdesk.gui.resources import translations_dir

log = logging.getLogger(__name__)

# (Prefs value, name shown in Settings): each language's name is written in that language
LANGUAGES = (
    ("", QT_TRANSLATE_NOOP("SettingsDialog", "System")),
    ("en", "English"),
    ("zh_CN", "简体中文"),
    ("zh_TW", "繁體中文"),
    ("ja", "日本語"),
)
CATALOGUES = ("zh_CN", "zh_TW", "ja")  # "en" is the source language
# CJK fallback faces by language, best first (fonts-noto-cjk on Debian, then what other systems ship)
CJK_FONTS = {
    "zh_CN": (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Microsoft YaHei",
        "PingFang SC",
        "WenQuanYi Micro Hei",
    ),
    "zh_TW": ("Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei", "PingFang TC"),
    "ja": ("Noto Sans CJK JP", "Source Han Sans", "Yu Gothic UI", "Meiryo", "Hiragino Sans"),
}
CJK_SYSTEMS = (
    QFontDatabase.WritingSystem.SimplifiedChinese,
    QFontDatabase.WritingSystem.TraditionalChinese,
    QFontDatabase.WritingSystem.Japanese,
)
_installed: list[QTranslator] = []
_language = "en"  # the catalogue install_translations loaded last


def catalogue_for(locale: QLocale) -> str:
    """The acgdesk catalogue for a locale: "zh_CN", "zh_TW", "ja", else "en" (every other language)."""
    language = locale.language()
    if language == QLocale.Language.Japanese:
        return "ja"
    if language == QLocale.Language.Chinese:
        traditional = locale.script() == QLocale.Script.TraditionalChineseScript or locale.territory() in (
            QLocale.Country.Taiwan,
            QLocale.Country.HongKong,
            QLocale.Country.Macao,
        )
        return "zh_TW" if traditional else "zh_CN"
    return "en"


def ui_language(choice: str = "", system: QLocale | None = None) -> str:
    """The catalogue to load for a Settings choice ("" or an unknown value: the system locale's)."""
    if choice in dict(LANGUAGES) and choice:
        return choice
    return catalogue_for(system if system is not None else QLocale.system())


def _lrelease() -> str | None:
    local = Path(sys.executable).parent / ("pyside6-lrelease" + (".exe" if os.name == "nt" else ""))
    return str(local) if local.exists() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled_catalogue(lang: str, source_dir: Path | None = None) -> Path | None:
    """``acgdesk_<lang>.qm``, compiled from its .ts now if it is missing or older (None: cannot)."""
    source_dir = source_dir or translations_dir()
    ts, qm = source_dir / f"acgdesk_{lang}.ts", source_dir / f"acgdesk_{lang}.qm"
    if not ts.is_file():
        return qm if qm.is_file() else None
    if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = _lrelease()
    if tool is None:
        log.info("no lrelease: %s not compiled, the window stays in English", ts.name)
        return qm if qm.is_file() else None
    if not os.access(source_dir, os.W_OK):  # an installed, read-only copy: compile into the temp folder
        qm = Path(tempfile.gettempdir()) / "acgdesk-translations" / qm.name
        qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", ts.name, exc)
        return None
    return qm if qm.is_file() else None


def remove_translations(app: QCoreApplication) -> None:
    global _language
    _language = "en"
    while _installed:
        app.removeTranslator(_installed.pop())


def current_language() -> str:
    """The catalogue in use ("en" before install_translations, or when none could be loaded)."""
    return _language


def number(n: int) -> str:
    """A count in the locale's digits and grouping ("12,345"; "12.345" in German). The C locale
    (LANG=C, the tests) groups with commas too: Qt's C locale would print "12345"."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(int(n))


def install_translations(app: QCoreApplication, choice: str = "", system: QLocale | None = None) -> str:
    """Install Qt's own (qtbase) and acgdesk's translators for the chosen language; returns the
    catalogue in use ("en" when nothing could be loaded). Replaces what an earlier call installed."""
    global _language
    remove_translations(app)
    lang = ui_language(choice, system)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if lang != "en" and qtbase.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    qm = compiled_catalogue(lang)
    own = QTranslator(app)
    if qm is not None and own.load(str(qm)):
        app.installTranslator(own)
        _installed.append(own)
    elif lang != "en":
        log.warning("no catalogue for %s: the window stays in English", lang)
        lang = "en"
        if (qm := compiled_catalogue("en")) is not None and own.load(str(qm)):
            app.installTranslator(own)
            _installed.append(own)
    _language = lang
    return lang


def has_cjk(family: str) -> bool:
    systems = QFontDatabase.writingSystems(family)
    return any(s in systems for s in CJK_SYSTEMS)


def cjk_fallback(lang: str) -> str | None:
    """The first installed CJK face for this language (Simplified Chinese first for other languages)."""
    available = set(QFontDatabase.families())
    for family in CJK_FONTS.get(lang, ()) + CJK_FONTS["zh_CN"] + CJK_FONTS["ja"] + CJK_FONTS["zh_TW"]:
        if family in available:
            return family
    return None


def apply_cjk_font(app: QGuiApplication, lang: str) -> str | None:
    """Give the application font a CJK fallback when its family has no CJK glyphs; returns the
    fallback family used (None: not needed, or none installed)."""
    font = app.font()
    families = font.families() or [font.family()]
    if any(has_cjk(f) for f in families):
        return None
    fallback = cjk_fallback(lang)
    if fallback is None:
        log.info("no CJK font installed (Debian: apt-get install fonts-noto-cjk)")
        return None
    # every family the style sheets or widgets may name falls back to it, and the app font lists it
    for family in {*families, "Sans Serif", "sans-serif", "Monospace", "monospace"}:
        QFont.insertSubstitution(family, fallback)
    font.setFamilies([*families, fallback])
    app.setFont(font)
    return fallback
