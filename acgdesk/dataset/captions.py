"""A dataset caption per image: from its tags (the library's caption rules) or its generation prompt.

A prompt is made a caption the way people clean them by hand for training: LoRA / LyCORIS /
hypernetwork calls (``<lora:name:0.8>``) and ``BREAK`` go, attention weights are unwrapped
(``(red eyes:1.2)`` -> ``red eyes``, ``((smile))`` -> ``smile``, ``[from side]`` -> ``from side``),
escaped brackets stay brackets, and then the same trigger word, blacklist, replacements and tag
limit apply as to tags, piece by comma-separated piece.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from acgdesk.dataset.options import CaptionSpec
from acgdesk.tags.captions import CaptionOptions, format_caption

_NETWORK = re.compile(r"<[^<>]*>")
_BREAK = re.compile(r"\bBREAK\b")
_WEIGHT = re.compile(r":\s*-?\d+(?:\.\d+)?\s*(?=[)\]])")
_BRACKET = re.compile(r"(?<!\\)[()\[\]{}]")
_SEPARATORS = re.compile(r"\s*(?:,\s*)+")
_SPACES = re.compile(r"[ \t]+")


def clean_prompt(prompt: str) -> list[str]:
    """The pieces of a prompt worth training on, in order, emphasis removed (see the module doc)."""
    text = _NETWORK.sub(",", prompt)
    text = _BREAK.sub(",", text)
    text = _WEIGHT.sub("", text)
    text = _BRACKET.sub("", text)
    text = text.replace("\\(", "(").replace("\\)", ")").replace("\\[", "[").replace("\\]", "]")
    text = text.replace("\r", ",").replace("\n", ",")
    pieces = [_SPACES.sub(" ", p).strip() for p in _SEPARATORS.split(text)]
    return [p for p in pieces if p]


def prompt_tags(prompt: str) -> list[dict]:
    """Prompt pieces in the shape the caption rules take: kept in prompt order, never cut by a
    threshold (the caption order then is the prompt's)."""
    pieces = clean_prompt(prompt)
    n = len(pieces)
    return [
        {"name": p, "category": "general", "probability": 1.0 - i / (n + 1), "sources": ["prompt"]}
        for i, p in enumerate(pieces)
    ]


def caption_for(
    tags: Sequence[dict], prompt: str | None, spec: CaptionSpec, options: CaptionOptions | None = None
) -> str:
    """The caption line of one image (no newline): trigger first, then tags or prompt pieces."""
    options = options or spec.caption_options()
    use_prompt = bool(prompt and prompt.strip()) and spec.source in ("prompt", "prompt_or_tags")
    if use_prompt:
        assert prompt is not None
        prompt_options = CaptionOptions(
            thresholds={},
            default_threshold=0.0,
            underscores_to_spaces=True,
            escape_parentheses=options.escape_parentheses,
            exclude=options.exclude,
            prepend=options.prepend,
            order="confidence",
            character_first=False,
            replace=options.replace,
            max_tags=options.max_tags,
        )
        return format_caption(prompt_tags(prompt), prompt_options)
    if spec.source == "prompt":
        return format_caption([], options)  # no prompt: the trigger word alone
    return format_caption(tags, options)
