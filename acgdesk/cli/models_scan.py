"""``acgdesk models scan [DIR...]``: catalogue models already on disk (the Hugging Face cache,
ComfyUI, Stable Diffusion WebUI, folders named by the user), verified and linked into the store in
place; and where each installed model's bytes live, for ``acgdesk models list``."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from acgdesk.models import catalogue
from acgdesk.models.store import InstallState, ModelStore, ModelStoreError


def where(state: InstallState) -> str:
    """Where an installed model's bytes are: the hub cache, a ComfyUI folder, the package..."""
    if not state.installed or state.location is None:
        return "-"
    home = str(Path.home())
    where = state.location
    return "~" + where[len(home) :] if where.startswith(home + os.sep) else where


def run(store: ModelStore, args: argparse.Namespace) -> int:
    from acgdesk.models.found import default_places, tool_kind
    from acgdesk.models.scan import scan_and_use

    places = [(tool_kind(Path(d).expanduser()), Path(d).expanduser()) for d in args.dirs] or default_places()
    for _kind, folder in places:
        if not folder.is_dir():
            raise ModelStoreError(f"not a folder: {folder}", key="not_a_folder", params={"path": str(folder)})
    results = scan_and_use(store, catalogue.CATALOGUE, places, trust=args.trust, dry_run=args.dry_run)
    if args.json:
        print(json.dumps({"places": [str(p) for _, p in places], "found": results}, indent=2))
        return 0
    print("searched: " + (", ".join(f"{p} ({k})" for k, p in places) or "nothing (no usual place exists)"))
    for entry in results:
        print(f"{entry['id']:<28} {entry['kind']:<9} {entry['root']}: {entry['message']}")
    if not results:
        print("no catalogue model found that is not installed already")
    return 0
