"""The duplicates view: groups with a suggested keeper; trashing is explicit and goes to the OS trash."""

from __future__ import annotations

import shutil

from PIL import Image

from acgdesk.library import Library


def test_duplicate_groups_show_the_keeper_and_trash_only_the_others(
    qtbot, window, art_tree, tmp_path, monkeypatch
):
    trash_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(trash_home))  # send2trash's trash: ~/.local/share/Trash
    pixiv = art_tree / "pixiv"
    shutil.copyfile(pixiv / "p01.png", pixiv / "p01 (copy).png")  # exact copy
    Image.open(pixiv / "p02.png").transpose(Image.Transpose.ROTATE_90).save(pixiv / "p02_rotated.png")
    Image.open(pixiv / "p03.png").resize((640, 480)).save(pixiv / "p03_big.png")  # a larger near copy
    job = window.add_folders([str(pixiv)])
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    asked = []
    dialog = window.open_duplicates(confirm=lambda keeper, paths: asked.append((keeper, paths)) or True)
    qtbot.waitUntil(lambda: len(dialog.groups) >= 3, timeout=30_000)
    by_files = {frozenset(m["path"].rsplit("/", 1)[1] for m in g["members"]): g for g in dialog.groups}
    exact = by_files[frozenset({"p01.png", "p01 (copy).png"})]
    assert exact["kind"] == "exact"
    big = by_files[frozenset({"p03.png", "p03_big.png"})]
    keeper = next(m for m in big["members"] if m["file_id"] == big["keeper"])
    assert keeper["path"].endswith("p03_big.png")  # the larger one is suggested
    assert frozenset({"p02.png", "p02_rotated.png"}) in by_files  # rotated copies are found

    index = dialog.groups.index(big)
    dialog.list.setCurrentRow(index)
    qtbot.waitUntil(lambda: dialog.trash_button.isEnabled(), timeout=5_000)
    with qtbot.waitSignal(dialog.trashed, timeout=20_000) as trashed:
        dialog.trash_button.click()
    assert trashed.args[0] == [str(pixiv / "p03.png")]
    assert asked and asked[0][1] == [str(pixiv / "p03.png")]  # the user saw exactly what would go
    assert not (pixiv / "p03.png").exists() and (pixiv / "p03_big.png").exists()
    assert (trash_home / "Trash" / "files" / "p03.png").exists()  # in the trash, not deleted
    # the library updates: p03.png is missing (its data kept), and the group is gone
    qtbot.waitUntil(
        lambda: (
            all(
                frozenset({"p03.png", "p03_big.png"})
                != frozenset(m["path"].rsplit("/", 1)[1] for m in g["members"])
                for g in dialog.groups
            )
            and dialog.groups != []
        ),
        timeout=60_000,
    )
    with Library.open(window.backend.root) as lib:
        row = lib.show(str(pixiv / "p03.png"))
    assert row["status"] == "missing"


def test_a_declined_confirmation_moves_nothing(qtbot, window, art_tree, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    pixiv = art_tree / "pixiv"
    shutil.copyfile(pixiv / "p05.png", pixiv / "p05 copy.png")
    job = window.add_folders([str(pixiv)])
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    dialog = window.open_duplicates(confirm=lambda keeper, paths: False)
    qtbot.waitUntil(lambda: len(dialog.groups) >= 1, timeout=30_000)
    dialog.list.setCurrentRow(0)
    dialog.trash_button.click()
    qtbot.wait(300)
    assert (pixiv / "p05.png").exists() and (pixiv / "p05 copy.png").exists()
    assert not (tmp_path / "xdg-data" / "Trash").exists()
