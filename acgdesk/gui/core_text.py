"""The headless core's fixed English texts, said in the window's language.

The core never imports Qt, and the CLI stays English: model descriptions, what a model is good at,
speed classes, task and install-state names, and what each score means are English strings in
``acgdesk.models`` and ``acgdesk.core.score_kinds``. This module lists every one of them as a
``QT_TRANSLATE_NOOP`` literal (so ``packaging/translations.py update`` puts them in the catalogues)
and translates them at display time; a text not listed here is shown as the core wrote it (model
ids such as a score's source "resnet18-anime" are left out on purpose: names stay as they are).
``tests/gui/test_core_text.py`` fails when the core can produce a text that is not listed, so a new
catalogue entry cannot silently stay English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CORE = "core"  # descriptions, "good at", speed meanings, score meanings and sources
TASK = "core_task"  # Task values ("tagger", "clip"...)
STATE = "core_state"  # InstallStatus values ("installed", "missing"...)
SPEED = "core_speed"  # speed classes ("fast", "slow"...)
SCORE = "core_score"  # the short names of scores ("aesthetic", "sharpness"...)

TEXTS: dict[str, tuple[str, ...]] = {
    CORE: (
        # model descriptions (acgdesk/models/catalogue.py, catalogue_acg.py)
        QT_TRANSLATE_NOOP(
            "core",
            "ViT-B/16 @448, 5000+ Danbooru tags, sigmoid, F1 0.578 at threshold 0.4; "
            "works on drawn and photographic images.",
        ),
        QT_TRANSLATE_NOOP(
            "core", "Danbooru tagger (ViT); general, character and rating tags with separate thresholds."
        ),
        QT_TRANSLATE_NOOP(
            "core", "Danbooru tagger (SwinV2); general, character and rating tags with separate thresholds."
        ),
        QT_TRANSLATE_NOOP(
            "core", "Danbooru tagger (ConvNeXt); general, character and rating tags with separate thresholds."
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "Danbooru tagger (ViT-Large); general, character and rating tags with separate thresholds.",
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "Danbooru tagger (EVA02-Large); general, character and rating tags with separate thresholds.",
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "timm CAFormer-B36 (134.0M params) on the Danbooru wdtagger-v4 set: 12,476 tags "
            "(9,225 general, 3,247 character, 4 rating), 384x384; exact preprocessing from its "
            "preprocess.json.",
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "EVA02-Large encoder of WD v3 with a head retrained on Danbooru to 2025-01: 13,461 tags "
            "(9,741 general, 3,720 character; no rating tags), 448x448 stretched, bilinear, (x-0.5)/0.5.",
        ),
        QT_TRANSLATE_NOOP("core", "Image and text towers in one 512-d space: search images by a sentence."),
        QT_TRANSLATE_NOOP(
            "core", "One 0..1 aesthetic score per image; 768 px letterboxed on black, 0..1 input."
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "512-d pooled features of a ResNet-18 (the tensor before its classifier): offline "
            "similar-image search.",
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "YOLOv8n body-part detector; detections map to general / sensitive / questionable / explicit.",
        ),
        QT_TRANSLATE_NOOP(
            "core", "384-d sentence embeddings of tags, prompts and names: offline semantic search."
        ),
        QT_TRANSLATE_NOOP("core", "Anime super-resolution 2x/3x/4x with denoise levels; CPU or Vulkan GPU."),
        QT_TRANSLATE_NOOP("core", "Resolution and sharpness (variance of the Laplacian); no model needed."),
        QT_TRANSLATE_NOOP(
            "core",
            "512-d embeddings of Chinese, Japanese and English anime words (titles, characters, "
            "tags): choose it as the text encoder so 猫耳 or ネコミミ finds cat_ears.",
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "OpenAI CLIP ViT-L/14 fine-tuned on Danbooru 2021: anime text-to-image search, image "
            "and text in one 768-d space; 224 px, shortest side resized and centre-cropped.",
        ),
        # what each model is good at (ModelSpec.strengths)
        QT_TRANSLATE_NOOP("core", "general tags on any image, photos included; no character or rating tags"),
        QT_TRANSLATE_NOOP("core", "balanced general tags; the smallest WD v3"),
        QT_TRANSLATE_NOOP("core", "best general-tag accuracy of the base-size WD v3 models"),
        QT_TRANSLATE_NOOP("core", "good general tags from a convolutional backbone"),
        QT_TRANSLATE_NOOP("core", "more accurate general and character tags than the base models"),
        QT_TRANSLATE_NOOP("core", "the most accurate WD v3, strongest on characters"),
        QT_TRANSLATE_NOOP("core", "newest Danbooru-v4 tag set with ratings; animetimm's recommended model"),
        QT_TRANSLATE_NOOP(
            "core", "recent characters and series (data to 2025-01), recall-first: finds more tags to filter"
        ),
        QT_TRANSLATE_NOOP(
            "core",
            'search by an English sentence ("girl under cherry blossoms"); weak on character names',
        ),
        QT_TRANSLATE_NOOP(
            "core", "sorting anime illustrations by how polished they look; meaningless on photos"
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "offline similar-image search (near duplicates, same scene); its own anime/not-anime "
            "class is not reliable and is not shown",
        ),
        QT_TRANSLATE_NOOP(
            "core", "offline content rating from exposed body parts; trained on photos, rougher on drawings"
        ),
        QT_TRANSLATE_NOOP("core", "offline search of tags, prompts and names by meaning (English)"),
        QT_TRANSLATE_NOOP("core", "upscaling anime art 2-4x with clean lines; not for photos"),
        QT_TRANSLATE_NOOP("core", "finding small, blurry or out-of-focus files"),
        QT_TRANSLATE_NOOP(
            "core",
            "multilingual (Chinese / Japanese / English) search of tags, prompts and names; "
            "knows anime titles and characters",
        ),
        QT_TRANSLATE_NOOP("core", "text-to-image search in Danbooru's own words (tags, characters, series)"),
        # what each speed class means (acgdesk/models/spec.py SPEED_CLASSES)
        QT_TRANSLATE_NOOP("core", "no network: thousands of images a second"),
        QT_TRANSLATE_NOOP("core", "small network: tens of images a second on a CPU"),
        QT_TRANSLATE_NOOP(
            "core", "base-size network: about one image a second on a CPU, GPU advised for big libraries"
        ),
        QT_TRANSLATE_NOOP("core", "large network: seconds per image on a CPU, GPU strongly advised"),
        # fixed install details (acgdesk/models/store.py)
        QT_TRANSLATE_NOOP("core", "computed without model files"),
        # what each score means, and what computes it (acgdesk/core/score_kinds.py)
        QT_TRANSLATE_NOOP("core", "how polished an anime illustration looks, 0..1 (meaningless on photos)"),
        QT_TRANSLATE_NOOP(
            "core", "resolution and focus, 0..1: 0.5 is the usual blurry-below line, crisp line art nears 1"
        ),
        QT_TRANSLATE_NOOP("core", "width x height of the original file in millions of pixels"),
        QT_TRANSLATE_NOOP("core", "variance of the Laplacian at 512 px, the raw number behind sharpness"),
        QT_TRANSLATE_NOOP(
            "core", "how much this looks like the images you marked as liked, 0..1 (learnt from your marks)"
        ),
        QT_TRANSLATE_NOOP("core", "anime-or-not class score: wrong on many photos as computed, so not shown"),
        QT_TRANSLATE_NOOP("core", "a score stored by a model; no description is known"),
        QT_TRANSLATE_NOOP("core", "anime-aesthetic model"),
        QT_TRANSLATE_NOOP("core", "no model"),
        QT_TRANSLATE_NOOP("core", "your marks"),
        QT_TRANSLATE_NOOP("core", "unknown model"),
        # licences worded rather than named (an SPDX id such as "Apache-2.0" stays as it is)
        QT_TRANSLATE_NOOP("core", "see the model card"),
        QT_TRANSLATE_NOOP("core", "not stated on the model card"),
        QT_TRANSLATE_NOOP("core", "unknown (package metadata gives none)"),
        QT_TRANSLATE_NOOP("core", "AGPL-3.0 (LICENSE file; the package metadata says MIT)"),
        QT_TRANSLATE_NOOP("core", "Apache-2.0 (model); MIT (package)"),
        QT_TRANSLATE_NOOP("core", "MIT (weights); BSD-3-Clause (package)"),
        QT_TRANSLATE_NOOP("core", "MIT (the repository's first model card; the current card names none)"),
    ),
    TASK: (
        QT_TRANSLATE_NOOP("core_task", "tagger"),
        QT_TRANSLATE_NOOP("core_task", "image_embedder"),
        QT_TRANSLATE_NOOP("core_task", "clip"),
        QT_TRANSLATE_NOOP("core_task", "text_encoder"),
        QT_TRANSLATE_NOOP("core_task", "rating"),
        QT_TRANSLATE_NOOP("core_task", "aesthetic"),
        QT_TRANSLATE_NOOP("core_task", "upscaler"),
    ),
    STATE: (
        QT_TRANSLATE_NOOP("core_state", "installed"),
        QT_TRANSLATE_NOOP("core_state", "missing"),
        QT_TRANSLATE_NOOP("core_state", "incomplete"),
        QT_TRANSLATE_NOOP("core_state", "package-missing"),
        QT_TRANSLATE_NOOP("core_state", "builtin"),
    ),
    SPEED: (
        QT_TRANSLATE_NOOP("core_speed", "instant"),
        QT_TRANSLATE_NOOP("core_speed", "fast"),
        QT_TRANSLATE_NOOP("core_speed", "medium"),
        QT_TRANSLATE_NOOP("core_speed", "slow"),
    ),
    SCORE: (
        QT_TRANSLATE_NOOP("core_score", "aesthetic"),
        QT_TRANSLATE_NOOP("core_score", "sharpness"),
        QT_TRANSLATE_NOOP("core_score", "megapixels"),
        QT_TRANSLATE_NOOP("core_score", "edge contrast"),
        QT_TRANSLATE_NOOP("core_score", "taste"),
        QT_TRANSLATE_NOOP("core_score", "anime"),
    ),
}


def core_text(text: str, context: str = CORE) -> str:
    """``text`` from the core in the window's language; a text no catalogue has stays as it is."""
    return QCoreApplication.translate(context, text) if text else text


def task_text(task: str) -> str:
    return core_text(task, TASK)


def state_text(state: str) -> str:
    return core_text(state, STATE)


def speed_text(speed: str) -> str:
    return core_text(speed, SPEED)


def score_label(entry) -> str:
    """A :class:`~acgdesk.core.score_kinds.ScoreKind`'s short name."""
    return core_text(entry.label, SCORE)


def score_meaning(entry) -> str:
    """What a score says and what computes it, as ``shown_scores`` words it: "meaning (source)"."""
    return f"{core_text(entry.meaning)} ({core_text(entry.source)})"
