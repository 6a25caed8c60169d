"""The headless core's error messages in the window's language.

The core words each error in English for the CLI (``str(exc)``, ``exc.message``) and records beside
it a stable key and the sentence's parts (``exc.key`` / ``exc.params``, see
:class:`acgdesk.core.errors.AcgdeskError`). This module says the same sentence through the
catalogues (context "core_errors"), with paths, tag, album and model names, query fragments, option
values and commands put in as they are. The sentences live by family: query syntax errors and
dataset export errors here, the library's, albums', search's, vector index's and file operations'
in :mod:`acgdesk.gui.core_errors_library`, the model store's and downloader's (and a model's install
details) in :mod:`acgdesk.gui.core_errors_models`; a file that cannot be read or decoded
(:class:`~acgdesk.core.errors.ImageFileError`, also recorded in the database) in
:mod:`acgdesk.gui.file_errors`. In English, for an error without a key, for a key this version does
not know or for parts of another shape, the core's own message is shown.
``tests/gui/test_core_errors*.py`` fail when a raise site names a key no table lists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from acgdesk.gui import i18n
from acgdesk.gui.core_errors_library import ALBUM, FILE_OPS, LIBRARY, SEARCH, VECTORS
from acgdesk.gui.core_errors_models import DOWNLOAD, MODEL_STORE
from acgdesk.gui.core_sentences import Say, say
from acgdesk.gui.core_text import core_text
from acgdesk.gui.file_errors import translated_file_error
from acgdesk.search.query import QuerySyntaxError


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("core_errors", text, disambiguation, n)


def _did_you_mean(p: dict[str, Any]) -> str:
    word = p["suggestion"]
    return tr(" (did you mean '{word}'?)").format(word=word) if word else ""


def _album_query(p: dict[str, Any]) -> str:
    inner = say(QUERY, p.get("error_key"), p.get("error_params") or {})
    return tr("album: the smart album '{name}' has a query that does not parse: {error}").format(
        name=p["name"], error=p["error"] if inner is None else inner
    )


# key -> the sentence (acgdesk/search/query.py, generation_terms.py, compile.py)
QUERY: dict[str, Say] = {
    "unterminated_quote": lambda p: tr('unterminated quote: add a closing "'),
    "negate_dash": lambda p: tr("nothing to negate after '-' (write -tag, without a space)"),
    "unmatched_close": lambda p: tr("unmatched ')': no '(' before it"),
    "needs_left": lambda p: tr("{op} needs a term on its left").format(op=p["op"]),
    "needs_right": lambda p: tr("{op} needs a term on its right").format(op=p["op"]),
    "nothing_to_negate": lambda p: tr("nothing to negate after {op}").format(op=p["op"]),
    "missing_close": lambda p: tr("missing ')' to close this '('"),
    "empty_parentheses": lambda p: tr("empty parentheses"),
    "unexpected": lambda p: tr("unexpected {token}").format(token=p["token"]),
    "unknown_field": lambda p: tr(
        "unknown field '{name}'{did_you_mean}; valid fields: {fields} "
        "(to search for the text itself, put it in quotes; for a tag, write tag:...)"
    ).format(name=p["name"], did_you_mean=_did_you_mean(p), fields=p["fields"]),
    "needs_value": lambda p: tr("{field}: needs a value").format(field=p["field"]),
    "unknown_is": lambda p: tr(
        "is: unknown value '{value}'{did_you_mean}; expected fav, pick, reject or marked"
    ).format(value=p["value"], did_you_mean=_did_you_mean(p)),
    "unknown_has": lambda p: tr(
        "{field}: unknown value '{value}'{did_you_mean}; expected one of {values}"
    ).format(field=p["field"], value=p["value"], did_you_mean=_did_you_mean(p), values=p["values"]),
    "free_text_not_top": lambda p: tr(
        "'{words}' is free text (semantic search), which cannot be negated or used with OR; "
        "for a tag write tag:{tag}"
    ).format(words=p["words"], tag=p["tag"]),
    "sort_not_top": lambda p: tr("sort: cannot be negated or used with OR"),
    "range_op": lambda p: tr("{field}: a range takes no '{op}'").format(field=p["field"], op=p["op"]),
    "range_no_end": lambda p: tr("{field}: a range needs at least one end, e.g. 1..5").format(
        field=p["field"]
    ),
    "range_empty": lambda p: tr("{field}: empty range, {low} is after {high}").format(
        field=p["field"], low=p["low"], high=p["high"]
    ),
    "value_after_op": lambda p: tr("{field}: expected a value after '{op}'").format(
        field=p["field"], op=p["op"]
    ),
    "expected_number": lambda p: tr("{field}: expected a number, got '{text}'").format(
        field=p["field"], text=p["text"]
    ),
    "expected_integer": lambda p: tr("{field}: expected a whole number, got '{text}'").format(
        field=p["field"], text=p["text"]
    ),
    "stars_range": lambda p: tr("stars: from 0 to 5, got {stars}").format(stars=p["stars"]),
    "expected_size": lambda p: tr("size: expected a size like 500KB or 2.5MB, got '{text}'").format(
        text=p["text"]
    ),
    "score_comparison": lambda p: tr(
        "score: expected a comparison such as score:>0.7 or score:{text}>0.7"
    ).format(text=p["text"]),
    "score_no_kind": lambda p: tr("score: expected a score kind before the comparison"),
    "expected_ratio": lambda p: tr("ratio: expected 16:9 or 1.78, got '{text}'").format(text=p["text"]),
    "ratio_zero_side": lambda p: tr("ratio: '{text}' has a zero side").format(text=p["text"]),
    "expected_date": lambda p: tr(
        "date: expected YYYY, YYYY-MM, YYYY-MM-DD or an age like 7d, got '{text}'"
    ).format(text=p["text"]),
    # the detail is Python's own words ("day is out of range for month")
    "invalid_date": lambda p: tr("date: invalid date '{text}' ({detail})").format(
        text=p["text"], detail=p["detail"]
    ),
    "unknown_rating": lambda p: tr(
        "rating: unknown rating '{value}'{did_you_mean}; expected "
        "general (safe, g), sensitive (s), questionable (q) or explicit (e)"
    ).format(value=p["value"], did_you_mean=_did_you_mean(p)),
    "rating_op_one": lambda p: tr("rating: '{op}' takes one rating").format(op=p["op"]),
    "rating_none": lambda p: tr("rating: no rating is {op} {rating}").format(op=p["op"], rating=p["rating"]),
    "no_comparison": lambda p: tr("{field}: takes no comparison").format(field=p["field"]),
    "unknown_sort": lambda p: tr("sort: unknown key '{value}'{did_you_mean}; expected one of {keys}").format(
        value=p["value"], did_you_mean=_did_you_mean(p), keys=p["keys"]
    ),
    "sort_taste": lambda p: tr("sort: expected sort:taste, sort:taste:asc or :desc"),
    "sort_suffix": lambda p: tr("sort: expected sort:{key}, sort:{key}:asc or sort:{key}:desc").format(
        key=p["sort_key"]
    ),
    "score_hidden": lambda p: tr("score:{kind} is not offered: {meaning}").format(
        kind=p["kind"], meaning=core_text(p["meaning"])
    ),
    "album_none": lambda p: tr("album: this search has no albums to look in"),
    "album_unknown": lambda p: tr("album: no album named '{name}'").format(name=p["name"]),
    "album_self": lambda p: tr("album: the smart album '{name}' refers to itself").format(name=p["name"]),
    "album_bad_query": _album_query,
}


def _option(name: str) -> str:
    """A dataset option's name as the core words it ("image format"); an unknown one as it is."""
    names = {
        "a content rating": tr("a content rating"),
        "resize": tr("resize"),
        "fit": tr("fit"),
        "image format": tr("image format"),
        "max side": tr("max side"),
        "bucket resolution": tr("bucket resolution"),
        "bucket step": tr("bucket step"),
        "minimum side": tr("minimum side"),
        "caption source": tr("caption source"),
        "format": tr("format"),
        "repeats": tr("repeats"),
    }
    return names.get(name, name)


# key -> the sentence (acgdesk/dataset/*.py, acgdesk/library/datasets.py)
DATASET: dict[str, Say] = {
    "one_of": lambda p: tr("{option} must be one of {choices}, not {value}").format(
        option=_option(p["option"]), choices=p["choices"], value=p["value"]
    ),
    "at_least": lambda p: tr("{option} must be at least {low}, not {value}").format(
        option=_option(p["option"]), low=p["low"], value=p["value"]
    ),
    "colour": lambda p: tr("colour must be #rrggbb, #rgb, white, black or grey, not {value}").format(
        value=p["value"]
    ),
    "min_stars": lambda p: tr("minimum stars must be 0 to 5, not {value}").format(value=p["value"]),
    "min_taste": lambda p: tr("minimum taste must be between 0 and 1, not {value}").format(value=p["value"]),
    "quality": lambda p: tr("quality must be 1 to 100, not {value}").format(value=p["value"]),
    "buckets": lambda p: tr("buckets need step <= min <= max, not {step} / {min} / {max}").format(
        step=p["step"], min=p["min"], max=p["max"]
    ),
    # the detail is the caption options' own (English) sentence
    "caption_options": lambda p: str(p["detail"]),
    "validation_fraction": lambda p: tr(
        "the validation fraction must be from 0 up to (not including) 1, not {value}"
    ).format(value=p["value"]),
    "kohya_validation": lambda p: tr(
        "kohya's folder layout has no validation split: use --format hf or onetrainer, "
        "or set validation_split in sd-scripts' own dataset config"
    ),
    "unknown_part": lambda p: tr("unknown part of the dataset options: {part}").format(part=p["part"]),
    "unknown_options": lambda p: tr("unknown {part} option(s): {names}", "", int(p["count"])).format(
        part=p["part"], names=p["names"]
    ),
    "not_a_folder": lambda p: tr("{path} exists and is not a folder").format(path=p["path"]),
    "foreign_folder": lambda p: tr(
        "{path} is not empty and holds no acgdesk dataset: choose an empty or new folder "
        "(a dataset is never mixed into other files)"
    ).format(path=p["path"]),
    # the detail is the system's words for the failure
    "cannot_create": lambda p: tr("cannot create {path}: {detail}").format(
        path=p["path"], detail=p["detail"]
    ),
    "refused_target": lambda p: tr("refused a target name {name}").format(name=p["name"]),
    "outside_target": lambda p: tr("{name} would be written outside {root}").format(
        name=p["name"], root=p["root"]
    ),
    "symlink_target": lambda p: tr("{name}: a symbolic link is in its place").format(name=p["name"]),
    "refused_folder": lambda p: tr("refused a folder name {name}").format(name=p["name"]),
    "outside_folder": lambda p: tr("{name} is outside {root}").format(name=p["name"], root=p["root"]),
    "manifest_version": lambda p: tr("not an acgdesk dataset manifest (version {version})").format(
        version=p["version"]
    ),
    "manifest_damaged": lambda p: tr("the dataset manifest is damaged: {detail}").format(detail=p["detail"]),
    "no_manifest": lambda p: tr("no dataset manifest at {path}").format(path=p["path"]),
    "cannot_read": lambda p: tr("cannot read {path}: {detail}").format(path=p["path"], detail=p["detail"]),
    "manifest_json": lambda p: tr("{path} is not valid JSON: {detail}").format(
        path=p["path"], detail=p["detail"]
    ),
    "not_manifest": lambda p: tr("{path} is not a dataset manifest").format(path=p["path"]),
    "nothing_to_export": lambda p: tr("nothing to export: no file matches the query and filters"),
    "inside_library": lambda p: tr(
        "{path} is inside the library folder {folder}: its copies would be indexed as duplicates of "
        "the originals. Choose a folder outside the library (or allow it explicitly)"
    ).format(path=p["path"], folder=p["folder"]),
    "holds_library": lambda p: tr("{path} holds the library folder {folder}: choose another folder").format(
        path=p["path"], folder=p["folder"]
    ),
}

# error class name -> its sentences. By name, along the raised class's MRO (a subclass such as
# DatabaseTooNewError uses its base's table), because the window may not import the storage and
# vector packages these classes live in (the import contracts in pyproject.toml).
FAMILIES: dict[str, dict[str, Say]] = {
    "QuerySyntaxError": QUERY,  # acgdesk.search.query
    "DatasetError": DATASET,  # acgdesk.dataset.options
    "LibraryError": LIBRARY,  # acgdesk.core.errors (and DatabaseTooNewError)
    "AlbumError": ALBUM,  # acgdesk.db.albums
    "SearchError": SEARCH,  # acgdesk.search.service
    "IndexFileError": VECTORS,  # acgdesk.vectors.hnsw_file
    "NoVectorsError": VECTORS,  # acgdesk.vectors.manager
    "FileOpsError": FILE_OPS,  # acgdesk.curate.file_actions
    "TrashError": FILE_OPS,  # acgdesk.curate.trash
    "ModelStoreError": MODEL_STORE,  # acgdesk.models.manifest
    "DownloadError": DOWNLOAD,  # acgdesk.models.download
}


def family_of(exc: BaseException) -> dict[str, Say] | None:
    """The sentences for ``exc``'s class or the nearest base class that has some."""
    for cls in type(exc).__mro__:
        table = FAMILIES.get(cls.__name__)
        if table is not None and cls.__module__.startswith("acgdesk."):
            return table
    return None


def translated(exc: BaseException) -> str | None:
    """The message of ``exc`` said through the catalogues (whatever the language); None when its key
    is unknown, its parts do not fit, or it has no key."""
    if any(cls.__name__ == "ImageFileError" for cls in type(exc).__mro__):  # acgdesk.core.errors
        kind = getattr(exc, "kind", None)
        return translated_file_error(None if kind is None else str(kind), getattr(exc, "message", str(exc)))
    table = family_of(exc)
    if table is None:
        return None
    return say(table, getattr(exc, "key", None), getattr(exc, "params", None) or {})


def message_text(exc: BaseException) -> str:
    """``exc.message`` (the sentence without a query error's position) in the window's language."""
    english = getattr(exc, "message", None) or str(exc)
    if i18n.current_language() == "en":
        return english  # the core's words, as the CLI says them
    text = translated(exc)
    return english if text is None else text


def error_text(exc: BaseException) -> str:
    """``str(exc)`` in the window's language (a query error with "(at position N)")."""
    if i18n.current_language() == "en":
        return str(exc)
    text = translated(exc)
    if text is None:
        return str(exc)
    return with_position(exc, text)


def with_position(exc: BaseException, message: str) -> str:
    """A query error's message with where the mistake is, as ``QuerySyntaxError.__str__`` says it."""
    if isinstance(exc, QuerySyntaxError):
        return tr("{message} (at position {position})").format(message=message, position=exc.position)
    return message
