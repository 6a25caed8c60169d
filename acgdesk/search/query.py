r"""The search language: a hand-written tokenizer and recursive-descent parser producing a small AST.

``parse(text)`` turns what a user types into a :class:`Query` (a filter tree, the sort keys and the free
text for semantic search) or raises :class:`QuerySyntaxError` with the position of the mistake. Turning
the tree into SQL is :mod:`acgdesk.search.compile`'s job; this module touches no database.

Terms, by example (the full grammar is in ``docs/query-language.md``)::

    cat_ears                    a tag (Danbooru spelling; upper case and spaces are normalised)
    hatsune_miku_(vocaloid)     one tag: parentheses inside a word belong to it
    -cat_ears    NOT cat_ears   negation
    cat_ears dog_ears           AND (whitespace; the keyword AND is accepted too)
    cat_ears OR dog_ears        OR (also ``|``); binds tighter than AND, as in web search:
                                ``blue_hair long_hair OR short_hair`` = blue_hair (long_hair OR short_hair)
    (a_b c_d) OR e_f            grouping: a parenthesis standing at the start of a word
    *_ears   cat_?ars           wildcards (``\*`` is a literal star)
    tag:solo   tag:"cat ears"   force a word to be read as a tag
    user:cat_ears               a tag the user gave;  model:cat_ears  a tag a model predicted (and shows)
    source:wd-swinv2-tagger-v3  files that model has processed (id or id@version); source:user
    rating:safe  rating:q,e  rating:<=s    general (safe, g) < sensitive (s) < questionable (q) < explicit (e)
    score:>0.7  score:sharpness>=0.5  score:0.2..0.4      default kind: aesthetic
    width:>=2000  height:<1000  tagcount:<5  size:>2MB  size:100KB..1.5MB
    ratio:16:9  ratio:1.78  ratio:>1  ratio:portrait      equality within +-2%
    date:2025  date:2025-01..2025-06  date:..2025-06  date:>=2025-03-15  date:>7d   (file modification time)
    folder:pixiv/2024  folder:"/home/me/My Art"           under a folder (relative to a library folder)
    ext:png,jpg  format:webp    file name extension / decoded format (jpg = jpeg)
    prompt:"blue sky"  negprompt:lowres  generator:comfyui
    steps:20..30  cfg:>=7  seed:1234  checkpoint:*pony*  lora:"detail tweaker*"  sampler:euler_a  has:lora
    has:prompt  missing:tags
    sort:date  sort:-date  sort:score:asc  sort:random  sort:similarity  sort:size  sort:name
    sunset "by the sea"         free words and phrases: semantic search (``Query.free_text``)

A word is a tag when it contains ``_`` or a wildcard, or when ``is_known_tag`` says so; any other word is
free text. Free text and ``sort:`` may only stand in the top-level AND (not under ``-``/``NOT``/``OR``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from acgdesk.core.errors import AcgdeskError
from acgdesk.db.predictions import normalise_tag
from acgdesk.search import generation_terms
from acgdesk.search.vocabulary import (  # noqa: F401 - part of this module's interface
    DEFAULT_SCORE_KIND,
    EXT_ALIASES,
    FIELD_ALIASES,
    FIELDS,
    FORMAT_ALIASES,
    GENERATOR_ALIASES,
    HAS_VALUES,
    IS_VALUES,
    RATING_ALIASES,
    RATINGS,
    RATIO_TOLERANCE,
    SORT_ALIASES,
    SORT_KEYS,
)

# -- errors ---------------------------------------------------------------------------------------------


class QuerySyntaxError(AcgdeskError, ValueError):
    """A query that cannot be parsed: ``message``, the 0-based character ``position`` of the mistake in
    the query text and the ``length`` of the offending part (at least 1). ``key`` / ``params`` name the
    sentence and its parts for a front end that translates it (see :class:`AcgdeskError`)."""

    def __init__(
        self,
        message: str,
        position: int,
        length: int = 1,
        text: str | None = None,
        *,
        key: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message, key=key, params=params)
        self.message = message
        self.position = max(0, position)
        self.length = max(1, length)
        self.text = text

    def __str__(self) -> str:
        return f"{self.message} (at position {self.position})"

    def pretty(self, text: str | None = None) -> str:
        """The query, a caret line under the offending part, and the message::

        width:>abc
               ^^^
        width: expected a whole number, got 'abc'
        """
        source = self.text if text is None else text
        if source is None:
            return str(self)
        line = source.replace("\n", " ").replace("\t", " ")
        width = max(1, min(self.length, len(line) - self.position)) if self.position < len(line) else 1
        return f"{line}\n{' ' * self.position}{'^' * width}\n{self.message}"


# -- AST ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """Base of the filter tree. ``position``/``length`` locate the node in the query text (ignored by ==)."""

    position: int = field(default=0, compare=False, repr=False, kw_only=True)
    length: int = field(default=0, compare=False, repr=False, kw_only=True)


@dataclass(frozen=True)
class And(Node):
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or(Node):
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not(Node):
    child: Node


@dataclass(frozen=True)
class TagTerm(Node):
    r"""A tag, or a tag pattern when ``wildcard`` (``*`` any run, ``?`` one character; ``\*``, ``\?`` and
    ``\\`` are literal). ``source``: None = the tag as the user sees it (user tags and model tags above
    the display threshold, minus rejections); ``'user'`` = given by the user; ``'model'`` = shown because
    a model predicted it."""

    pattern: str
    wildcard: bool = False
    source: str | None = None


@dataclass(frozen=True)
class FieldTerm(Node):
    """``field:value``. ``op`` is one of ``= > >= < <= ..`` (``..``: ``value`` is a :class:`Range`) or
    ``in`` (``value`` is a tuple of alternatives) or ``glob`` (a GLOB pattern over lower-cased names, for
    the fields of :mod:`.generation_terms`). ``key`` is the score kind for ``score``."""

    field: str
    op: str
    value: Any
    key: str | None = None


@dataclass(frozen=True)
class FreeText(Node):
    """Words that are not tags (or a quoted phrase): they go to semantic search, not to SQL."""

    words: str


@dataclass(frozen=True)
class Range:
    """Inclusive range; ``None`` is an open end."""

    low: Any
    high: Any


@dataclass(frozen=True)
class CalendarDate:
    """A calendar year, month or day; it covers ``[start(), end())`` in local time."""

    year: int
    month: int | None = None
    day: int | None = None

    def start(self) -> datetime:
        return datetime(self.year, self.month or 1, self.day or 1)

    def end(self) -> datetime:
        if self.day is not None:
            return datetime.fromordinal(self.start().toordinal() + 1)
        if self.month is not None:
            return datetime(self.year + (self.month == 12), self.month % 12 + 1, 1)
        return datetime(self.year + 1, 1, 1)


@dataclass(frozen=True)
class RelativeDate:
    """An instant ``seconds`` before the time of the search (``7d``, ``12h``, ``2w``, ``1y``)."""

    seconds: int


@dataclass(frozen=True)
class SortKey:
    """One ``sort:`` term. ``kind`` is the score kind for ``key == 'score'``."""

    key: str
    descending: bool
    kind: str | None = None


@dataclass(frozen=True)
class Query:
    """A parsed query. ``root`` is None when nothing filters (every file matches)."""

    root: Node | None
    sort: tuple[SortKey, ...] = ()
    free_text: str = ""
    text: str = ""
    free_words: tuple[str, ...] = ()  # the free words and quoted phrases of free_text, one by one


# -- vocabulary (acgdesk.search.vocabulary) ---------------------------------------------------------

_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2}
_SIZE_UNITS |= {"mib": 1024**2, "g": 1024**3, "gb": 1024**3, "gib": 1024**3}
_TIME_UNITS = {"h": 3600, "d": 86400, "w": 7 * 86400, "y": 365 * 86400}

_FIELD_NAME = re.compile(r"([A-Za-z][A-Za-z_]*):")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_INTEGER = re.compile(r"\d+")
_SIZE = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*([A-Za-z]*)")
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_RELATIVE = re.compile(r"(\d+)([hdwy])")
_RATIO = re.compile(r"(\d+(?:\.\d*)?|\.\d+)(?::(\d+(?:\.\d*)?|\.\d+))?")
_OPS = (">=", "<=", ">", "<", "=")
_STOP = ("eof", "rparen", "or", "and")


def _closest(word: str, choices: Sequence[str]) -> str:
    """The choice ``word`` most likely misspells ('' when none is close)."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


def _did_you_mean(suggestion: str) -> str:
    return f" (did you mean '{suggestion}'?)" if suggestion else ""


# -- tokens ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    """``kind``: word, quoted, lparen, rparen, or, and, not, minus, eof. ``text`` is the source text of a
    word, the unescaped content of a quoted phrase, or the operator."""

    kind: str
    text: str
    start: int
    end: int


def _scan_quoted(text: str, i: int) -> int:
    """Index just after the quote closing the one at ``i``; backslash escapes ``"`` and ``\\``."""
    j = i + 1
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text[j] == '"':
            return j + 1
        j += 1
    raise QuerySyntaxError(
        'unterminated quote: add a closing "', i, len(text) - i, text, key="unterminated_quote"
    )


def _unquote(inner: str) -> str:
    return re.sub(r"\\(.)", r"\1", inner, flags=re.S)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens (the last one is ``eof``). Raises :class:`QuerySyntaxError` for an
    unterminated quote or a ``-`` with nothing after it."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            tokens.append(Token("eof", "", n, n))
            return tokens
        ch = text[i]
        if ch == "(":
            tokens.append(Token("lparen", ch, i, i + 1))
            i += 1
        elif ch == ")":
            tokens.append(Token("rparen", ch, i, i + 1))
            i += 1
        elif ch == "|":
            tokens.append(Token("or", ch, i, i + 1))
            i += 1
        elif ch == "-":
            if i + 1 >= n or text[i + 1].isspace() or text[i + 1] in ")|":
                raise QuerySyntaxError(
                    "nothing to negate after '-' (write -tag, without a space)", i, 1, text, key="negate_dash"
                )
            tokens.append(Token("minus", ch, i, i + 1))
            i += 1
        elif ch == '"':
            end = _scan_quoted(text, i)
            tokens.append(Token("quoted", _unquote(text[i + 1 : end - 1]), i, end))
            i = end
        else:
            end = _scan_word(text, i)
            word = text[i:end]
            kind = {"OR": "or", "AND": "and", "NOT": "not"}.get(word, "word")
            tokens.append(Token(kind, word, i, end))
            i = end


def _scan_word(text: str, i: int) -> int:
    """End of the word starting at ``i``: whitespace, ``|``, or a ``)`` that closes no ``(`` opened
    inside the word ends it; ``field:"..."`` takes a quoted value with spaces."""
    start, depth, n = i, 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace() or ch == "|":
            break
        if ch == "\\":
            i += 2
            continue
        if ch == '"' and _FIELD_NAME.fullmatch(text[start:i]):
            i = _scan_quoted(text, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        i += 1
    return min(i, n)


def _unescape(raw: str) -> list[tuple[str, bool]]:
    """Characters of an unquoted word with whether each was backslash-escaped."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(raw):
        if raw[i] == "\\" and i + 1 < len(raw):
            out.append((raw[i + 1], True))
            i += 2
        else:
            out.append((raw[i], False))
            i += 1
    return out


def tag_term(chars: Sequence[tuple[str, bool]], *, source: str | None = None, **pos: int) -> TagTerm:
    """A :class:`TagTerm` from (character, escaped) pairs: unescaped ``*``/``?`` are wildcards."""
    chars = list(chars)
    while chars and chars[0][0].isspace():
        chars.pop(0)
    while chars and chars[-1][0].isspace():
        chars.pop()
    if not any(ch in "*?" and not esc for ch, esc in chars):
        return TagTerm(normalise_tag("".join(ch for ch, _ in chars)), False, source, **pos)
    pattern = []
    for ch, esc in chars:
        if ch in "*?" and not esc:
            pattern.append(ch)
        elif ch in "*?\\":
            pattern.append("\\" + ch)
        elif ch.isspace():
            pattern.append("_")
        else:
            pattern.append(ch.lower())
    return TagTerm("".join(pattern), True, source, **pos)


# -- parser ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _SortTerm(Node):
    keys: tuple[SortKey, ...]


class _Parser:
    def __init__(self, text: str, is_known_tag: Callable[[str], bool] | None) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.is_known_tag = is_known_tag

    # token helpers
    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        if tok.kind != "eof":
            self.i += 1
        return tok

    def error(
        self, message: str, position: int, length: int = 1, *, key: str, **params: Any
    ) -> QuerySyntaxError:
        """The error to raise: ``key`` names the sentence, ``params`` its parts (see QuerySyntaxError)."""
        return QuerySyntaxError(message, position, length, self.text, key=key, params=params)

    # grammar
    def parse_and(self, opener: Token | None) -> Node | None:
        """and_expr := or_expr ((AND)? or_expr)* -- up to ')' (inside a group) or the end."""
        items: list[Node] = []
        while True:
            tok = self.peek()
            if tok.kind == "eof":
                break
            if tok.kind == "rparen":
                if opener is None:
                    raise self.error("unmatched ')': no '(' before it", tok.start, key="unmatched_close")
                break
            if tok.kind == "or":
                raise self.error(
                    f"{tok.text} needs a term on its left",
                    tok.start,
                    tok.end - tok.start,
                    key="needs_left",
                    op=tok.text,
                )
            if tok.kind == "and":
                if not items:
                    raise self.error("AND needs a term on its left", tok.start, 3, key="needs_left", op="AND")
                self.take()
                if self.peek().kind in _STOP:
                    raise self.error(
                        "AND needs a term on its right", tok.start, 3, key="needs_right", op="AND"
                    )
                continue
            items.append(self.parse_or())
        if not items:
            return None
        if len(items) == 1:
            return items[0]
        first, last = items[0], items[-1]
        return And(tuple(items), position=first.position, length=last.position + last.length - first.position)

    def parse_or(self) -> Node:
        """or_expr := unary (OR unary)*"""
        children = [self.parse_unary()]
        while self.peek().kind == "or":
            op = self.take()
            if self.peek().kind in _STOP:
                raise self.error(
                    f"{op.text} needs a term on its right",
                    op.start,
                    op.end - op.start,
                    key="needs_right",
                    op=op.text,
                )
            children.append(self.parse_unary())
        if len(children) == 1:
            return children[0]
        first, last = children[0], children[-1]
        return Or(
            tuple(children), position=first.position, length=last.position + last.length - first.position
        )

    def parse_unary(self) -> Node:
        """unary := ('-' | NOT) unary | primary"""
        tok = self.peek()
        if tok.kind in ("minus", "not"):
            self.take()
            if self.peek().kind in _STOP:
                raise self.error(
                    f"nothing to negate after {tok.text}",
                    tok.start,
                    tok.end - tok.start,
                    key="nothing_to_negate",
                    op=tok.text,
                )
            child = self.parse_unary()
            return Not(child, position=tok.start, length=child.position + child.length - tok.start)
        return self.parse_primary()

    def parse_primary(self) -> Node:
        """primary := '(' and_expr ')' | word | quoted"""
        tok = self.take()
        if tok.kind == "lparen":
            body = self.parse_and(tok)
            close = self.peek()
            if close.kind != "rparen":
                raise self.error("missing ')' to close this '('", tok.start, key="missing_close")
            self.take()
            if body is None:
                raise self.error(
                    "empty parentheses", tok.start, close.end - tok.start, key="empty_parentheses"
                )
            return body
        if tok.kind == "quoted":
            return FreeText(tok.text, position=tok.start, length=tok.end - tok.start)
        if tok.kind == "word":
            return self.word(tok)
        raise self.error(  # pragma: no cover - grammar excludes it
            f"unexpected {tok.text!r}", tok.start, key="unexpected", token=repr(tok.text)
        )

    # terms
    def word(self, tok: Token) -> Node:
        pos = {"position": tok.start, "length": tok.end - tok.start}
        m = _FIELD_NAME.match(tok.text)
        if m:
            name = m.group(1).lower()
            canonical = FIELD_ALIASES.get(name, name)
            if canonical in FIELDS:
                return self.field(canonical, tok, tok.start + m.end(), tok.text[m.end() :])
        chars = _unescape(tok.text)
        literal = "".join(ch for ch, _ in chars)
        term = tag_term(chars, **pos)
        if (
            term.wildcard
            or "_" in literal
            or (self.is_known_tag is not None and self.is_known_tag(term.pattern))
        ):
            return term
        if m:
            name = m.group(1).lower()
            close, fields = _closest(name, list(FIELDS)), ", ".join(FIELDS)
            raise self.error(
                f"unknown field '{name}'{_did_you_mean(close)}; "
                f"valid fields: {fields} "
                "(to search for the text itself, put it in quotes; for a tag, write tag:...)",
                tok.start,
                len(m.group(1)),
                key="unknown_field",
                name=name,
                suggestion=close,
                fields=fields,
            )
        return FreeText(literal, **pos)

    def field(self, name: str, tok: Token, vpos: int, raw: str) -> Node:
        pos = {"position": tok.start, "length": tok.end - tok.start}
        quoted = raw.startswith('"') and raw.endswith('"') and len(raw) >= 2
        value = _unquote(raw[1:-1]) if quoted else "".join(ch for ch, _ in _unescape(raw))
        if not value.strip():
            raise self.error(
                f"{name}: needs a value", tok.start, tok.end - tok.start, key="needs_value", field=name
            )
        v = _Value(self, name, value, vpos + quoted, len(raw) - 2 * quoted)
        if name in generation_terms.FIELDS:  # wildcards work inside quotes too: lora:"detail tweaker*"
            op, val = generation_terms.parse_value(v, name, _unescape(raw[1:-1] if quoted else raw))
            return FieldTerm(name, op, val, **pos)
        if name in ("tag", "user", "model"):
            chars = [(ch, True) for ch in value] if quoted else _unescape(raw)
            return tag_term(chars, source=None if name == "tag" else name, **pos)
        if name == "sort":
            return _SortTerm(v.sort_keys(), **pos)
        if name == "is":
            what = IS_VALUES.get(value.strip().lower())
            if what is None:
                close = _closest(value.strip().lower(), list(IS_VALUES))
                raise v.error(
                    f"is: unknown value '{value}'{_did_you_mean(close)}; "
                    "expected fav, pick, reject or marked",
                    key="unknown_is",
                    value=value,
                    suggestion=close,
                )
            return FieldTerm("is", "=", what, **pos)
        if name == "album":
            return FieldTerm("album", "=", " ".join(value.split()), **pos)
        if name in ("has", "missing"):
            what = value.strip().lower()
            if what in generation_terms.HAS:  # has:lora = lora:*
                term = FieldTerm(*generation_terms.HAS[what], **pos)
                return Not(term, **pos) if name == "missing" else term
            if what not in HAS_VALUES:
                close, values = _closest(what, HAS_VALUES), ", ".join(HAS_VALUES)
                raise v.error(
                    f"{name}: unknown value '{value}'{_did_you_mean(close)}; expected one of {values}",
                    key="unknown_has",
                    field=name,
                    value=value,
                    suggestion=close,
                    values=values,
                )
            term = FieldTerm("has", "=", what, **pos)
            return Not(term, **pos) if name == "missing" else term
        op, val, key = getattr(v, "parse_" + name)()
        return FieldTerm(name, op, val, key, **pos)

    # post-processing: lift free text and sort terms out of the top-level AND
    def lift(self, node: Node | None, top: bool, free: list[str], sort: list[SortKey]) -> Node | None:
        if node is None:
            return None
        if isinstance(node, FreeText):
            if not top:
                tag = node.words.replace(" ", "_")
                raise self.error(
                    f"'{node.words}' is free text (semantic search), "
                    "which cannot be negated or used with OR; "
                    f"for a tag write tag:{tag}",
                    node.position,
                    node.length,
                    key="free_text_not_top",
                    words=node.words,
                    tag=tag,
                )
            free.append(node.words)
            return None
        if isinstance(node, _SortTerm):
            if not top:
                raise self.error(
                    "sort: cannot be negated or used with OR", node.position, node.length, key="sort_not_top"
                )
            sort.extend(node.keys)
            return None
        if isinstance(node, And):
            kids: list[Node] = []
            for child in node.children:
                lifted = self.lift(child, top, free, sort)
                if isinstance(lifted, And):
                    kids.extend(lifted.children)
                elif lifted is not None:
                    kids.append(lifted)
            if not kids:
                return None
            return kids[0] if len(kids) == 1 else And(tuple(kids), position=node.position, length=node.length)
        if isinstance(node, Or):
            kids = [self.lift(c, False, free, sort) for c in node.children]
            return Or(tuple(k for k in kids if k is not None), position=node.position, length=node.length)
        if isinstance(node, Not):
            child = self.lift(node.child, False, free, sort)
            assert child is not None
            return Not(child, position=node.position, length=node.length)
        return node


class _Value:
    """Parsing one field value, with errors located inside it."""

    def __init__(self, parser: _Parser, name: str, value: str, pos: int, raw_len: int) -> None:
        self.parser, self.name, self.value, self.pos, self.raw_len = parser, name, value, pos, raw_len

    def error(
        self, message: str, offset: int = 0, length: int | None = None, *, key: str, **params: Any
    ) -> QuerySyntaxError:
        if length is None:
            length = self.raw_len - offset
        return self.parser.error(message, self.pos + offset, max(1, length), key=key, **params)

    # generic comparison: OP? ONE | ONE? '..' ONE?
    def compare(
        self,
        one: Callable[[str, int], Any],
        order: Callable[[Any, Any], bool] | None = None,
        text: str | None = None,
        offset: int = 0,
    ) -> tuple[str, Any]:
        text = self.value if text is None else text
        op = next((o for o in _OPS if text.startswith(o)), "")
        rest = text[len(op) :]
        if ".." in rest:
            if op:
                raise self.error(
                    f"{self.name}: a range takes no '{op}'",
                    offset,
                    len(op),
                    key="range_op",
                    field=self.name,
                    op=op,
                )
            at = rest.index("..")
            lo_text, hi_text = rest[:at], rest[at + 2 :]
            if not lo_text and not hi_text:
                raise self.error(
                    f"{self.name}: a range needs at least one end, e.g. 1..5",
                    offset,
                    2,
                    key="range_no_end",
                    field=self.name,
                )
            lo = one(lo_text, offset) if lo_text else None
            hi = one(hi_text, offset + at + 2) if hi_text else None
            if lo is not None and hi is not None and order is not None and not order(lo, hi):
                raise self.error(
                    f"{self.name}: empty range, {lo_text} is after {hi_text}",
                    offset,
                    len(rest),
                    key="range_empty",
                    field=self.name,
                    low=lo_text,
                    high=hi_text,
                )
            return "..", Range(lo, hi)
        if not rest:
            raise self.error(
                f"{self.name}: expected a value after '{op}'",
                offset,
                len(op),
                key="value_after_op",
                field=self.name,
                op=op,
            )
        return op or "=", one(rest, offset + len(op))

    def number(self, text: str, offset: int) -> float:
        if not _NUMBER.fullmatch(text):
            raise self.error(
                f"{self.name}: expected a number, got '{text}'",
                offset,
                len(text),
                key="expected_number",
                field=self.name,
                text=text,
            )
        return float(text)

    def integer(self, text: str, offset: int) -> int:
        if not _INTEGER.fullmatch(text):
            raise self.error(
                f"{self.name}: expected a whole number, got '{text}'",
                offset,
                len(text),
                key="expected_integer",
                field=self.name,
                text=text,
            )
        return int(text)

    @staticmethod
    def _le(a: Any, b: Any) -> bool:
        return a <= b

    def parse_width(self) -> tuple[str, Any, None]:
        return (*self.compare(self.integer, self._le), None)

    parse_height = parse_width
    parse_tagcount = parse_width

    def parse_stars(self) -> tuple[str, Any, None]:
        def one(text: str, offset: int) -> int:
            stars = self.integer(text, offset)
            if stars > 5:
                raise self.error(
                    f"stars: from 0 to 5, got {stars}", offset, len(text), key="stars_range", stars=stars
                )
            return stars

        return (*self.compare(one, self._le), None)

    def parse_size(self) -> tuple[str, Any, None]:
        def one(text: str, offset: int) -> int:
            m = _SIZE.fullmatch(text)
            unit = m.group(2).lower() if m else ""
            if not m or unit not in _SIZE_UNITS:
                raise self.error(
                    f"size: expected a size like 500KB or 2.5MB, got '{text}'",
                    offset,
                    len(text),
                    key="expected_size",
                    text=text,
                )
            return round(float(m.group(1)) * _SIZE_UNITS[unit])

        return (*self.compare(one, self._le), None)

    def parse_score(self) -> tuple[str, Any, str]:
        text, offset, kind = self.value, 0, DEFAULT_SCORE_KIND
        if not re.match(r"[<>=+\-.\d]", text):
            at = min((text.find(c) for c in "<>=" if c in text), default=-1)
            if at <= 0:
                raise self.error(
                    f"score: expected a comparison such as score:>0.7 or score:{text}>0.7",
                    0,
                    len(text),
                    key="score_comparison",
                    text=text,
                )
            kind, offset = text[:at].rstrip(":"), at
            if not kind:
                raise self.error(
                    "score: expected a score kind before the comparison", 0, at, key="score_no_kind"
                )
            text = text[at:]
            if text.startswith("=") and ".." in text:  # score:sharpness=0.2..0.4
                text, offset = text[1:], offset + 1
        op, value = self.compare(self.number, self._le, text, offset)
        return op, value, kind

    def parse_ratio(self) -> tuple[str, Any, None]:
        word = self.value.lower()
        if word in ("landscape", "portrait", "square"):
            return "=", word, None

        def one(text: str, offset: int) -> float:
            m = _RATIO.fullmatch(text)
            if not m:
                raise self.error(
                    f"ratio: expected 16:9 or 1.78, got '{text}'",
                    offset,
                    len(text),
                    key="expected_ratio",
                    text=text,
                )
            w, h = float(m.group(1)), float(m.group(2) or 1)
            if w == 0 or h == 0:
                raise self.error(
                    f"ratio: '{text}' has a zero side", offset, len(text), key="ratio_zero_side", text=text
                )
            return w / h

        return (*self.compare(one, self._le), None)

    def parse_date(self) -> tuple[str, Any, None]:
        def one(text: str, offset: int) -> CalendarDate | RelativeDate:
            rel = _RELATIVE.fullmatch(text.lower())
            if rel:
                return RelativeDate(int(rel.group(1)) * _TIME_UNITS[rel.group(2)])
            m = _DATE.fullmatch(text)
            if not m:
                raise self.error(
                    f"date: expected YYYY, YYYY-MM, YYYY-MM-DD or an age like 7d, got '{text}'",
                    offset,
                    len(text),
                    key="expected_date",
                    text=text,
                )
            year, month, day = (int(g) if g else None for g in m.groups())
            try:
                datetime(year, month or 1, day or 1)  # type: ignore[arg-type]
            except ValueError as exc:
                raise self.error(
                    f"date: invalid date '{text}' ({exc})",
                    offset,
                    len(text),
                    key="invalid_date",
                    text=text,
                    detail=str(exc),
                ) from None
            return CalendarDate(year, month, day)  # type: ignore[arg-type]

        def order(a: Any, b: Any) -> bool:
            if isinstance(a, CalendarDate) and isinstance(b, CalendarDate):
                return a.start() < b.end()
            if isinstance(a, RelativeDate) and isinstance(b, RelativeDate):
                return a.seconds >= b.seconds
            return True

        return (*self.compare(one, order), None)

    def parse_rating(self) -> tuple[str, Any, None]:
        op = next((o for o in _OPS if self.value.startswith(o)), "")
        names: list[str] = []
        offset = len(op)
        for part in self.value[len(op) :].split(","):
            key = part.strip().lower()
            if key not in RATING_ALIASES:
                close = _closest(key, list(RATING_ALIASES))
                raise self.error(
                    f"rating: unknown rating '{part}'{_did_you_mean(close)}; expected "
                    "general (safe, g), sensitive (s), questionable (q) or explicit (e)",
                    offset,
                    len(part),
                    key="unknown_rating",
                    value=part,
                    suggestion=close,
                )
            names.append(RATING_ALIASES[key])
            offset += len(part) + 1
        if op in ("", "="):
            return "in", tuple(dict.fromkeys(names)), None
        if len(names) > 1:
            raise self.error(f"rating: '{op}' takes one rating", 0, len(op), key="rating_op_one", op=op)
        level = RATINGS.index(names[0])
        chosen = [r for i, r in enumerate(RATINGS) if _compare_levels(i, op, level)]
        if not chosen:
            raise self.error(
                f"rating: no rating is {op} {names[0]}",
                0,
                self.raw_len,
                key="rating_none",
                op=op,
                rating=names[0],
            )
        return "in", tuple(chosen), None

    def _list(self, normalise: Callable[[str], Sequence[str]]) -> tuple[str, Any, None]:
        if self.value[:1] in "<>=":
            raise self.error(f"{self.name}: takes no comparison", 0, 1, key="no_comparison", field=self.name)
        out: list[str] = []
        for part in self.value.split(","):
            item = part.strip().lower().lstrip(".")
            if item:
                out.extend(normalise(item))
        if not out:
            raise self.error(f"{self.name}: needs a value", key="needs_value", field=self.name)
        return "in", tuple(dict.fromkeys(out)), None

    def parse_ext(self) -> tuple[str, Any, None]:
        return self._list(lambda e: EXT_ALIASES.get(e, (e,)))

    def parse_format(self) -> tuple[str, Any, None]:
        return self._list(lambda e: (FORMAT_ALIASES.get(e, e.upper()),))

    def parse_generator(self) -> tuple[str, Any, None]:
        return self._list(lambda g: (GENERATOR_ALIASES.get(g, g),))

    def _text(self) -> tuple[str, Any, None]:
        return "=", self.value, None

    parse_prompt = _text
    parse_negprompt = _text
    parse_meta = _text

    def parse_folder(self) -> tuple[str, Any, None]:
        return "=", self.value, None

    def parse_source(self) -> tuple[str, Any, None]:
        return "=", self.value.strip(), None

    def sort_keys(self) -> tuple[SortKey, ...]:
        text = self.value.strip()
        reverse = text.startswith("-")
        parts = text.lstrip("-").lower().split(":")
        key = SORT_ALIASES.get(parts[0], parts[0])
        if key not in SORT_KEYS:
            close, keys = _closest(parts[0], list(SORT_KEYS)), ", ".join(SORT_KEYS)
            raise self.error(
                f"sort: unknown key '{parts[0]}'{_did_you_mean(close)}; expected one of {keys}",
                int(reverse),
                len(parts[0]),
                key="unknown_sort",
                value=parts[0],
                suggestion=close,
                keys=keys,
            )
        descending = SORT_KEYS[key]
        rest = parts[1:]
        if rest and rest[-1] in ("asc", "desc"):
            descending = rest.pop() == "desc"
        descending ^= reverse
        kind = None
        if key == "taste":  # the learned taste score is a score like any other
            key, kind = "score", "taste"
            if rest:
                raise self.error(
                    "sort: expected sort:taste, sort:taste:asc or :desc", 0, len(self.value), key="sort_taste"
                )
        elif key == "score":
            kind = (
                ":".join(self.value.strip().lstrip("-").split(":")[1 : 1 + len(rest)]) or DEFAULT_SCORE_KIND
            )
        elif rest:
            raise self.error(
                f"sort: expected sort:{key}, sort:{key}:asc or sort:{key}:desc",
                0,
                self.raw_len,
                key="sort_suffix",
                sort_key=key,
            )
        return (SortKey(key, descending, kind),)


def _compare_levels(a: int, op: str, b: int) -> bool:
    return {">": a > b, ">=": a >= b, "<": a < b, "<=": a <= b}[op]


def parse(text: str, *, is_known_tag: Callable[[str], bool] | None = None) -> Query:
    """Parse a search query; see the module docstring for the language.

    ``is_known_tag(name)`` (optional) tells whether a word without ``_`` is a tag of the library (such as
    ``solo``); without it such words are free text.

    >>> parse("cat_ears -dog_ears").root == And((TagTerm("cat_ears"), Not(TagTerm("dog_ears"))))
    True
    >>> parse("a_b OR c_d e_f").root == And((Or((TagTerm("a_b"), TagTerm("c_d"))), TagTerm("e_f")))
    True
    >>> parse("width:>=2000 sort:-date sunset").sort
    (SortKey(key='date', descending=False, kind=None),)
    >>> parse("width:>=2000 sort:-date sunset").free_text
    'sunset'
    """
    parser = _Parser(text, is_known_tag)
    tree = parser.parse_and(None)
    free: list[str] = []
    sort: list[SortKey] = []
    root = parser.lift(tree, True, free, sort)
    return Query(root, tuple(sort), " ".join(free), text, tuple(free))
