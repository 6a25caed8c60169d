"""Choosing how to watch each folder: native notification where it works, polling where it cannot.

Native watching (inotify on Linux) misses changes made by other machines on network shares, and
needs one kernel watch per sub-folder, out of a per-user budget (``fs.inotify.max_user_watches``)
that other programs share. A folder that would not fit is polled instead, and the user is told
the one command that fixes it. Removable drives are polled too, so unplugging one is just a failed
poll rather than a storm of lost watches.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from acgdesk.watch.events import WatchMode

MAX_WATCHES_FILE = "/proc/sys/fs/inotify/max_user_watches"
NETWORK_FS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "drvfs",  # WSL's view of Windows drives: inotify sees only changes made from Linux
        "vboxsf",
        "vmhgfs",
        "prl_fs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.davfs2",
        "fuse.s3fs",
        "fuse.gvfsd-fuse",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.vmhgfs-fuse",
    }
)
REMOVABLE_MOUNT_ROOTS = ("/media/", "/run/media/")


@dataclass(frozen=True)
class Mount:
    mount_point: str
    fs_type: str
    source: str


@dataclass(frozen=True)
class ModeChoice:
    mode: WatchMode
    reason: str


def parse_mountinfo(text: str) -> list[Mount]:
    """Mounts from ``/proc/self/mountinfo`` text (fields: ... mount point (5th) ... `` - `` type source)."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if not sep or len(fields) < 5 or len(tail) < 2:
            continue
        point = fields[4].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        mounts.append(Mount(point, tail[0], tail[1]))
    return mounts


def mount_of(path: str, mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path``: the longest mount point that is a prefix of it (later mounts win)."""
    best: Mount | None = None
    for m in mounts:
        root = m.mount_point.rstrip("/") + "/"
        if (path == m.mount_point or path.startswith(root)) and (
            best is None or len(m.mount_point) >= len(best.mount_point)
        ):
            best = m
    return best


def _read_mounts() -> list[Mount]:
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as fh:
            return parse_mountinfo(fh.read())
    except OSError:
        return []


def is_removable(mount: Mount, sys_block: str = "/sys/class/block") -> bool:
    """USB sticks, SD cards, optical discs: the kernel's ``removable`` flag, or a desktop automount."""
    if mount.mount_point.startswith(REMOVABLE_MOUNT_ROOTS):
        return True
    if not mount.source.startswith("/dev/"):
        return False
    name = os.path.basename(os.path.realpath(mount.source))
    node = os.path.realpath(os.path.join(sys_block, name))  # a partition: .../block/sdb/sdb1
    for folder in (node, os.path.dirname(node)):
        try:
            with open(os.path.join(folder, "removable")) as fh:
                if fh.read().strip() == "1":
                    return True
        except OSError:
            continue
    return False


def inotify_limit() -> int | None:
    try:
        with open(MAX_WATCHES_FILE) as fh:
            return int(fh.read().strip())
    except (OSError, ValueError):
        return None


def inotify_watches_in_use(proc: str = "/proc") -> int:
    """Watches this user's processes hold now (they share the per-user limit); best effort."""
    uid = os.getuid()
    total = 0
    try:
        pids = [p for p in os.listdir(proc) if p.isdigit()]
    except OSError:
        return 0
    for pid in pids:
        base = os.path.join(proc, pid)
        try:
            if os.stat(base).st_uid != uid:
                continue
            fds = os.listdir(os.path.join(base, "fd"))
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(os.path.join(base, "fd", fd)) != "anon_inode:inotify":
                    continue
                with open(os.path.join(base, "fdinfo", fd)) as fh:
                    total += sum(1 for line in fh if line.startswith("inotify wd:"))
            except OSError:
                continue
    return total


def count_dirs(root: str, cap: int) -> int:
    """Folders under ``root`` (itself included) as native recursive watching needs them; stops at ``cap``."""
    n = 0
    for _dirpath, _dirs, _files in os.walk(root):
        n += 1
        if n > cap:
            break
    return n


def limit_advice(needed: int) -> str:
    """The fix, spelled out: a runtime command and the line that keeps it after a reboot."""
    value = 524288
    while value < needed * 2:
        value *= 2
    return (
        f"to watch it natively, raise the limit: sudo sysctl fs.inotify.max_user_watches={value} "
        f"(keep it across reboots: echo fs.inotify.max_user_watches={value} | "
        "sudo tee /etc/sysctl.d/90-acgdesk.conf)"
    )


class ModeChooser:
    """Decides per folder; keeps count of the watches it has handed out so far."""

    def __init__(
        self,
        *,
        force_polling: bool = False,
        poll_interval: float = 2.0,
        limit: int | None = None,
        reserve: int = 1024,
        mounts: list[Mount] | None = None,
    ) -> None:
        self.force_polling = force_polling
        self.poll_interval = poll_interval
        self.native_ok = sys.platform.startswith("linux") or sys.platform in ("darwin", "win32")
        self.in_use = 0
        if limit is None and sys.platform.startswith("linux"):
            limit = inotify_limit()
            self.in_use = inotify_watches_in_use() if limit is not None else 0
        self.limit = limit
        self.reserve = reserve
        self.mounts = mounts if mounts is not None else _read_mounts()

    def choose(self, root: str) -> ModeChoice:
        every = f"every {self.poll_interval:g} s"
        if not os.path.isdir(root):
            return ModeChoice(WatchMode.OFFLINE, "not there (unplugged or renamed?); its files are kept")
        if self.force_polling or not self.native_ok:
            return ModeChoice(WatchMode.POLLING, f"polling {every} (asked for)")
        mount = mount_of(root, self.mounts)
        if mount is not None and mount.fs_type in NETWORK_FS:
            return ModeChoice(
                WatchMode.POLLING,
                f"on a network file system ({mount.fs_type} at {mount.mount_point}): native notification "
                f"misses changes made by other machines, so it is polled {every}",
            )
        if mount is not None and is_removable(mount):
            return ModeChoice(
                WatchMode.POLLING,
                f"on a removable drive ({mount.source} at {mount.mount_point}): polled {every}, "
                "so unplugging it is noticed cleanly",
            )
        if self.limit is not None:
            free = self.limit - self.in_use - self.reserve
            needed = count_dirs(root, cap=2_000_000)
            if needed > free:
                return self.over_limit(root, needed)
            self.in_use += needed
        return ModeChoice(WatchMode.NATIVE, "native change notification")

    def over_limit(self, root: str, needed: int | None = None, *, instances: bool = False) -> ModeChoice:
        """The OS refused (or would refuse) the watches: poll, and say how to lift the limit."""
        every = f"polling it every {self.poll_interval:g} s instead, which is slower and reads the disk more"
        if instances:  # EMFILE: one inotify instance per watched folder, 128 per user by default
            return ModeChoice(
                WatchMode.POLLING,
                f"the OS refused another inotify instance (fs.inotify.max_user_instances); {every}; "
                "to watch it natively, raise the limit: sudo sysctl fs.inotify.max_user_instances=1024",
            )
        free = max(0, (self.limit or 0) - self.in_use - self.reserve)
        size = f"needs {needed:,} inotify watches (one per folder)" if needed else "got no inotify watches"
        return ModeChoice(
            WatchMode.POLLING,
            f"{size} but only {free:,} of this user's limit of {self.limit or 0:,} are free "
            f"(fs.inotify.max_user_watches); {every}; {limit_advice(self.in_use + (needed or 0))}",
        )
