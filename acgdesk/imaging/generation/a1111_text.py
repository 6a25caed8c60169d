"""Split A1111 "infotext" into prompt, negative prompt and the ordered ``Key: value`` settings.

Layout (stable-diffusion-webui modules/processing.py ``create_infotext`` and
modules/infotext_utils.py ``parse_generation_parameters``): prompt lines, then optionally a
block starting ``Negative prompt:``, then one last line of ``Key: value`` pairs joined by ", ".
A value holding a comma or a colon is quoted with ``json.dumps`` (``infotext_utils.quote``).
Forge, reForge, SD.Next, Fooocus's "a1111" scheme and many ComfyUI save nodes copy it.
"""

from __future__ import annotations

import re

from acgdesk.imaging.generation._common import canonical, load_json

__all__ = ["Infotext", "split_infotext"]

_NEGATIVE_PREFIX = "Negative prompt:"
_SETTING_KEY_RE = re.compile(r"[A-Za-z][\w .\-/()+]{0,48}")
_KNOWN_SETTINGS = frozenset({"steps", "sampler", "cfg_scale", "seed", "size", "model", "model_hash"})


class Infotext:
    """The three parts; ``settings`` keeps the file's key spelling and order."""

    __slots__ = ("negative", "prompt", "settings")

    def __init__(self, prompt: str, negative: str, settings: list[tuple[str, str]]) -> None:
        self.prompt, self.negative, self.settings = prompt, negative, settings


def split_infotext(raw: str, *, require_settings: bool = False) -> Infotext | None:
    """``None`` for empty text, and for free text when ``require_settings`` (EXIF comments)."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    pairs = _split_settings(lines[-1])
    has_settings = _is_settings_line(lines[-1], pairs)
    if has_settings:
        lines = lines[:-1]
    elif require_settings and not any(line.startswith(_NEGATIVE_PREFIX) for line in lines):
        return None  # free text (e.g. a camera comment), not a generator record
    prompt, negative = _split_negative(lines)
    settings = pairs if has_settings else []
    if not (prompt or negative or settings):
        return None
    return Infotext(prompt, negative, settings)


def _split_negative(lines: list[str]) -> tuple[str, str]:
    for index, line in enumerate(lines):
        if line.startswith(_NEGATIVE_PREFIX):
            negative = [line[len(_NEGATIVE_PREFIX) :], *lines[index + 1 :]]
            return "\n".join(lines[:index]).strip(), "\n".join(negative).strip()
    return "\n".join(lines).strip(), ""


def _is_settings_line(line: str, pairs: list[tuple[str, str]]) -> bool:
    """WebUI always starts with ``Steps:``; otherwise demand several pairs incl. a known key."""
    if not pairs:
        return False
    if line.lstrip().startswith("Steps:"):
        return True
    keys = {canonical(key) for key, _ in pairs}
    return len(pairs) >= 3 and bool(keys & _KNOWN_SETTINGS)


def _split_settings(line: str) -> list[tuple[str, str]]:
    """Split ``Key: value, Key: "quoted, value", ...``; tolerant of junk and truncation."""
    pairs: list[tuple[str, str]] = []
    pos = 0
    budget = [2 * len(line) + 1024]  # characters all inline-JSON scans may read: stays linear
    while pos < len(line):
        colon = line.find(":", pos)
        if colon < 0:
            break
        key = line[pos:colon].rsplit(",", 1)[-1].strip()
        value, pos = _read_value(line, colon + 1, budget)
        if _SETTING_KEY_RE.fullmatch(key):
            pairs.append((key, value))
    return pairs


def _read_value(line: str, pos: int, budget: list[int]) -> tuple[str, int]:
    """The value starting at ``pos`` and the position just after its separating comma."""
    while pos < len(line) and line[pos] == " ":
        pos += 1
    if line.startswith('"', pos):
        close = _closing_quote(line, pos)
        if close < 0:  # truncated quoted value: keep what is there
            return _unquote(line[pos:]), len(line)
        value = _unquote(line[pos : close + 1])
        comma = line.find(",", close + 1)
        return value, len(line) if comma < 0 else comma + 1
    if line.startswith(("{", "["), pos):  # unquoted JSON (Civitai resources, Hashes)
        end = _json_end(line, pos, budget)
        if end > 0:
            comma = line.find(",", end)
            return line[pos:end].strip(), len(line) if comma < 0 else comma + 1
    comma = line.find(",", pos)
    if comma < 0:
        return line[pos:].strip(), len(line)
    return line[pos:comma].strip(), comma + 1


def _json_end(line: str, start: int, budget: list[int]) -> int:
    """End of the balanced JSON value at ``start`` (strings respected), or -1.

    Every scan is charged to ``budget`` (shared by one settings line), so a line of many
    unbalanced ``{`` stays linear instead of rescanning the rest of the line each time.
    """
    stop = min(len(line), start + max(budget[0], 0))
    end = _scan_json(line, start, stop)
    budget[0] -= (end if end > 0 else stop) - start
    return end


def _scan_json(line: str, start: int, stop: int) -> int:
    depth, pos, in_string = 0, start, False
    while pos < stop:
        char = line[pos]
        if in_string:
            if char == "\\":
                pos += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    return -1


def _closing_quote(line: str, start: int) -> int:
    pos = start + 1
    while pos < len(line):
        if line[pos] == "\\":
            pos += 2
            continue
        if line[pos] == '"':
            return pos
        pos += 1
    return -1


def _unquote(token: str) -> str:
    """WebUI quotes values with ``json.dumps``; fall back to stripping for broken ones."""
    value = load_json(token)
    if isinstance(value, str):
        return value
    return token.strip().strip('"').replace('\\"', '"')
