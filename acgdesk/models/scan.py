"""Find catalogue models on disk and use them in place: what ``acgdesk models scan`` and the Models
dialog's *Find on disk* run."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from acgdesk.models.found import default_places, find_models
from acgdesk.models.spec import ModelSpec
from acgdesk.models.state import InstallStatus
from acgdesk.models.store import ModelStore


def scan_and_use(
    store: ModelStore,
    specs: Mapping[str, ModelSpec],
    places: Iterable[tuple[str, Path]] | None = None,
    *,
    trust: bool = False,
    dry_run: bool = False,
) -> list[dict[str, Any]]:
    """One entry per copy found of a model not installed yet (:meth:`FoundModel.to_dict` plus
    ``used`` and ``message``; installed models are not searched, so their files are not hashed
    again). The first usable copy is linked into the store (unless ``dry_run``); unverified copies
    only with ``trust``."""
    wanted = {k: s for k, s in specs.items() if store.status(s).status is not InstallStatus.INSTALLED}
    results = []
    done: set[str] = set()
    for model in find_models(wanted, default_places() if places is None else places):
        spec = model.spec
        entry = {**model.to_dict(), "used": False, "message": ""}
        results.append(entry)
        if spec.id in done:
            entry["message"] = "another copy is used"
        elif not model.verified and not trust:
            entry["message"] = "unverified (the catalogue pins no digest): --trust uses it"
        elif dry_run:
            entry["message"] = "usable"
        else:
            state = store.adopt(model, trust=trust)
            entry["used"] = state.installed
            entry["message"] = f"linked into {state.folder} (no copy)"
            done.add(spec.id)
    return results
