"""The bridge from watchdog to the watcher: one observer per folder, events turned into ``Change``s.

Handlers run in watchdog's threads and only translate and enqueue: every decision (is it finished?
did it move? is the folder still there?) is made later by the watcher's single worker thread, which
looks at the file system itself. Events only say where to look; the disk says what happened.
"""

from __future__ import annotations

import errno
import logging
import os
import queue
from collections.abc import Callable
from dataclasses import dataclass

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from acgdesk.watch.events import WatchMode

log = logging.getLogger(__name__)

# Only what the watcher uses: our own reads of the files (open, close-without-write) are not asked for.
EVENT_FILTER: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileAttribEvent,
    FileMovedEvent,
    FileDeletedEvent,
    DirCreatedEvent,
    DirMovedEvent,
    DirDeletedEvent,
]
# watchdog logs this when the kernel dropped events; it rebuilds its watches, we reconcile.
_OVERFLOW_LOGGER = "watchdog.observers.inotify_c"
LIMIT_ERRNOS = (errno.ENOSPC, errno.EMFILE)


@dataclass(frozen=True, slots=True)
class Change:
    """One event, reduced to what the watcher needs.

    ``kind``: ``changed`` (created or written), ``complete`` (closed after writing, or moved in from
    outside), ``attrib``, ``deleted``, ``moved``, ``dir_moved``, ``dir_deleted``, ``dir_created``
    (made, or moved in), ``root_gone``, ``overflow``, ``reconcile``.
    """

    kind: str
    path: str = ""
    dest: str = ""
    folder_id: int = 0
    native: bool = False


class FolderHandler(FileSystemEventHandler):
    """Turns one folder's watchdog events into ``Change``s on the watcher's inbox."""

    def __init__(self, folder_id: int, root: str, native: bool, inbox: queue.Queue[Change]) -> None:
        self.folder_id = folder_id
        self.root = root
        self.native = native
        self.inbox = inbox

    def _put(self, kind: str, path: str = "", dest: str = "") -> None:
        self.inbox.put(Change(kind, path, dest, self.folder_id, self.native))

    def dispatch(self, event: FileSystemEvent) -> None:
        src, dest = os.fsdecode(event.src_path), os.fsdecode(event.dest_path)
        if event.is_directory:
            self._directory(event, src, dest)
        elif isinstance(event, FileMovedEvent):
            if event.is_synthetic:
                return  # a file inside a moved folder: the folder's own event moves it
            if not src:
                self._put("complete", dest)  # moved in from outside the folder: already whole
            elif not dest:
                self._put("deleted", src)  # moved out of the folder
            else:
                self._put("moved", src, dest)
        elif isinstance(event, FileDeletedEvent):
            self._put("deleted", src)
        elif isinstance(event, FileClosedEvent) or (
            isinstance(event, FileCreatedEvent) and event.is_synthetic
        ):
            self._put("complete", src)  # synthetic creations are the contents of a folder moved in
        elif isinstance(event, FileAttribEvent):
            self._put("attrib", src)
        elif isinstance(event, FileCreatedEvent | FileModifiedEvent):
            self._put("changed", src)

    def _directory(self, event: FileSystemEvent, src: str, dest: str) -> None:
        if isinstance(event, DirMovedEvent):
            if event.is_synthetic:
                return  # inside a moved folder: the folder's own event moves it
            if not src:  # moved in: its files arrive as creations, and it is checked as a whole
                self._put("dir_created", dest)
                return
            self._put("dir_moved" if dest else "dir_deleted", src, dest)
        elif isinstance(event, DirCreatedEvent):
            if not event.is_synthetic:
                self._put("dir_created", src)
        elif isinstance(event, DirDeletedEvent):
            self._put("root_gone" if src.rstrip(os.sep) == self.root.rstrip(os.sep) else "dir_deleted", src)


def start_observer(root: str, handler: FolderHandler, mode: WatchMode, poll_interval: float) -> BaseObserver:
    """A started observer watching ``root`` recursively; raises OSError when the OS refuses."""
    observer: BaseObserver
    if mode == WatchMode.NATIVE:
        try:  # inotify: report moves in and out as such (a move in is a finished file)
            observer = Observer(generate_full_events=True)  # type: ignore[call-arg]
        except TypeError:
            observer = Observer()
    else:
        observer = PollingObserver(timeout=poll_interval)
    observer.daemon = True
    try:
        observer.schedule(handler, root, recursive=True, event_filter=EVENT_FILTER)
        observer.start()
    except BaseException:
        stop_observer(observer)
        raise
    return observer


def stop_observer(observer: BaseObserver, timeout: float = 5.0) -> None:
    try:
        observer.stop()
        if observer.is_alive():
            observer.join(timeout)
    except Exception:  # stopping must not fail a shutdown
        log.debug("observer did not stop cleanly", exc_info=True)


class OverflowTap(logging.Handler):
    """Hears watchdog report a kernel event-queue overflow (events were lost) and says so."""

    def __init__(self, on_overflow: Callable[[], None]) -> None:
        super().__init__(logging.WARNING)
        self.on_overflow = on_overflow

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage().lower():
            self.on_overflow()

    def install(self) -> None:
        logger = logging.getLogger(_OVERFLOW_LOGGER)
        if logger.getEffectiveLevel() > logging.WARNING:
            logger.setLevel(logging.WARNING)  # the record must be made for us to hear it
        logger.addHandler(self)

    def remove(self) -> None:
        logging.getLogger(_OVERFLOW_LOGGER).removeHandler(self)
