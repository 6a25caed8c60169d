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


def prepare(root: Path) -> Path:
    art = root / "art"
    for i in range(40):
        folder = art / ("pixiv" if i % 3 else "twitter")
        folder.mkdir(parents=True, exist_ok=True)
        w, h = (900, 1200) if i % 2 else (1200, 800)
        picture(i, w, h).save(folder / f"illust_{i:03d}.png")
    lib_root = root / "library"
    with Library.open(lib_root) as lib:
        lib.index([art / "pixiv", art / "twitter"], models=(), sequential=True)
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
        lib.add_tags(ids[0], ["my_favourite"])
    return lib_root


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "screenshot.png")
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--query", default="", help="a search to type before the screenshot")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QItemSelectionModel, QSettings
    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory(prefix="acgdesk-shot-") as tmp:
        tmp_path = Path(tmp)
        lib_root = prepare(tmp_path)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))

        from acgdesk.gui.app import apply_theme, create_app, open_window
        from acgdesk.gui.prefs import Prefs

        app = create_app()
        apply_theme(app, args.theme)
        prefs = Prefs()
        prefs.set("run_models", False)
        window = open_window(lib_root, prefs=prefs)
        window.resize(1500, 920)
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
        if args.query:
            window.search.set_text(args.query, submit=True)
            spin(2)
        first, last = window.grid.visible_rows()
        spin(10, lambda: all(window.model.thumb(r) is not None for r in range(first, last)))
        window.grid.selectionModel().setCurrentIndex(
            window.model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        spin(10, lambda: window.detail.info is not None)
        spin(10, lambda: not window.detail.preview.pixmap().isNull())
        spin(0.5)
        screen = QApplication.primaryScreen()
        # the window as the X server shows it (what a user sees), else as Qt renders it
        shot = screen.grabWindow(window.winId()) if QApplication.platformName() == "xcb" else window.grab()
        if shot.isNull():
            shot = window.grab()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shot.save(str(args.out), "PNG")
        print(
            f"saved {args.out} ({shot.width()}x{shot.height()}) on the {QApplication.platformName()} platform"
        )
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
