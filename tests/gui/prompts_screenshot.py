"""The screenshot of tests/gui/screenshot.py on a library of generated images (A1111, ComfyUI and
NovelAI metadata in the files, as those tools write it), to look at the facets panel and the detail
panel's prompt row:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \\
        .venv/bin/python tests/gui/prompts_screenshot.py --out shot.png [screenshot.py's options]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PIL.PngImagePlugin import PngInfo  # noqa: E402

from tests.gui import screenshot  # noqa: E402
from tests.prompts.gen_images import comfy_graph  # noqa: E402

MODELS = ("animagineXL_v31", "ponyDiffusionV6XL", "anything-v5", "illustriousXL_v01")
LORAS = ("add_detail", "miku_v2", "flat_color_style", "detail_tweaker_xl_long_file_name_v2")
SAMPLERS = (("DPM++ 2M", "Karras"), ("Euler a", ""), ("DPM++ 2M SDE", "Exponential"))


def a1111_text(n: int) -> str:
    sampler, schedule = SAMPLERS[n % len(SAMPLERS)]
    lora = LORAS[n % len(LORAS)]
    schedule_text = f"Schedule type: {schedule}, " if schedule else ""
    return (
        f"masterpiece, best quality, 1girl, hatsune miku, long hair, (cat ears:1.2), smile, blue sky, "
        f"<lora:{lora}:0.{6 + n % 4}>\n"
        "Negative prompt: lowres, bad anatomy, text\n"
        f"Steps: {20 + n % 3 * 4}, Sampler: {sampler}, {schedule_text}CFG scale: 7, Seed: {1234 + n}, "
        f"Size: 832x1216, Model hash: 1a2b3c4d, Model: {MODELS[n % len(MODELS)]}, Version: v1.10.1"
    )


def prepare(root: Path, *, nested: bool = False) -> Path:
    art = root / "art"
    folder = art / "ai"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(36):
        w, h = (900, 1200) if i % 2 else (1200, 800)
        info = PngInfo()
        if i % 6 == 5:
            info.add_text("prompt", json.dumps(comfy_graph(seed=4000 + i)))
        elif i % 6 == 4:
            nai = {"prompt": "1girl, {cat ears}, smile", "uc": "lowres", "steps": 28, "scale": 5, "seed": i,
                   "sampler": "k_euler_ancestral", "width": 832, "height": 1216}  # fmt: skip
            info.add_text("Software", "NovelAI")
            info.add_text("Source", "NovelAI Diffusion V4 5B2A1B2A")
            info.add_text("Comment", json.dumps(nai))
        elif i % 9 != 8:  # a few images without generation data
            info.add_text("parameters", a1111_text(i))
        screenshot.picture(i, w, h).save(folder / f"gen_{i:03d}.png", pnginfo=info)
    lib_root = root / "library"
    with screenshot.Library.open(lib_root) as lib:
        lib.index([folder], models=(), sequential=True)
    return lib_root


if __name__ == "__main__":
    screenshot.prepare = prepare
    raise SystemExit(screenshot.main())
