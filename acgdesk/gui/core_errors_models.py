"""The model store's and the downloader's error messages in the window's language.

See :mod:`acgdesk.gui.core_errors` for how a key and its parts become a sentence. This module holds
the sentences of :class:`~acgdesk.models.manifest.ModelStoreError` (installing, importing, checking
and loading a model) and :class:`~acgdesk.models.download.DownloadError`, and the composed details of
an :class:`~acgdesk.models.state.InstallState` ("not installed: run `acgdesk models install …`"), which
the Models dialog shows (:func:`install_detail_text`). Commands, file names, model ids, URLs, paths and
digests are put in as they are; a detail without a key (or with one this version does not know) is
shown as the core wrote it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from acgdesk.gui import i18n
from acgdesk.gui.core_sentences import Say, say_or
from acgdesk.gui.core_text import core_text


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("core_errors", text, disambiguation, n)


def _n(value: Any) -> str:
    """A byte count as the core writes it: 1,234,567."""
    return f"{value:,}"


def _pickle_why() -> str:
    # acgdesk.models.manifest.PICKLE_WHY
    return tr(
        "acgdesk never loads pickle files (.pt, .pth, .ckpt, .bin): unpickling can run arbitrary code. "
        "Use the model's .safetensors or .onnx file instead"
    )


def _folder_part(what: str) -> str:
    """``_check_component``'s "model id" / "model version"."""
    names = {"model id": tr("model id"), "model version": tr("model version")}
    return names.get(what, what)


def _found_files(p: dict[str, Any]) -> str:
    text = tr("{id}: not found in {folder}: {missing}").format(
        id=p["id"], folder=p["folder"], missing=p["missing"]
    )
    if p["pickles"]:
        text += tr(". Found {pickles}: refused, {why}").format(pickles=p["pickles"], why=_pickle_why())
    if p["where"]:
        text += tr(". The files are at {where}").format(where=p["where"])
    return text


# key -> what :func:`acgdesk.models.manifest.manifest_problem_keyed` finds wrong with a model folder
MANIFEST_PROBLEM: dict[str, Say] = {
    "manifest_missing": lambda p: tr("{path} is missing or unreadable").format(path=p["path"]),
    "manifest_other": lambda p: tr("{path} belongs to {owner}").format(path=p["path"], owner=p["owner"]),
    "file_not_recorded": lambda p: tr(
        "{name} is not in the manifest (the catalogue lists files this copy lacks)"
    ).format(name=p["name"]),
    "file_gone": lambda p: tr("{path} is missing").format(path=p["path"]),
    "file_gone_link": lambda p: tr("{path} is missing (it pointed at {where})").format(
        path=p["path"], where=p["where"]
    ),
    "file_changed": lambda p: tr("{path} changed on disk ({size} bytes, {recorded} recorded)").format(
        path=p["path"], size=_n(p["size"]), recorded=_n(p["recorded"])
    ),
    "file_not_pinned": lambda p: tr("{name} is not the version the catalogue pins").format(name=p["name"]),
}


def _repair(p: dict[str, Any]) -> str:
    problem = say_or(MANIFEST_PROBLEM, p.get("problem_key"), p.get("problem_params"), p["problem"])
    return tr("{problem}: run `acgdesk models install {id} --force` to repair it").format(
        problem=problem, id=p["id"]
    )


# key -> an InstallState's detail (acgdesk/models/store.py, state.py)
INSTALL_DETAIL: dict[str, Say] = {
    "builtin": lambda p: core_text("computed without model files"),  # listed in core_text.py
    "interrupted": lambda p: tr(
        "an install was interrupted: run `acgdesk models install {id}` to resume it"
    ).format(id=p["id"]),
    "not_installed": lambda p: tr(
        "not installed: run `acgdesk models install {id}` (or `acgdesk models scan` to use a copy "
        "already on disk, or download the files by hand and run `acgdesk models import {id} FOLDER`)"
    ).format(id=p["id"]),
    "needs_repair": _repair,
    "package_missing": lambda p: tr(
        "it ships with the Python package {package}, which is not installed: run `{command}` in "
        "acgdesk's Python environment"
    ).format(package=p["package"], command=p["command"]),
    "package_incomplete": lambda p: tr(
        "the Python package {package} in {folder} lacks {missing}: reinstall it with `{command}`"
    ).format(package=p["package"], folder=p["folder"], missing=p["missing"], command=p["command"]),
}


def detail_text(english: str, key: Any, params: Any) -> str:
    """An install detail said through the catalogues; ``english`` when it has no key this version knows."""
    return say_or(INSTALL_DETAIL, key, params, english)


def install_detail_text(english: str, key: Any, params: Any) -> str:
    """An InstallState's detail in the window's language (English: the core's own words)."""
    if i18n.current_language() == "en":
        return english
    return detail_text(english, key, params)


def _model_state(p: dict[str, Any]) -> str:
    detail = detail_text(p["detail"], p.get("detail_key"), p.get("detail_params"))
    return tr("{id}: {detail}").format(id=p["id"], detail=detail)


# key -> the sentence (acgdesk/models/*.py, acgdesk/cli/models_scan.py, models_cmd.py)
MODEL_STORE: dict[str, Say] = {
    # manifest.py: the file rules
    "invalid_file_name": lambda p: tr("{id}: invalid file name {name} in the catalogue").format(
        id=p["id"], name=repr(p["name"])
    ),
    "pickle_checkpoint": lambda p: tr("{id}: {name} is a pickle checkpoint; {why}").format(
        id=p["id"], name=p["name"], why=_pickle_why()
    ),
    "format_refused": lambda p: tr("{id}: {name}: only {suffixes} files are accepted").format(
        id=p["id"], name=p["name"], suffixes=p["suffixes"]
    ),
    # the detail is the system's words for the failure
    "cannot_read": lambda p: tr("cannot read {path}: {detail}").format(path=p["path"], detail=p["detail"]),
    # the detail is the checkpoint scanner's (English) reason
    "unsafe_checkpoint": lambda p: tr("{path} ({name}) refused: {detail}; {why}").format(
        path=p["path"], name=p["name"], detail=p["detail"], why=_pickle_why()
    ),
    "pickled_data": lambda p: tr("{path} ({name}) holds pickled data, not the expected format; {why}").format(
        path=p["path"], name=p["name"], why=_pickle_why()
    ),
    "not_safetensors": lambda p: tr("{path} ({name}) is not a safetensors file").format(
        path=p["path"], name=p["name"]
    ),
    "empty_file": lambda p: tr("{path} ({name}) is empty").format(path=p["path"], name=p["name"]),
    "cannot_link": lambda p: tr(
        "cannot link {path} into {folder} (another drive, and no symbolic links here: {detail}); "
        "use `acgdesk models import` to copy it instead"
    ).format(path=p["path"], folder=p["folder"], detail=p["detail"]),
    "cannot_write": lambda p: tr("cannot write {path}: {detail}").format(path=p["path"], detail=p["detail"]),
    "cannot_create": lambda p: tr("cannot create {path}: {detail}").format(
        path=p["path"], detail=p["detail"]
    ),
    # storefs.py: settings, folders, locks
    "bad_endpoint": lambda p: tr("hub_endpoint must be an http(s) URL, not {url}").format(url=repr(p["url"])),
    "cannot_move": lambda p: tr("cannot move {path} to {dest}: {detail}").format(
        path=p["path"], dest=p["dest"], detail=p["detail"]
    ),
    "cannot_remove": lambda p: tr("cannot remove {path}: {detail}").format(
        path=p["path"], detail=p["detail"]
    ),
    "locked": lambda p: tr(
        "another acgdesk process (or thread) is installing or removing {id}; wait for it to finish"
    ).format(id=p["id"]),
    # importing.py: files a user downloaded by hand
    "not_a_folder": lambda p: tr("not a folder: {path}").format(path=p["path"]),
    "files_not_found": _found_files,
    "ambiguous_files": lambda p: tr(
        "several different files named {name} in {folder}: {files}; "
        "point FOLDER at the one folder that holds the model's files"
    ).format(name=p["name"], folder=p["folder"], files=p["files"]),
    "cannot_copy": lambda p: tr("cannot copy {path} to {dest}: {detail}").format(
        path=p["path"], dest=p["dest"], detail=p["detail"]
    ),
    "size_mismatch": lambda p: tr(
        "{path} has {size} bytes but {name} has {expected}: a different file or version"
    ).format(path=p["path"], size=_n(p["size"]), name=p["name"], expected=_n(p["expected"])),
    "sha_mismatch": lambda p: tr(
        "{path} does not match the pinned SHA-256 of {name} (got {got}, expected {expected}): "
        "a different file or version, or a damaged download"
    ).format(path=p["path"], name=p["name"], got=p["got"], expected=p["expected"]),
    # store.py
    "no_files": lambda p: tr("{id} needs no model files").format(id=p["id"]),
    "model_state": _model_state,  # "<id>: <the install state's detail>"
    "not_downloadable": lambda p: tr("{id} is not a downloadable model").format(id=p["id"]),
    "unverified": lambda p: tr(
        "{id}: the files in {folder} cannot be verified (the catalogue pins no digest for them); "
        "pass --trust to use them anyway"
    ).format(id=p["id"], folder=p["folder"]),
    "package_import": lambda p: tr(
        "{id} ships with the Python package {package}; there is nothing to import "
        "(install it with `{command}`)"
    ).format(id=p["id"], package=p["package"], command=p["command"]),
    "nothing_to_import": lambda p: tr("{id} needs no model files; there is nothing to import").format(
        id=p["id"]
    ),
    "package_remove": lambda p: tr(
        "{id} ships with the Python package {package}; acgdesk does not remove packages "
        "(use `pip uninstall {dist}`)"
    ).format(id=p["id"], package=p["package"], dist=p["dist"]),
    "nothing_to_remove": lambda p: tr("{id} needs no model files; there is nothing to remove").format(
        id=p["id"]
    ),
    "bad_folder_name": lambda p: tr("invalid {what} {value}: it must be a plain folder name").format(
        what=_folder_part(p["what"]), value=repr(p["value"])
    ),
    # cli/models_cmd.py (the command line only)
    "unknown_model": lambda p: tr("unknown model {id}; known: {known}").format(
        id=repr(p["id"]), known=p["known"]
    ),
}


# key -> what the downloader found wrong with a file it fetched
DOWNLOAD_PROBLEM: dict[str, Say] = {
    "sha_pinned": lambda p: tr("SHA-256 mismatch: got {got}, the pinned digest is {pinned}").format(
        got=p["got"], pinned=p["pinned"]
    ),
    "sha_hub": lambda p: tr("SHA-256 mismatch: got {got}, the hub's published digest is {address}").format(
        got=p["got"], address=p["address"]
    ),
    "size": lambda p: tr("got {size} bytes but {expected} were expected").format(
        size=_n(p["size"]), expected=_n(p["expected"])
    ),
}


def _hint(p: dict[str, Any]) -> str:
    """ "; or <how to get the files by hand>" that ends a download error, or ""."""
    hint = p["hint"]
    if not hint:
        return ""
    parts = p.get("hint_params") or {}
    if parts:
        hint = tr(
            "download {names} from {where} by hand into one folder and run "
            "`acgdesk models import {id} FOLDER`"
        ).format(names=parts["names"], where=parts["where"], id=parts["id"])
    return tr("; or {hint}").format(hint=hint)


def _verify_failed(p: dict[str, Any]) -> str:
    problem = say_or(DOWNLOAD_PROBLEM, p.get("problem_key"), p.get("problem_params"), p["problem"])
    if p["deleted"]:
        problem = tr("{problem}; the corrupt file was deleted: run again to retry").format(problem=problem)
    return tr("{url}: {problem}. Nothing was installed").format(url=p["url"], problem=problem)


def _token(value: str) -> str:
    return {"set": tr("set"), "not set": tr("not set")}.get(value, value)


# key -> the sentence (acgdesk/models/download.py)
DOWNLOAD: dict[str, Say] = {
    "verify_failed": _verify_failed,
    "announced_size": lambda p: tr(
        "{url}: the hub offers {size} bytes but {expected} were expected; the file on the hub has changed "
        "or the repository is wrong"
    ).format(url=p["url"], size=_n(p["size"]), expected=_n(p["expected"])),
    "announced_sha": lambda p: tr(
        "{url}: SHA-256 mismatch: the hub publishes {etag}, the pinned digest is {pinned}; "
        "the file on the hub has changed"
    ).format(url=p["url"], etag=p["etag"], pinned=p["pinned"]),
    "access_denied": lambda p: tr(
        "{url}: HTTP {status}: access denied. The model may be gated or private: accept its terms on its "
        "page at {endpoint}, then run `hf auth login` or set {env}=<token> ({env} is {token}){hint}"
    ).format(
        url=p["url"],
        status=p["status"],
        endpoint=p["endpoint"],
        env=p["env"],
        token=_token(p["token"]),
        hint=_hint(p),
    ),
    "not_found": lambda p: tr(
        "{url}: HTTP 404 not found: the repository, revision or file name may have changed "
        "(check the model's page){hint}"
    ).format(url=p["url"], hint=_hint(p)),
    "offline_set": lambda p: tr(
        "{url}: HF_HUB_OFFLINE is set and the file is not in the Hugging Face cache ({cache}). No network? "
        "A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}"
    ).format(url=p["url"], cache=p["cache"], hint=_hint(p)),
    "offline_unreachable": lambda p: tr(
        "{url}: cannot reach {endpoint} and the file is not in the Hugging Face cache ({cache}). No network? "
        "A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}"
    ).format(url=p["url"], endpoint=p["endpoint"], cache=p["cache"], hint=_hint(p)),
    # the detail is the hub client's own (English) words
    "http": lambda p: tr("{url}: HTTP {status}: {detail}{hint}").format(
        url=p["url"], status=p["status"], detail=p["detail"], hint=_hint(p)
    ),
    "unreachable": lambda p: tr(
        "cannot reach {endpoint} for {url} ({kind}: {detail}). No network, or a proxy is needed? "
        "A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}"
    ).format(endpoint=p["endpoint"], url=p["url"], kind=p["kind"], detail=p["detail"], hint=_hint(p)),
    "failed": lambda p: tr("{url}: download failed ({kind}: {detail}){hint}").format(
        url=p["url"], kind=p["kind"], detail=p["detail"], hint=_hint(p)
    ),
}
