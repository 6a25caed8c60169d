"""Start the real application window on a prepared library and save a screenshot (PNG).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/gui/screenshot.py --out shot.png
    (packaging/screenshot.sh does exactly this)

The library is made in a temporary folder: ~40 Pillow-drawn images in two folders, indexed through
the facade without models, then tagged, scored and given a generation prompt through the db helpers
(as a tagger and the metadata reader would). The window is the one ``acgdesk gui`` opens
(:func:`acgdesk.gui.app.open_window`, theme and all) on the platform Qt picks (xcb under Xvfb). The
script waits until the first page of thumbnails is painted, selects an image so the detail panel is
filled, lets the preview load, then grabs the screen.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from acgdesk.db.connection import transaction  # noqa: E402
from acgdesk.db.generation import request_fill  # noqa: E402
from acgdesk.db.predictions import TagIds, record_model_run, replace_model_tags, store_scores  # noqa: E402
from acgdesk.library import Library  # noqa: E402

TAGS = [
    ("1girl", "general"),
    ("long_hair", "general"),
    ("cat_ears", "general"),
    ("blue_eyes", "general"),
    ("smile", "general"),
    ("school_uniform", "general"),
    ("outdoors", "general"),
    ("sky", "general"),
    ("hatsune_miku", "character"),
    ("vocaloid", "copyright"),
]


def picture(seed: int, w: int, h: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    y = np.mgrid[0:h, 0:w][0]
    top, bottom = rng.integers(40, 255, 3), rng.integers(0, 200, 3)
    t = (y / h)[..., None]
    im = Image.fromarray((top * (1 - t) + bottom * t).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(im)
    for _ in range(7):
        cx, cy, r = int(rng.integers(0, w)), int(rng.integers(0, h)), int(rng.integers(w // 12, w // 4))
        d.ellipse(
            (cx - r, cy - r, cx + r, cy + r),
            fill=tuple(int(v) for v in rng.integers(0, 255, 3)),
            outline=(30, 30, 30),
            width=3,
        )
    return im


def prepare(root: Path, *, nested: bool = False, cjk: bool = False, broken: bool = False) -> Path:
    art = root / "art"
    twitter = "推特收藏" if cjk else "twitter"  # --cjk: Chinese and Japanese names, tags, a prompt
    for i in range(40):
        folder = art / ("pixiv" if i % 3 else twitter)
        if nested and i % 3:  # sub-folders for the sidebar's tree: pixiv/2023/summer, pixiv/2024
            folder = folder / ("2024" if i % 2 else "2023/summer" if i % 4 == 0 else "2023")
        folder.mkdir(parents=True, exist_ok=True)
        w, h = (900, 1200) if i % 2 else (1200, 800)
        picture(i, w, h).save(folder / (f"初音ミク_{i:03d}.png" if cjk else f"illust_{i:03d}.png"))
    if broken:  # a picture cut off half way (an interrupted download): indexed with its error
        whole = (art / "pixiv" / ("初音ミク_001.png" if cjk else "illust_001.png")).read_bytes()
        (art / "pixiv" / "cut_off.png").write_bytes(whole[: len(whole) // 2])
    lib_root = root / "library"
    with Library.open(lib_root) as lib:
        lib.index([art / "pixiv", art / twitter], models=(), sequential=True)
        ids = [r[0] for r in lib.db.execute("SELECT id FROM files WHERE status = 'ok' ORDER BY path")]
        tag_ids = TagIds()
        rng = np.random.default_rng(7)
        with transaction(lib.db) as conn:
            for n, file_id in enumerate(ids):
                tags = [
                    (name, cat, float(rng.uniform(0.3, 0.99))) for name, cat in TAGS if rng.random() < 0.6
                ]
                tags.append(("general" if n % 4 else "sensitive", "rating", 0.9))
                replace_model_tags(conn, tag_ids, file_id, "wd-swinv2-tagger-v3@v3", tags)
                record_model_run(conn, file_id, "wd-swinv2-tagger-v3@v3")
                store_scores(conn, file_id, "aesthetic-demo@1", {"aesthetic": float(rng.uniform(0.2, 0.95))})
                conn.execute(
                    "INSERT OR REPLACE INTO metadata (file_id, generator, prompt, negative_prompt, "
                    "generation_params) VALUES (?, 'a1111', ?, 'lowres, bad anatomy', ?)",
                    (
                        file_id,
                        "1girl, hatsune miku, long hair, cat ears, smile, blue sky, masterpiece",
                        json.dumps(
                            {"Steps": 28, "Sampler": "DPM++ 2M Karras", "CFG scale": 7, "Seed": 1234 + n}
                        ),
                    ),
                )
            request_fill(conn)  # metadata written here, not by the indexer: the next open fills the runs
        lib.add_tags(ids[0], ["my_favourite", "猫耳", "ネコミミ"] if cjk else ["my_favourite"])
        if cjk:
            with transaction(lib.db) as conn:
                prompt = "1girl, 初音ミク, 猫耳, 青空, 笑顔, masterpiece"
                conn.execute("UPDATE metadata SET prompt = ? WHERE file_id = ?", (prompt, ids[0]))
    return lib_root


COMPARE_VARIANTS = [  # (prompt, negative prompt, changed settings) for the images --compare shows
    (
        "masterpiece, best quality, 1girl, hatsune miku, long hair, (cat ears:1.2), smile, blue sky, "
        "<lora:miku_v2:0.8>",
        "lowres, bad anatomy, text",
        {},
    ),
    (
        "masterpiece, best quality, 1girl, hatsune miku, long hair, (cat ears:1.4), open mouth, night sky, "
        "stars, <lora:miku_v2:0.6>",
        "lowres, bad anatomy, watermark",
        {"Sampler": "Euler a", "Steps": 30},
    ),
    (
        "masterpiece, 1girl, hatsune miku, long hair, cat ears, smile, school uniform, outdoors",
        "lowres, bad anatomy, text",
        {"CFG scale": 5.5},
    ),
    (
        "best quality, 1girl, hatsune miku, twintails, smile, BREAK blue sky, clouds",
        "lowres, text",
        {"Size": "1024x1024"},
    ),
]


def vary_prompts(lib_root: Path, ids: list[int]) -> None:
    """The prepared images differ only by seed: give those --compare shows prompts that differ."""
    with Library.open(lib_root) as lib, transaction(lib.db) as conn:
        for n, (file_id, (prompt, negative, changed)) in enumerate(zip(ids, COMPARE_VARIANTS, strict=False)):
            params = {"Steps": 28, "Sampler": "DPM++ 2M", "Schedule type": "Karras", "CFG scale": 7}
            params |= {"Seed": 1234 + 1111 * n, "Size": "832x1216", "Model": "animagineXL_v31", **changed}
            conn.execute(
                "UPDATE metadata SET prompt = ?, negative_prompt = ?, generation_params = ? "
                "WHERE file_id = ?",
                (prompt, negative, json.dumps(params), file_id),
            )
        request_fill(conn)


def seed_marks(lib_root: Path) -> None:
    """Stars, favourites, picks and rejects on the first images, albums in a group, a smart album,
    and an action undone (greyed in the History dialog), all through ``Library.curate``."""
    with Library.open(lib_root) as lib:
        ids = lib.query_ids("")  # in the grid's default order: the first ones are on screen
        c = lib.curate
        for n, file_id in enumerate(ids[:12]):
            c.rate([file_id], [5, 4, 3, 0, 2, 5, 1, 4, 0, 3, 5, 2][n])
        c.favourite([ids[0], ids[5], ids[10]])
        c.flag([ids[1], ids[5], ids[7]], "pick")
        c.flag([ids[3], ids[8]], "reject")
        c.create_album("Projects", is_group=True)
        c.create_album("Summer set", group="Projects")
        c.add_to_album("Summer set", ids[:6])
        c.create_album("Cover candidates", group="Projects")
        c.add_to_album("Cover candidates", [ids[0], ids[5], ids[10]])
        c.create_album("Best rated", query="stars:>=4")
        c.create_album("Miku", query="hatsune_miku")
        c.create_album("To print")
        c.add_to_album("To print", ids[1:3])
        c.tag(ids[:4], add=["portfolio"])
        c.rate(ids[20:24], 1)
        c.undo()  # the last one, greyed in the history


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "screenshot.png")
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--query", default="", help="a search to type before the screenshot")
    parser.add_argument("--compare", type=int, default=0, help="compare the first N (2-4) results")
    parser.add_argument("--swipe", action="store_true", help="with --compare 2: in swipe mode")
    parser.add_argument("--layout", default="square", choices=("square", "justified"), help="grid layout")
    parser.add_argument("--sidebar-expand", action="store_true", help="sub-folders, shown opened")
    parser.add_argument("--blur", default="", help="blur images rated this or higher (e.g. sensitive)")
    parser.add_argument("--size", default="1400x900", help="window size, WxH (default: the app's own)")
    parser.add_argument("--view", type=int, metavar="ROW", help="open the viewer on this result (0: first)")
    parser.add_argument("--view-info", action="store_true", help="with --view: its information overlay too")
    parser.add_argument("--marks", action="store_true", help="seed stars, favourites, flags, albums first")
    parser.add_argument("--select", type=int, default=1, metavar="N", help="select the first N results")
    parser.add_argument("--menu", choices=("selection", "context"), help="open the Selection / context menu")
    parser.add_argument("--history", action="store_true", help="open the History dialog (use with --marks)")
    parser.add_argument("--models", action="store_true", help="open the Models dialog")
    parser.add_argument(
        "--dataset",
        nargs="?",
        const="images",
        choices=("output", "images", "captions", "selection"),
        help="open Export training set on the selection (buckets, WebP) at this tab (images)",
    )
    parser.add_argument("--lang", default="en", help="UI language: en, zh_CN, zh_TW, ja (as in Settings)")
    parser.add_argument("--cjk", action="store_true", help="Chinese/Japanese file, folder and tag names")
    parser.add_argument(
        "--broken",
        action="store_true",
        help="with --view 0: a truncated file first, its recorded error shown",
    )
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QItemSelection, QItemSelectionModel, QSettings
    from PySide6.QtWidgets import QApplication, QMenu

    from acgdesk.gui.grid_model import MARKS_ROLE

    with tempfile.TemporaryDirectory(prefix="acgdesk-shot-") as tmp:
        tmp_path = Path(tmp)
        lib_root = prepare(tmp_path, nested=args.sidebar_expand, cjk=args.cjk, broken=args.broken)
        if args.marks:
            seed_marks(lib_root)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))

        from acgdesk.gui.app import apply_theme, create_app, install_translations, open_window
        from acgdesk.gui.prefs import Prefs

        app = create_app()
        install_translations(app, args.lang)
        apply_theme(app, args.theme)
        prefs = Prefs()
        prefs.set("run_models", False)
        prefs.set("grid_layout", args.layout)
        prefs.set("blur_from", args.blur)
        window = open_window(lib_root, prefs=prefs)
        window.resize(*(int(v) for v in args.size.lower().split("x")))
        window.show()
        window.start()

        def spin(seconds: float, until=lambda: False) -> bool:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
                if until():
                    return True
            return False

        spin(10, lambda: window.model.rowCount() > 0)
        spin(10, lambda: not window.grid.ratios_pending())
        if args.sidebar_expand:
            spin(10, lambda: bool(window.sidebar.folders))
            for f in window.sidebar.folders:
                window.sidebar.tree.expand(window.sidebar.index_of(f.path))
            for path in list(window.sidebar.children):  # and the sub-folders' own
                window.sidebar.tree.expand(window.sidebar.index_of(path))
        if args.query:
            window.search.set_text(args.query, submit=True)
            spin(2)
        first, last = window.grid.visible_rows()
        spin(10, lambda: all(window.model.thumb(r) is not None for r in range(first, last)))
        window.grid.selectionModel().setCurrentIndex(
            window.model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if args.select > 1:
            window.grid.selectionModel().select(
                QItemSelection(window.model.index(0), window.model.index(args.select - 1)),
                QItemSelectionModel.SelectionFlag.Select,
            )
        if args.marks:  # the badges of the cells on screen, the albums and their counts
            known = lambda r: window.model.data(window.model.index(r), MARKS_ROLE) is not None  # noqa: E731
            spin(10, lambda: all(known(r) for r in range(first, last)))
            spin(10, lambda: bool(window.curation.albums.albums))
        spin(10, lambda: window.detail.info is not None)
        spin(10, lambda: not window.detail.preview.pixmap().isNull())
        spin(0.5)
        shown = window
        if args.compare:
            # every other row: the prepared images alternate between landscape and portrait
            ids = [window.model.file_id(r) for r in range(0, 2 * args.compare, 2)]
            vary_prompts(lib_root, ids)
            shown = window.compare_files(ids)
            spin(20, lambda: shown.ready)
            if args.swipe:
                shown.show_swipe()
            spin(1)
        if args.view is not None:  # the viewer over the window, as Enter on a thumbnail opens it
            if args.broken:  # results never hold a failed file; a set of ids can (an album, a dataset)
                with Library.open(lib_root) as lib:
                    cut = lib.show(str(tmp_path / "art" / "pixiv" / "cut_off.png"))["id"]
                window.model.set_ids([cut, *(window.model.file_id(r) for r in range(3))])
            window.viewer.open_row(args.view)
            canvas = window.viewer.canvas
            spin(
                20,
                lambda: canvas.has_picture() or (canvas.picture is not None and bool(canvas.picture.error)),
            )
            if args.view_info:
                window.viewer.toggle_info()
                spin(10, lambda: window.viewer.info_label.isVisible())
            spin(0.5)
        popup = None
        if args.menu:  # a popup is a window of its own: the screen is grabbed where the window is
            menu = window.curation.selection_menu if args.menu == "selection" else QMenu(window)
            if args.menu == "context":
                window.curation.add_to_context_menu(menu)
            else:
                window.curation.batch.fill_selection_menu(menu)
            rect = window.grid.visualRect(window.model.index(min(args.select, window.model.rowCount()) - 1))
            menu.popup(window.grid.viewport().mapToGlobal(rect.center()))
            popup = menu
            spin(1)
        if args.history:
            popup = window.curation.undo.show_history()
            spin(3, lambda: popup.list.count() > 1)
            spin(0.5)
        if args.models:
            from acgdesk.gui.models_dialog import ModelsDialog

            popup = ModelsDialog(window.backend, window.jobs, window.start_job, window)
            popup.show()
            spin(10, lambda: popup.table.rowCount() > 0)
            popup.table.selectRow(0)  # its description: what it is good at, its install state
            spin(1)
        if args.dataset:
            from acgdesk.gui.dataset.dialog import DatasetDialog

            scope = window.curation.batch.selection_scope() or window.curation.batch.results_scope()
            popup = DatasetDialog(window.backend, scope, None, window)
            form = popup.form
            form.folder.setText(str(tmp_path / "datasets" / "mychar"))
            form.resize_mode.setCurrentIndex(form.resize_mode.findData("buckets"))
            form.image_format.setCurrentIndex(form.image_format.findData("webp"))
            form.trigger.setText("mychar")
            form.setCurrentIndex(("output", "images", "captions", "selection").index(args.dataset))
            done: list[bool] = []
            popup.preview_ready.connect(lambda: done.append(True))
            popup.show()
            popup.refresh_preview()
            spin(10, lambda: bool(done) and popup.preview is not None)
            spin(0.5)
        screen = QApplication.primaryScreen()
        # the window as the X server shows it (what a user sees), else as Qt renders it
        shot = screen.grabWindow(shown.winId()) if QApplication.platformName() == "xcb" else shown.grab()
        if popup is not None and QApplication.platformName() == "xcb":
            g = shown.frameGeometry()
            shot = screen.grabWindow(0, g.x(), g.y(), g.width(), g.height())
        if shot.isNull():
            shot = shown.grab()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shot.save(str(args.out), "PNG")
        print(
            f"saved {args.out} ({shot.width()}x{shot.height()}) on the {QApplication.platformName()} platform"
        )
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
