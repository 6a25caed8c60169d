"""One observer per library folder: choosing how to watch it, starting, rebuilding and stopping.

A folder is watched natively (inotify & co.), by polling (network and removable drives, or the OS
watch limit reached), or not at all while it is offline; the reason is kept for people to read.
"""

from __future__ import annotations

import errno
import logging
import os
import queue
from dataclasses import dataclass

from acgdesk.watch.events import WatchMode
from acgdesk.watch.modes import ModeChooser
from acgdesk.watch.observe import LIMIT_ERRNOS, Change, FolderHandler, start_observer, stop_observer

log = logging.getLogger(__name__)


@dataclass
class WatchedFolder:
    folder_id: int
    root: str
    mode: WatchMode = WatchMode.OFFLINE
    reason: str = ""
    observer: object | None = None
    device: int | None = None  # st_dev when watching began: another device there = not our drive


def root_online(folder: WatchedFolder) -> bool:
    """The folder is there, on the drive it was on when watching began (an empty mount point of
    an unplugged drive is not the folder)."""
    if folder.mode == WatchMode.OFFLINE:
        return False
    try:
        st = os.stat(folder.root)
    except OSError:
        return False
    return os.path.isdir(folder.root) and (folder.device is None or st.st_dev == folder.device)


class FolderObservers:
    """Starts and stops the observers that feed ``inbox``; all calls come from one thread at a time."""

    def __init__(self, chooser: ModeChooser, inbox: queue.Queue[Change], poll_interval: float) -> None:
        self.chooser = chooser
        self.inbox = inbox
        self.poll_interval = poll_interval

    def watch(self, folder: WatchedFolder) -> None:
        """Choose the folder's mode and start its observer (falling back to polling at the OS limit)."""
        choice = self.chooser.choose(folder.root)
        folder.mode, folder.reason = choice.mode, choice.reason
        if choice.mode == WatchMode.OFFLINE:
            return
        try:
            folder.device = os.stat(folder.root).st_dev
        except OSError:
            folder.mode, folder.reason = WatchMode.OFFLINE, "not there (unplugged or renamed?); files kept"
            return
        try:
            folder.observer = self._observe(folder)
        except OSError as exc:
            if choice.mode != WatchMode.NATIVE or exc.errno not in LIMIT_ERRNOS:
                folder.mode, folder.reason = WatchMode.OFFLINE, f"cannot watch: {exc.strerror or exc}"
                return
            fallback = self.chooser.over_limit(folder.root, instances=exc.errno == errno.EMFILE)
            folder.mode, folder.reason = fallback.mode, fallback.reason
            folder.observer = self._observe(folder)

    def rebuild(self, folder: WatchedFolder) -> None:
        """A fresh observer, its watches made anew from the disk; the new one starts before the old
        one stops, so no change goes unseen (both may report it: events are only hints)."""
        if folder.mode != WatchMode.NATIVE or folder.observer is None:
            return
        try:
            fresh = self._observe(folder)
        except OSError:
            log.warning("could not rebuild the observer of %s; keeping the old one", folder.root)
            return
        old, folder.observer = folder.observer, fresh
        stop_observer(old)  # type: ignore[arg-type]

    def unwatch(self, folder: WatchedFolder) -> None:
        observer, folder.observer = folder.observer, None
        if observer is not None:
            stop_observer(observer)  # type: ignore[arg-type]

    def _observe(self, folder: WatchedFolder):
        handler = FolderHandler(folder.folder_id, folder.root, folder.mode == WatchMode.NATIVE, self.inbox)
        return start_observer(folder.root, handler, folder.mode, self.poll_interval)
