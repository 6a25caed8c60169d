"""The window in each language: translators installed at start-up, translated menus and toolbar,
English for an unknown locale, the Settings choice used at the next start, and a CJK fallback font."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from acgdesk.gui import i18n
from tests.gui.conftest import show_main_window

# (File menu, Edit menu, the toolbar's "Update library", the result count for 12 images)
EXPECTED = {
    "zh_CN": ("文件(&F)", "编辑(&E)", "更新图库", "12 张图片"),
    "zh_TW": ("檔案(&F)", "編輯(&E)", "更新圖庫", "12 張圖片"),
    "ja": ("ファイル(&F)", "編集(&E)", "ライブラリを更新", "12 枚の画像"),
    "en": ("&File", "&Edit", "Update library", "12 images"),
}


@pytest.fixture
def translators(qapp):
    """Whatever a test installs is removed afterwards: the other GUI tests run in English."""
    yield
    i18n.remove_translations(qapp)


def menu_titles(win) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW", "ja"])
def test_main_window_comes_up_translated(qtbot, qapp, library_dir, tmp_path, translators, lang):
    assert i18n.install_translations(qapp, lang) == lang
    win = show_main_window(qtbot, library_dir, tmp_path)
    file_menu, edit_menu, update, count = EXPECTED[lang]
    assert menu_titles(win)[:2] == [file_menu, edit_menu]
    assert win.refresh_action.text() == update
    assert win.count_label.text() == count  # a plural, through the catalogue's numerus form
    assert win.search.edit.placeholderText().count("rating:safe") == 1  # query syntax kept as is
    win.close()


@pytest.mark.parametrize("name", ["fr_FR", "de_DE", "ko_KR", "C"])
def test_unknown_locale_falls_back_to_english(qtbot, qapp, library_dir, tmp_path, translators, name):
    assert i18n.install_translations(qapp, "", QLocale(name)) == "en"
    win = show_main_window(qtbot, library_dir, tmp_path)
    assert menu_titles(win)[:2] == ["&File", "&Edit"]
    assert win.refresh_action.text() == "Update library"
    assert win.count_label.text() == "12 images"
    win.close()


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("zh_CN", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh_TW", "zh_TW"),
        ("zh_HK", "zh_TW"),
        ("ja_JP", "ja"),
        ("en_GB", "en"),
    ],
)
def test_system_locale_picks_the_catalogue(name, lang):
    assert i18n.ui_language("", QLocale(name)) == lang
    assert i18n.ui_language("ja", QLocale(name)) == "ja"  # the Settings choice wins
    assert i18n.ui_language("xx", QLocale(name)) == lang  # an unknown stored value: the system's


def test_english_plurals(qapp, translators):
    from acgdesk.gui.jobs import tr

    assert i18n.install_translations(qapp, "en") == "en"
    assert tr("Indexing %n folder(s)", "", 1) == "Indexing 1 folder"
    assert tr("Indexing %n folder(s)", "", 3) == "Indexing 3 folders"


def test_settings_language_is_stored_and_used_at_next_start(qtbot, qapp, library_dir, tmp_path, translators):
    from acgdesk.gui.app import install_translations
    from acgdesk.gui.prefs import Prefs
    from acgdesk.gui.settings_dialog import SettingsDialog

    win = show_main_window(qtbot, library_dir, tmp_path)
    dialog = SettingsDialog(win.backend, win.prefs, win)
    qtbot.addWidget(dialog)
    codes = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert codes == ["", "en", "zh_CN", "zh_TW", "ja"]
    assert names[1:] == ["English", "简体中文", "繁體中文", "日本語"]
    dialog.language.setCurrentIndex(codes.index("ja"))
    dialog.accept()
    win.close()
    # the next start reads the same preferences file
    prefs = Prefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    assert prefs.get("language") == "ja"
    assert install_translations(qapp, prefs.get("language")) == "ja"
    again = show_main_window(qtbot, library_dir, tmp_path)
    assert menu_titles(again)[:2] == ["ファイル(&F)", "編集(&E)"]
    dialog = SettingsDialog(again.backend, again.prefs, again)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "ja"
    assert dialog.language.itemText(0) == "システムに従う"
    again.close()


def test_qt_standard_buttons_are_translated(qapp, translators):
    from PySide6.QtWidgets import QDialogButtonBox

    if i18n.install_translations(qapp, "zh_CN") != "zh_CN":
        pytest.skip("no zh_CN catalogue")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    text = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    assert text != "Cancel" and "取消" in text


def test_missing_qm_is_built_from_the_ts(tmp_path):
    source = i18n.translations_dir() / "acgdesk_ja.ts"
    (tmp_path / source.name).write_bytes(source.read_bytes())
    if i18n._lrelease() is None:
        pytest.skip("no pyside6-lrelease")
    qm = i18n.compiled_catalogue("ja", tmp_path)
    assert qm == tmp_path / "acgdesk_ja.qm" and qm.stat().st_size > 1000
    assert i18n.compiled_catalogue("ja", tmp_path) == qm  # up to date: not built again


def test_cjk_fallback_font(qapp):
    saved = qapp.font()
    try:
        qapp.setFont(QFont("DejaVu Sans"))  # no CJK glyphs, as Debian's default
        if i18n.has_cjk("DejaVu Sans"):
            pytest.skip("this DejaVu Sans has CJK glyphs")
        fallback = i18n.apply_cjk_font(qapp, "ja")
        if fallback is None:
            pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
        assert fallback == "Noto Sans CJK JP" or fallback in i18n.CJK_FONTS["ja"] + i18n.CJK_FONTS["zh_CN"]
        assert qapp.font().families() == ["DejaVu Sans", fallback]
        assert QFontDatabase.WritingSystem.Japanese in QFontDatabase.writingSystems(fallback)
        assert i18n.apply_cjk_font(qapp, "ja") is None  # once is enough
        metrics = QFontMetrics(qapp.font())
        assert metrics.horizontalAdvance("猫耳ネコミミ") > metrics.horizontalAdvance("ab")
    finally:
        qapp.setFont(saved)


def test_module_helpers_find_their_translations(qapp, translators):
    """Every bare ``tr("...")`` call (module helpers bound to a context, as in jobs.py) is found
    at run time under the context packaging/translations.py filed it in."""
    import importlib
    import importlib.util

    from tests.test_translation_catalogues import REPO, translations_script

    script = translations_script()
    assert i18n.install_translations(qapp, "zh_CN") == "zh_CN"
    checked = 0
    for path, (context, sources) in script.bare_tr_contexts().items():
        module = importlib.import_module(".".join(path.relative_to(REPO).with_suffix("").parts))
        helper = getattr(module, "tr", None)
        if not callable(helper):  # tr is a QObject's, passed in (viewer_status, info_overlay)
            continue
        for source in sources:
            plural = "%n" in source or "%Ln" in source
            text = helper(source, "", 2) if plural else helper(source)
            assert text != source, (path.name, context, source)
            checked += 1
    assert checked > 100


def test_core_texts_in_japanese_models_dialog_and_undo_label(qtbot, qapp, library_dir, tmp_path, translators):
    """Texts from the headless core: a model's description and task in the Models dialog, and the
    Edit menu's Undo after a batch mark, both in Japanese (the CLI's English stays in the library)."""
    from PySide6.QtCore import Qt

    from acgdesk.gui.models_dialog import ModelsDialog

    assert i18n.install_translations(qapp, "ja") == "ja"
    win = show_main_window(qtbot, library_dir, tmp_path)
    dialog = ModelsDialog(win.backend, win.jobs, win.start_job, win)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 5, timeout=20_000)
    row = [r["id"] for r in dialog.rows].index("wd-swinv2-tagger-v3")
    assert dialog.table.item(row, 2).text() == "タガー"
    dialog.table.selectRow(row)
    text = dialog.description.text()
    assert "Danbooru タガー（SwinV2）" in text and "general, character" not in text
    assert dialog.table.item(row, 3).text() == "ベースサイズの WD v3 で一般タグが最も正確"
    dialog.close()
    win.grid.setFocus()
    qtbot.keyClick(win.grid, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(win.curation.marker.marked, timeout=10_000):
        qtbot.keyClick(win.grid, Qt.Key.Key_3)
    undo = win.curation.undo.undo_action
    qtbot.waitUntil(lambda: undo.text() == "元に戻す：星 3 個：12 個のファイル", timeout=10_000)
    win.close()
