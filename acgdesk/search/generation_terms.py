r"""Query fields over the generation tables (:mod:`acgdesk.db.generation`): parsing and SQL.

A term matches an image when *any* of its sampler runs matches (a hires or refiner pass counts as
much as the base pass)::

    steps:20..30  steps:>=28  cfg:>=7  cfg:5.5  seed:1234  seed:..1000
    checkpoint:anything-v5  checkpoint:*pony*  ckpt:"sd/anything-v5.safetensors"
    lora:add_detail  lora:"detail tweaker*"  lora:*   sampler:euler_a  sampler:"dpm++ 2m*"
    scheduler:karras  has:lora

Names are matched without regard to ASCII case. Without a wildcard a name matches exactly, by its
stem too (``anything-v5`` finds ``sd/anything-v5.safetensors``); ``*`` and ``?`` are wildcards,
inside quotes as well (``\*`` is a literal star). Numbers take the comparisons and ranges of the
other numeric fields. Kept apart from :mod:`.query` and :mod:`.compile` (which call in here) so
those stay about the language as a whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from acgdesk.db.generation import name_stem
from acgdesk.imaging.generation.names import sampler_label

Frag = tuple[str, list[Any]]

FIELDS: dict[str, str] = {
    "checkpoint": "the checkpoint (model) of any sampler run: checkpoint:anything-v5, checkpoint:*pony*",
    "lora": 'a LoRA of any run: lora:add_detail, lora:"detail tweaker*", lora:* (any)',
    "sampler": 'the sampler of any run: sampler:euler_a, sampler:"dpm++ 2m*"',
    "scheduler": "the scheduler of any run: scheduler:karras",
    "seed": "the seed of any run: seed:1234, seed:1000..2000",
    "steps": "sampling steps of any run: steps:20..30, steps:>=28",
    "cfg": "the CFG scale of any run: cfg:>=7, cfg:4.5..6",
}
ALIASES = {"ckpt": "checkpoint", "lyco": "lora", "loras": "lora", "cfg_scale": "cfg", "schedule": "scheduler"}
HAS = {"lora": ("lora", "glob", "*")}  # has:X -> the term it means
_NAMES = ("checkpoint", "lora", "sampler", "scheduler")


def parse_value(v: Any, name: str, chars: Sequence[tuple[str, bool]]) -> tuple[str, Any]:
    """(op, value) of one term. ``v`` is the parser's value reader (comparisons, errors at the right
    place); ``chars`` the value as (character, escaped) pairs, quotes removed."""
    if name == "steps":
        return v.compare(v.integer, v._le)
    if name == "seed":
        return v.compare(v.integer, v._le)
    if name == "cfg":
        return v.compare(v.number, v._le)
    chars = list(chars)
    while chars and chars[0][0].isspace():
        chars.pop(0)
    while chars and chars[-1][0].isspace():
        chars.pop()
    if not chars:
        raise v.error(f"{name}: needs a value", key="needs_value", field=name)
    if not any(ch in "*?" and not escaped for ch, escaped in chars):
        return "=", "".join(ch for ch, _ in chars)
    # A GLOB pattern over lower-cased names: a literal *, ? or [ is written as a one-character set.
    pattern = "".join(
        ch if ch in "*?" and not escaped else (f"[{ch}]" if ch in "*?[" else ch.lower())
        for ch, escaped in chars
    )
    return "glob", pattern


def _any_run(condition: str, params: list[Any], table: str = "generation_runs") -> Frag:
    return f"f.id IN (SELECT x.file_id FROM {table} x WHERE {condition})", params


def _compare(column: str, op: str, value: Any, convert: Any = None) -> Frag:
    convert = convert or (lambda n: n)
    if op == "..":
        if value.low is not None and value.high is not None:
            return _any_run(f"{column} BETWEEN ? AND ?", [convert(value.low), convert(value.high)])
        if value.low is not None:
            return _any_run(f"{column} >= ?", [convert(value.low)])
        return _any_run(f"{column} <= ?", [convert(value.high)])
    if op not in ("=", ">", ">=", "<", "<="):
        raise ValueError(f"unknown comparison {op!r}")
    return _any_run(f"{column} {op} ?", [convert(value)])


def _name(term: Any, table: str, column: str, stem: str | None) -> Frag:
    if term.op == "glob":
        if stem is None:
            return _any_run(f"lower(x.{column}) GLOB ?", [term.value], table)
        return _any_run(f"(lower(x.{column}) GLOB ? OR lower(x.{stem}) GLOB ?)", [term.value] * 2, table)
    if stem is None:
        return _any_run(f"x.{column} = ? COLLATE NOCASE", [term.value], table)
    return _any_run(f"x.{stem} = ? COLLATE NOCASE", [name_stem(term.value) or term.value], table)


def clause(term: Any) -> Frag:
    """SQL (always 0 or 1, so ``-term`` is its exact complement) for a generation :class:`FieldTerm`."""
    field, op, value = term.field, term.op, term.value
    if field == "steps":
        return _compare("x.steps", op, value)
    if field == "cfg":
        return _compare("x.cfg", op, value)
    if field == "seed":
        if op == "=":  # seeds are stored as their digits (exact beyond 2**63)
            return _any_run("x.seed = ?", [str(value)])
        return _compare("CAST(x.seed AS REAL)", op, value, float)
    if field == "checkpoint":
        return _name(term, "generation_runs", "model", "model_stem")
    if field == "lora":
        return _name(term, "generation_loras", "name", "stem")
    if field == "sampler":  # as written, or under its label: euler_a, k_euler_ancestral, Euler a
        if term.op == "glob":
            return _any_run("(lower(x.sampler) GLOB ? OR lower(x.sampler_label) GLOB ?)", [term.value] * 2)
        return _any_run("x.sampler_label = ? COLLATE NOCASE", [sampler_label(term.value) or term.value])
    if field == "scheduler":
        return _name(term, "generation_runs", field, None)
    raise ValueError(f"not a generation field: {field!r}")
