"""Where each file of a dataset goes: folder per trainer convention, a safe unique name, the split.

- kohya-ss: ``<repeats>_<concept>/<name>.<ext>`` with ``<name>.txt`` beside it (sd-scripts reads
  the repeat count from the folder name);
- OneTrainer: ``<concept>/`` (and ``<concept>_validation/``) with ``.txt`` captions, plus
  ``concepts.json``, a concept list OneTrainer's Concepts tab loads;
- Hugging Face image folder: ``train/`` (and ``validation/``), each with ``metadata.jsonl`` rows
  ``{"file_name": ..., "text": ...}`` that ``datasets.load_dataset("imagefolder")`` reads.

Names come from the original file name, cleaned so that every file system and trainer takes them;
two files with the same name get their content hash's first characters. The held-out split is
chosen by hashing (seed, content): the same images stay held out when the export is repeated or
grows.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata

from acgdesk.dataset.options import CaptionSpec, LayoutOptions

TRAIN, VALIDATION = "train", "validation"
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
_MAX_STEM_BYTES = 120


def safe_stem(text: str, fallback: str = "image") -> str:
    """A file-name stem any file system and trainer accepts: NFC, no separators or control
    characters, no leading dots or trailing dots / spaces, not a Windows device name, at most
    120 bytes of UTF-8 (cut on a character boundary). CJK and emoji are kept."""
    stem = unicodedata.normalize("NFC", text)
    stem = _UNSAFE.sub("_", stem).strip().lstrip(".").rstrip(". ")
    encoded = stem.encode("utf-8")[:_MAX_STEM_BYTES]
    stem = encoded.decode("utf-8", "ignore").rstrip(". ")
    if not stem or stem.lower() in _WINDOWS_RESERVED:
        stem = f"{fallback}_{stem}" if stem else fallback
    return stem


def concept_name(layout: LayoutOptions, captions: CaptionSpec) -> str:
    """The concept part of folder names: the layout's, else the trigger word, else ``dataset``."""
    raw = layout.concept.strip() or captions.trigger.strip() or "dataset"
    return safe_stem(raw.replace("\\(", "(").replace("\\)", ")"), "dataset")


def folder_for(split: str, layout: LayoutOptions, concept: str) -> str:
    """The folder (relative to the dataset's) of the images of ``split``."""
    if layout.format == "kohya":
        return f"{layout.repeats}_{concept}"
    if layout.format == "onetrainer":
        return concept if split == TRAIN else f"{concept}_{VALIDATION}"
    return split


def held_out(content_hashes: list[str], fraction: float, seed: int) -> set[str]:
    """The ``round(n * fraction)`` hashes (at least one when the fraction is not 0 and there are two
    or more images) with the lowest ``sha256(seed:hash)``: stable under re-runs and growth."""
    if not fraction or len(content_hashes) < 2:
        return set()
    count = min(len(content_hashes) - 1, max(1, round(len(content_hashes) * fraction)))
    ranked = sorted(content_hashes, key=lambda h: hashlib.sha256(f"{seed}:{h}".encode()).hexdigest())
    return set(ranked[:count])


class NameBook:
    """Unique output stems per folder (compared case-insensitively, for Windows and macOS disks):
    a caption pairs with its image by stem, so ``a.png`` and ``a.jpg`` must not share ``a.txt``.

    Stems a previous run gave are taken first (:meth:`reserve`), so a repeated export keeps its
    file names; a clash gets ``-<first 8 hex of the content hash>``, then a counter."""

    def __init__(self) -> None:
        self._taken: dict[str, set[str]] = {}

    def reserve(self, folder: str, stem: str) -> bool:
        """Take ``stem`` in ``folder`` if still free (a name from the previous manifest)."""
        taken = self._taken.setdefault(folder, set())
        if stem.lower() in taken:
            return False
        taken.add(stem.lower())
        return True

    def assign(self, folder: str, stem: str, content_hash: str) -> str:
        taken = self._taken.setdefault(folder, set())
        short = content_hash[:8] or "x"
        # lazily: building every counter name up front cost ~15 ms a file (minutes at 100k)
        candidates = itertools.chain(
            (stem, f"{stem}-{short}"), (f"{stem}-{short}-{n}" for n in range(2, 100_000))
        )
        for name in candidates:
            if name.lower() not in taken:
                taken.add(name.lower())
                return name
        raise RuntimeError(f"no free name for {stem} in {folder}")
