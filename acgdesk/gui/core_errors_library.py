"""The library's, albums', search's, vector index's and file operations' error messages in the
window's language.

See :mod:`acgdesk.gui.core_errors` for how a key and its parts become a sentence. Names the core
quotes with ``repr`` (albums, models) are quoted the same way here, so the English stays its own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from acgdesk.gui.core_sentences import Say
from acgdesk.gui.core_text import task_text


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("core_errors", text, disambiguation, n)


# key -> the sentence (acgdesk/library/*.py, acgdesk/db/migrations.py)
LIBRARY: dict[str, Say] = {
    # the detail is the system's words for the failure
    "cannot_create": lambda p: tr("cannot create the library folder {path}: {detail}").format(
        path=p["path"], detail=p["detail"]
    ),
    "cannot_open": lambda p: tr("cannot open {path}: {detail}").format(path=p["path"], detail=p["detail"]),
    "not_a_folder": lambda p: tr("not a folder: {path}").format(path=p["path"]),
    "not_in_library": lambda p: tr("not in the library: {ref}").format(ref=p["ref"]),
    "too_new": lambda p: tr(
        "this library was written by a newer acgdesk (unknown schema migrations: {migrations}); "
        "upgrade acgdesk to open it"
    ).format(migrations=p["migrations"]),
}


def _kind(kind: str) -> str:
    """An album kind as the core words it ("smart"); an unknown one as it is."""
    names = {"manual": tr("manual"), "smart": tr("smart"), "group": tr("group")}
    return names.get(kind, kind)


# acgdesk/db/albums.py
ALBUM: dict[str, Say] = {
    "needs_name": lambda p: tr("an album needs a name"),
    "name_too_long": lambda p: tr(
        "an album name may have at most {max} characters", "", int(p["max"])
    ).format(max=p["max"]),
    "unknown_name": lambda p: tr("no album named {name}; albums: {albums}").format(
        name=repr(p["name"]), albums=p["albums"]
    ),
    "no_albums": lambda p: tr("no album named {name}; there are no albums yet").format(name=repr(p["name"])),
    "unknown_id": lambda p: tr("no album with id {id}").format(id=p["id"]),
    "bad_kind": lambda p: tr("album kind must be one of {kinds}").format(kinds=p["kinds"]),
    "needs_query": lambda p: tr("a smart album needs a query"),
    "no_query": lambda p: tr("a {kind} album has no query").format(kind=_kind(p["kind"])),
    "name_taken": lambda p: tr("there is already an album or group named {name}").format(
        name=repr(p["name"])
    ),
    "not_a_group": lambda p: tr("{name} is an album, not a group: albums nest in groups only").format(
        name=repr(p["name"])
    ),
    "group_in_itself": lambda p: tr("a group cannot be placed inside itself"),
    "query_smart_only": lambda p: tr("only a smart album has a query, and it cannot be empty"),
    "not_manual": lambda p: tr("{name} is a {kind} album: images are added to manual albums only").format(
        name=repr(p["name"]), kind=_kind(p["kind"])
    ),
}

# acgdesk/search/service.py and image_search.py; model ids are put in as they are, a task ("tagger")
# as the window words it
SEARCH: dict[str, Say] = {
    "not_text_encoder": lambda p: tr("{model} is a {task} model, not a text encoder").format(
        model=p["model"], task=task_text(p["task"])
    ),
    "encoder_store": lambda p: tr("the text encoder {model} needs a model store").format(model=p["model"]),
    "no_image_embeddings": lambda p: tr(
        "no image embeddings in this library: run acgdesk index with an image embedder"
    ),
    "unknown_model": lambda p: tr("{model} is not a model this acgdesk can run").format(model=p["model"]),
    "image_store": lambda p: tr("no model store to load the image model from"),
    # the detail is the decoder's own (English) sentence
    "unreadable_image": lambda p: tr("cannot read the image: {detail}").format(detail=p["detail"]),
    "no_embedding": lambda p: tr("{model} gave no embedding").format(model=p["model"]),
    "not_embedded": lambda p: tr("file {id} has no {model} embedding yet: run acgdesk index").format(
        id=p["id"], model=p["model"]
    ),
    "not_in_library": lambda p: tr("not in the library: {ref}").format(ref=p["ref"]),
}

# acgdesk/vectors/*.py
VECTORS: dict[str, Say] = {
    "manifest_unreadable": lambda p: tr("unreadable index manifest {path}: {detail}").format(
        path=p["path"], detail=p["detail"]
    ),
    "manifest_not_object": lambda p: tr("index manifest {path} is not an object").format(path=p["path"]),
    "manifest_incomplete": lambda p: tr("index manifest {path} is incomplete: {detail}").format(
        path=p["path"], detail=p["detail"]
    ),
    "wrong_format": lambda p: tr("{path} has format {found}, expected {expected}").format(
        path=p["path"], found=p["found"], expected=p["expected"]
    ),
    "wrong_model": lambda p: tr("{path} was built for model {found}, not {expected}").format(
        path=p["path"], found=repr(p["found"]), expected=repr(p["expected"])
    ),
    "wrong_dimension": lambda p: tr("{path} has dimension {found}, the vectors have {expected}").format(
        path=p["path"], found=p["found"], expected=p["expected"]
    ),
    "wrong_size": lambda p: tr(
        "{path} is {size} bytes, its manifest says {expected}", "", int(p["size"])
    ).format(path=p["path"], size=p["size"], expected=p["expected"]),
    "bad_checksum": lambda p: tr("{path} does not match the checksum in its manifest").format(path=p["path"]),
    # the detail is hnswlib's own words
    "unreadable_graph": lambda p: tr("hnswlib cannot read {path}: {detail}").format(
        path=p["path"], detail=p["detail"]
    ),
    "contents_mismatch": lambda p: tr("{path} does not hold what its manifest describes").format(
        path=p["path"]
    ),
    "no_vectors": lambda p: tr("no vectors of model {model} in this library").format(model=repr(p["model"])),
}

# acgdesk/curate/file_actions.py, acgdesk/curate/trash.py
FILE_OPS: dict[str, Say] = {
    "trash_unsupported": lambda p: tr(
        "moving to the trash is supported on Linux and BSD desktops in this version"
    ),
    "vanished": lambda p: tr("not there any more: {path}").format(path=p["path"]),
    # the detail is the system's words for the failure
    "cannot_trash": lambda p: tr("could not move {path} to the trash: {detail}").format(
        path=p["path"], detail=p["detail"]
    ),
    "trash_full": lambda p: tr("the trash has no free name for {path}").format(path=p["path"]),
    "not_in_trash": lambda p: tr("no longer in the trash (emptied?): {path}").format(path=p["path"]),
    "name_taken": lambda p: tr("another file now has its name: {path}").format(path=p["path"]),
}
