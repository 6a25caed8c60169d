"""Settling on real files, and the choice of watch mode from real mount tables and limits."""

from __future__ import annotations

import os

import pytest

from acgdesk.core.names import is_temporary
from acgdesk.watch.config import WatchConfig
from acgdesk.watch.events import WatchMode
from acgdesk.watch.modes import ModeChooser, Mount, is_removable, limit_advice, mount_of, parse_mountinfo
from acgdesk.watch.settle import Settler
from tests.watch.conftest import write_image


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("name", "temporary"),
    [
        ("miku.jpg.part", True),
        ("Unconfirmed 123.crdownload", True),
        ("miku.png~", True),
        (".miku.png.Ab12Cd", True),  # rsync
        ("download.tmp", True),
        ("~$sheet.png", True),
        ("miku.jpg", False),
        (".hidden.png", False),
        ("my.fan.art.png", False),
    ],
)
def test_temporary_download_names(name, temporary):
    assert is_temporary(name) is temporary


def test_a_closed_file_settles_fast_an_open_one_waits_and_growth_resets(tmp_path):
    clock = Clock()
    settler = Settler(WatchConfig(quick_settle=0.1, open_settle=2.0, settle=1.0), clock)
    done = write_image(tmp_path / "done.png", 1)
    growing = tmp_path / "growing.png"
    growing.write_bytes(done.read_bytes()[:100])
    settler.note(str(done), 1, complete=True, native=True)
    settler.note(str(growing), 1, complete=False, native=True)
    assert settler.due() == []  # nothing has been quiet long enough yet
    clock.now += 0.2
    assert settler.due() == [(str(done), 1)]
    clock.now += 1.5
    with open(growing, "ab") as fh:  # still being written: the quiet period starts again
        fh.write(b"x" * 50)
    settler.note(str(growing), 1, complete=False, native=True)  # the write's modify event
    assert settler.due() == []
    clock.now += 1.9
    assert settler.due() == []
    clock.now += 0.2
    assert settler.due() == [(str(growing), 1)]
    assert len(settler) == 0


def test_polling_without_close_uses_the_middle_settle_and_empty_files_wait(tmp_path):
    clock = Clock()
    settler = Settler(WatchConfig(settle=1.0, empty_grace=5.0), clock)
    polled = write_image(tmp_path / "polled.png", 2)
    empty = tmp_path / "placeholder.jpg"
    empty.touch()  # Firefox creates the final name empty, then renames the .part over it
    for p in (polled, empty):
        settler.note(str(p), 3, complete=False, native=False)
    clock.now += 1.1
    assert settler.due() == [(str(polled), 3)]
    clock.now += 3.0
    assert settler.due() == []
    clock.now += 2.0
    assert settler.due() == [(str(empty), 3)]


def test_a_part_sibling_holds_the_final_name_back_and_renames_carry_state(tmp_path):
    clock = Clock()
    settler = Settler(WatchConfig(quick_settle=0.1), clock)
    final = write_image(tmp_path / "art.jpg", 3, fmt="JPEG")
    part = tmp_path / "art.jpg.part"
    part.write_bytes(b"\xff\xd8 still downloading")
    settler.note(str(final), 1, complete=True, native=True)
    clock.now += 1.0
    assert settler.due() == []
    os.replace(part, final)
    clock.now += 0.2
    assert settler.due() == []  # the replace changed the inode: quiet period restarts
    clock.now += 0.2
    assert settler.due() == [(str(final), 1)]
    moved = write_image(tmp_path / "a" / "x.png", 4)
    settler.note(str(moved), 1, complete=True, native=True)
    os.rename(tmp_path / "a", tmp_path / "b")
    settler.rename_under(str(tmp_path / "a"), str(tmp_path / "b"), 2)
    clock.now += 0.2  # same inode, size and mtime: the quiet period carries over the rename
    assert settler.due() == [(str(tmp_path / "b" / "x.png"), 2)]


def test_a_vanished_pending_file_is_dropped(tmp_path):
    clock = Clock()
    settler = Settler(WatchConfig(), clock)
    p = write_image(tmp_path / "gone.png", 5)
    settler.note(str(p), 1, complete=True, native=True)
    p.unlink()  # (its delete event also forgets it; without one, the next look does)
    clock.now += 1.0
    assert settler.due() == [] and len(settler) == 0


MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
35 22 0:40 / /mnt/nas rw,relatime shared:20 - nfs4 nas:/export/art rw,vers=4.2
36 22 0:41 / /home/me/share\\040drive rw - cifs //pc/art rw
37 22 8:17 / /media/me/SDCARD rw,nosuid - exfat /dev/sdb1 rw
38 22 0:42 / /home/me/remote rw - fuse.sshfs me@box:/art rw
"""


def test_network_and_removable_drives_are_polled_with_a_reason(tmp_path):
    mounts = parse_mountinfo(MOUNTINFO)
    assert mount_of("/home/me/share drive/art", mounts).fs_type == "cifs"
    assert mount_of("/mnt/nas/2024", mounts).fs_type == "nfs4"
    assert mount_of("/mnt/nasty", mounts).fs_type == "ext4"  # a prefix of the text is not a parent
    chooser = ModeChooser(limit=10_000, reserve=0, mounts=mounts, poll_interval=5)
    for root, fs in (("/mnt/nas", "nfs4"), ("/home/me/remote", "fuse.sshfs")):
        # The folders do not exist here, so check the classification the way choose() does.
        choice = _choose_existing(chooser, tmp_path, root)
        assert choice.mode == WatchMode.POLLING and fs in choice.reason and "every 5 s" in choice.reason
    assert _choose_existing(chooser, tmp_path, "/home/me/art").mode == WatchMode.NATIVE


def _choose_existing(chooser: ModeChooser, tmp_path, mount_path: str):
    """Make a real folder and pretend it is mounted where ``mount_path`` is."""
    real = tmp_path / mount_path.strip("/").replace("/", "_")
    real.mkdir(exist_ok=True)
    fake = parse_mountinfo(MOUNTINFO)
    target = mount_of(mount_path, fake)
    chooser.mounts = [*fake, type(target)(str(real), target.fs_type, target.source)]
    return chooser.choose(str(real))


def test_this_machines_temp_folder_is_local_and_a_missing_folder_is_offline(tmp_path):
    chooser = ModeChooser(limit=1_000_000, reserve=0)
    assert chooser.choose(str(tmp_path)).mode == WatchMode.NATIVE
    offline = chooser.choose(str(tmp_path / "unplugged"))
    assert offline.mode == WatchMode.OFFLINE and "kept" in offline.reason


def test_a_tree_over_the_inotify_budget_is_polled_and_the_fix_is_spelled_out(tmp_path):
    for i in range(6):
        (tmp_path / f"d{i}" / "inner").mkdir(parents=True)
    chooser = ModeChooser(limit=1030, reserve=1024)  # 6 watches free, the tree needs 13
    choice = chooser.choose(str(tmp_path))
    assert choice.mode == WatchMode.POLLING
    assert "needs 13 inotify watches" in choice.reason
    assert "sudo sysctl fs.inotify.max_user_watches=524288" in choice.reason
    assert "/etc/sysctl.d/" in choice.reason
    assert ModeChooser(limit=2000, reserve=1024).choose(str(tmp_path)).mode == WatchMode.NATIVE
    assert "max_user_watches=2097152" in limit_advice(600_000)


def test_removable_drives_are_known_by_automount_place_or_the_kernels_flag(tmp_path):
    assert is_removable(Mount("/media/me/SDCARD", "exfat", "/dev/sdb1"))
    assert is_removable(Mount("/run/media/me/USB", "vfat", "/dev/sdc1"))
    # A fake /sys/class/block: sdd is a USB disk (removable=1) whose partition sdd1 holds the art.
    sys_block = tmp_path / "sys"
    (sys_block / "devices" / "sdd" / "sdd1").mkdir(parents=True)
    (sys_block / "devices" / "sdd" / "removable").write_text("1\n")
    (sys_block / "devices" / "sda" / "sda1").mkdir(parents=True)
    (sys_block / "devices" / "sda" / "removable").write_text("0\n")
    for name, disk in (("sdd1", "sdd"), ("sda1", "sda")):
        (sys_block / name).symlink_to(sys_block / "devices" / disk / name)
    assert is_removable(Mount("/mnt/usb", "ext4", "/dev/sdd1"), str(sys_block))
    assert not is_removable(Mount("/data", "ext4", "/dev/sda1"), str(sys_block))
    assert not is_removable(Mount("/", "overlay", "overlay"), str(sys_block))


def test_a_filled_placeholder_is_looked_at_again_when_its_event_arrives(tmp_path):
    clock = Clock()
    settler = Settler(WatchConfig(quick_settle=0.1, empty_grace=10.0), clock)
    final = tmp_path / "download.jpg"
    final.touch()  # the browser's empty placeholder
    settler.note(str(final), 1, complete=False, native=True)
    clock.now += 1.0
    assert settler.due() == []
    part = write_image(tmp_path / "download.jpg.part", 6, fmt="JPEG")
    os.replace(part, final)  # the finished download replaces it
    settler.note(str(final), 1, complete=True, native=True)
    clock.now += 0.2
    assert settler.due() == [(str(final), 1)]  # not the 10 s an empty file gets
