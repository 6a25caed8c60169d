"""Search terms for generation facts (``checkpoint:"name"``, ``seed:1234``, ``prompt:"..."``), and
adding or removing one in a query the user typed.

Why here and not in a widget: the facets panel, the detail panel's "search with this seed" and the
tests build the same terms; they must quote exactly as the query language reads
(docs/query-language.md: ``field:"a b"``, ``\\"`` and ``\\\\`` inside quotes). Pure string work.
"""

from __future__ import annotations

import re

from acgdesk.imaging.generation.record import GenerationInfo
from acgdesk.prompts.a1111_text import a1111_parameters, main_run, model_stem

__all__ = [
    "PROMPT_TERM_CHARS",
    "facet_term",
    "has_term",
    "prompt_term",
    "prompt_texts",
    "search_terms",
    "toggle_term",
]

_BARE = re.compile(r"[A-Za-z0-9_.+\-]+")
# The facet keys of Library.generation.facets and the query field each one filters by.
FACET_FIELDS = {"generator": "generator", "model": "checkpoint", "lora": "lora", "sampler": "sampler"}
PROMPT_TERM_CHARS = 200  # a prompt search matches images whose prompt holds its first line, to here


def quote_value(value: str) -> str:
    """A field value as the query language reads it back: bare when it is one plain word."""
    text = str(value)
    if _BARE.fullmatch(text) and not text.startswith("-"):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("*", "\\*").replace("?", "\\?") + '"'  # a name, not a wildcard


def facet_term(field: str, value: str | int) -> str:
    """``checkpoint:"Anything V5"`` (the model facet), ``lora:ink``, ``generator:comfyui``."""
    return f"{FACET_FIELDS.get(field, field)}:{quote_value(str(value))}"


def prompt_term(prompt: str) -> str | None:
    """``prompt:"..."`` for the first line of a prompt (cut at a comma before PROMPT_TERM_CHARS):
    images made from the same prompt, also when a later line or a wildcard differs."""
    first = next((line.strip() for line in prompt.splitlines() if line.strip()), "")
    if not first:
        return None
    if len(first) > PROMPT_TERM_CHARS:
        cut = first.rfind(",", 0, PROMPT_TERM_CHARS)
        first = first[: cut if cut > 0 else PROMPT_TERM_CHARS].rstrip()
    return f'prompt:"{first.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"'


def _spans(query: str, term: str) -> list[tuple[int, int]]:
    """Where ``term`` stands as a whole word in ``query`` (spaces or the ends around it)."""
    out = []
    start = query.find(term)
    while start >= 0:
        end = start + len(term)
        if (start == 0 or query[start - 1].isspace()) and (end == len(query) or query[end].isspace()):
            out.append((start, end))
        start = query.find(term, start + 1)
    return out


def has_term(query: str, term: str) -> bool:
    return bool(_spans(query, term))


def toggle_term(query: str, term: str) -> str:
    """``query`` with ``term`` added at the end, or taken out where it already stands."""
    spans = _spans(query, term)
    if not spans:
        return f"{query.rstrip()} {term}".strip()
    for start, end in reversed(spans):
        query = query[:start] + query[end:]
    return " ".join(query.split())


def prompt_texts(info: GenerationInfo) -> dict[str, str]:
    """What each copy button copies (the main run's prompts, as the detail panel shows them)."""
    run = main_run(info)
    return {
        "prompt": (run.positive if run is not None and run.positive else info.prompt) or "",
        "negative": (run.negative if run is not None and run.negative else info.negative_prompt) or "",
        "parameters": a1111_parameters(info),
    }


def search_terms(info: GenerationInfo) -> dict[str, str | None]:
    """The query each "same …" search sets."""
    run = main_run(info)
    params = info.params or {}
    seed = run.seed if run is not None and run.seed is not None else params.get("seed")
    model = (run.model if run is not None else None) or params.get("model")
    return {
        "prompt": prompt_term(prompt_texts(info)["prompt"]),
        "seed": f"seed:{int(seed)}" if isinstance(seed, int | float) and not isinstance(seed, bool) else None,
        # the model facet and ``checkpoint:`` match the checkpoint's stem (no folder, no extension)
        "model": facet_term("model", model_stem(model)) if isinstance(model, str) and model.strip() else None,
    }
