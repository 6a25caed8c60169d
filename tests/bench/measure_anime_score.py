"""How right is the offline embedder's anime / not-anime class score? Measured on labelled folders.

    .venv/bin/python tests/bench/measure_anime_score.py --anime DIR --photo DIR [--json OUT]

Runs the default image embedder (``resnet18-anime``: anime-or-not's ResNet-18, see MODELS.md) the
way ingest does, through :func:`acgdesk.models.families.embedders.load_resnet_embedder`, on every
image of ``--anime`` (drawn art, label 1) and ``--photo`` (photographs, label 0), and prints the
score of each image, the accuracy at 0.5, the share of photos called anime, and the ranking AUC
(the chance that a random anime image scores above a random photo; 0.5 = a coin).

No images ship with acgdesk; the run reported in issue #15 used photos from scikit-image's bundled
data (astronaut, chelsea, coffee, rocket, ...), scikit-learn's ``china.jpg`` / ``flower.jpg`` and
waifu2x's ``lena.png`` / ``city.jpg``, and anime art from the waifu2x repository's ``images/``
(miku_*, slide, tone), anime-face-detector's ``assets/`` and Ren'Py's "The Question" (Debian
renpy-thequestion, fetched by tests/upscale/fetch_art.sh: 4 painted backgrounds, 8 sprites).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

EXTENSIONS = {".png", ".jpg", ".jpeg", ".webp", ".bmp"}


def images_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in EXTENSIONS)


def auc(positive: list[float], negative: list[float]) -> float:
    """Mann-Whitney: P(score of a positive > score of a negative), ties count half."""
    if not positive or not negative:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def measure(anime: list[Path], photo: list[Path], upstream: bool = False) -> dict:
    """``upstream``: feed the model as anime-or-not's own predict() does (stretched to 224x224,
    bilinear) instead of acgdesk's contract (padded white, bicubic)."""
    from dataclasses import replace

    from PIL import Image

    from acgdesk.models import catalogue
    from acgdesk.models.families.embedders import load_resnet_embedder

    spec = catalogue.get("resnet18-anime")
    found = importlib.util.find_spec(spec.source.package)  # type: ignore[union-attr]
    if found is None or found.origin is None:
        raise SystemExit(f"install it first: {spec.source.pip_install()}")  # type: ignore[union-attr]
    if upstream:
        spec = replace(spec, preprocess=replace(spec.preprocess, pad="none", resample="bilinear"))
    model = load_resnet_embedder(spec, Path(found.origin).parent)
    rows = []
    for label, paths in ((1, anime), (0, photo)):
        for path in paths:
            with Image.open(path) as im:
                im.load()
                (pred,) = model.predict([im.convert("RGBA") if im.mode in ("P", "LA") else im])
            rows.append({"file": path.name, "anime": label, "score": pred.scores["anime"]})
    model.close()
    pos = [r["score"] for r in rows if r["anime"]]
    neg = [r["score"] for r in rows if not r["anime"]]
    correct = sum((r["score"] >= 0.5) == bool(r["anime"]) for r in rows)
    return {
        "model": spec.key,
        "preprocessing": "upstream (stretch, bilinear)" if upstream else "acgdesk (pad white, bicubic)",
        "images": len(rows),
        "anime_images": len(pos),
        "photos": len(neg),
        "accuracy_at_0.5": correct / len(rows) if rows else float("nan"),
        "photos_called_anime": sum(s >= 0.5 for s in neg),
        "anime_called_photo": sum(s < 0.5 for s in pos),
        "auc": auc(pos, neg),
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--anime", type=Path, required=True, help="folder of drawn / anime-style images")
    ap.add_argument("--photo", type=Path, required=True, help="folder of photographs")
    ap.add_argument("--json", type=Path, help="also write the result here")
    ap.add_argument("--upstream", action="store_true", help="anime-or-not's own resize (stretch, bilinear)")
    args = ap.parse_args(argv)
    result = measure(images_in(args.anime), images_in(args.photo), upstream=args.upstream)
    for r in result["rows"]:
        print(f"{'anime' if r['anime'] else 'photo'}  {r['score']:.3f}  {r['file']}")
    print(
        f"\n{result['model']} ({result['preprocessing']}): {result['images']} images "
        f"({result['anime_images']} anime, "
        f"{result['photos']} photos)\naccuracy at 0.5: {result['accuracy_at_0.5']:.1%}; "
        f"photos called anime: {result['photos_called_anime']}/{result['photos']}; "
        f"anime called photo: {result['anime_called_photo']}/{result['anime_images']}; "
        f"AUC {result['auc']:.3f}"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
