"""``acgdesk rate | fav | pick | reject | album | undo | redo | history`` as scripts use them."""

from __future__ import annotations

import json
import os

import pytest

from tests.cli.test_cli import acgdesk
from tests.watch.conftest import write_image


@pytest.fixture
def lib(tmp_path):
    art = tmp_path / "art"
    paths = [str(write_image(art / f"{i}.png", seed=i)) for i in range(4)]
    library = str(tmp_path / "lib")
    acgdesk("--library", library, "index", str(art), "--quiet", "--no-models")
    return library, paths


def run(library: str, *args: str) -> dict:
    return json.loads(acgdesk("--library", library, *args, "--json").stdout)


def ids_of(library: str, query: str) -> list[str]:
    return [r["path"] for r in run(library, "search", query)["results"]]


def test_marks_albums_and_undo_from_the_command_line(lib):
    library, (a, b, c, d) = lib
    assert run(library, "rate", a, b, "--stars", "5") == {
        "label": "5 stars: 2 files",
        "changed": 2,
        "action": 1,
    }
    assert run(library, "fav", c)["changed"] == 1
    assert run(library, "reject", d)["changed"] == 1
    assert run(library, "pick", a)["changed"] == 1
    assert sorted(ids_of(library, "stars:5")) == sorted([a, b])
    assert ids_of(library, "is:fav") == [c] and ids_of(library, "is:reject") == [d]
    assert run(library, "reject", d, "--off")["changed"] == 1 and ids_of(library, "is:reject") == []
    run(library, "album", "create", "Summer set")
    run(library, "album", "add", "Summer set", c, a)
    run(library, "album", "create", "Top", "--query", "stars:5 -is:reject")
    shown = run(library, "album", "show", "Summer set")
    assert [f["path"] for f in shown["files"]] == [c, a]
    run(library, "album", "move", "Summer set", a, "--before", c)
    assert [f["path"] for f in run(library, "album", "show", "Summer set")["files"]] == [a, c]
    run(library, "undo")
    assert acgdesk("--library", library, "album", "show", "Summer set").stdout.split() == [c, a]
    listing = {x["name"]: x for x in run(library, "album", "list")["albums"]}
    assert listing["Summer set"]["count"] == 2 and listing["Top"]["query"] == "stars:5 -is:reject"
    assert sorted(ids_of(library, "album:Top")) == sorted([a, b])
    history = run(library, "history")["history"]
    assert (history[0]["label"], history[0]["undone"]) == ("reordered 'Summer set'", True)
    assert history[1]["label"] == "new smart album 'Top'" and len(history) == 9
    assert run(library, "undo")["undo"]["label"] == "new smart album 'Top'"
    assert run(library, "redo")["redo"]["label"] == "new smart album 'Top'"
    run(library, "album", "delete", "Summer set")
    assert run(library, "undo")["undo"]["label"] == "deleted album 'Summer set'"
    assert [f["path"] for f in run(library, "album", "show", "Summer set")["files"]] == [c, a]
    failed = acgdesk("--library", library, "album", "add", "Nope", a, check=False)
    assert failed.returncode == 1 and "no album named 'Nope'" in failed.stderr
    bad = acgdesk("--library", library, "rate", a, "--stars", "7", check=False)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
    gone = acgdesk("--library", library, "fav", a + ".nothere", check=False)
    assert gone.returncode == 1 and "not in the library" in gone.stderr


def test_move_copy_and_trash_from_the_command_line(lib, tmp_path):
    library, (a, b, c, _d) = lib
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    sorted_dir = tmp_path / "art" / "sorted"
    dry = json.loads(
        acgdesk("--library", library, "move", a, b, "--to", str(sorted_dir), "--dry-run", "--json").stdout
    )
    assert dry["ready"] == 2 and not sorted_dir.exists()
    done = json.loads(acgdesk("--library", library, "move", a, "--to", str(sorted_dir), "--json").stdout)
    assert done["changed"] == 1 and (sorted_dir / "0.png").exists()
    assert ids_of(library, "folder:sorted") == [str(sorted_dir / "0.png")]
    out = acgdesk("--library", library, "copy", b, "--to", str(sorted_dir), "--rename").stdout
    assert "copied 1 file" in out
    trashed = json.loads(acgdesk("--library", library, "trash", c, "--json", env=env).stdout)
    assert trashed["changed"] == 1 and (tmp_path / "xdg" / "Trash" / "files" / "2.png").exists()
    assert run(library, "undo")["undo"]["label"].startswith("moved 1 file to the trash")
    assert os.path.exists(c)
