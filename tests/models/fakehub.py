"""A stand-in for the Hugging Face Hub on 127.0.0.1, answering the way ``huggingface_hub`` expects.

``/{repo}/resolve/{revision}/{file}`` (HEAD and GET; revision = a branch or the commit):
- small files: 200 with ``ETag`` (the git blob SHA-1), ``X-Repo-Commit`` and ``Content-Length``;
- large ("LFS") files: 302 to a second server on another port (another origin, like the hub's CDN)
  with ``X-Linked-Etag`` (the SHA-256), ``X-Linked-Size``, ``X-Repo-Commit`` and ``Location``.
The CDN serves ``/cdn/{sha256}`` with ``Range`` support (206 + ``Content-Range``).

Faults: ``drop_after[file] = N`` sends N body bytes of a full-length answer and closes the connection
(once); ``fail[file] = status`` answers HEAD/GET of that file with the status (401/403 with the hub's
``X-Error-Code: GatedRepo``); ``corrupt[file] = bytes`` makes the CDN serve other bytes than the
published digest. Every request is logged in ``hits`` as :class:`Hit`.
"""

from __future__ import annotations

import hashlib
import random
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

LFS_MIN = 1024  # files at least this big are served as LFS files through the "CDN"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def payload(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def git_sha1(data: bytes) -> str:
    return hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()


@dataclass
class Hit:
    server: str  # "hub" | "cdn"
    method: str
    path: str
    headers: dict[str, str]
    status: int = 0
    sent: int = 0


@dataclass
class FakeHub:
    repos: dict[str, dict[str, bytes]] = field(default_factory=dict)  # repo -> {file name: bytes}
    commits: dict[str, str] = field(default_factory=dict)  # repo -> commit of "main"
    drop_after: dict[str, int] = field(default_factory=dict)
    fail: dict[str, int] = field(default_factory=dict)
    corrupt: dict[str, bytes] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.hub = self._start("hub")
        self.cdn = self._start("cdn")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.hub.server_address[1]}"

    @property
    def cdn_url(self) -> str:
        return f"http://127.0.0.1:{self.cdn.server_address[1]}"

    def publish(self, repo: str, files: dict[str, bytes], commit: str | None = None) -> str:
        self.repos.setdefault(repo, {}).update(files)
        self.commits[repo] = commit or hashlib.sha1(repo.encode() + str(len(self.hits)).encode()).hexdigest()
        return self.commits[repo]

    def requests(self, server: str | None = None, method: str | None = None) -> list[Hit]:
        return [h for h in self.hits if (server in (None, h.server)) and (method in (None, h.method))]

    def close(self) -> None:
        for srv in (self.hub, self.cdn):
            srv.shutdown()
            srv.server_close()

    # -- serving -----------------------------------------------------------------------------------
    def _start(self, role: str) -> ThreadingHTTPServer:
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler(role))
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
        return httpd

    def _lookup(self, path: str) -> tuple[str, str, str] | None:
        for repo in self.repos:
            prefix = f"/{repo}/resolve/"
            if path.startswith(prefix):
                revision, _, name = path[len(prefix) :].partition("/")
                return repo, revision, name
        return None

    def _handler(self, role: str):
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_HEAD(self) -> None:
                self.answer(body=False)

            def do_GET(self) -> None:
                self.answer(body=True)

            def answer(self, body: bool) -> None:
                path = unquote(urlsplit(self.path).path)
                hit = Hit(role, self.command, path, {k.lower(): v for k, v in self.headers.items()})
                with hub.lock:
                    hub.hits.append(hit)
                if role == "hub":
                    self.resolve(path, hit, body)
                else:
                    self.cdn(path, hit, body)

            def resolve(self, path: str, hit: Hit, body: bool) -> None:
                found = hub._lookup(path)
                if found is None:
                    return self.empty(404, hit, {"X-Error-Code": "RepoNotFound"})
                repo, revision, name = found
                commit = hub.commits[repo]
                if revision not in ("main", commit):
                    return self.empty(404, hit, {"X-Error-Code": "RevisionNotFound"})
                data = hub.repos[repo].get(name)
                if data is None:
                    return self.empty(404, hit, {"X-Error-Code": "EntryNotFound", "X-Repo-Commit": commit})
                if name in hub.fail:
                    code = hub.fail[name]
                    extra = {"X-Error-Code": "GatedRepo"} if code in (401, 403) else {}
                    return self.empty(code, hit, extra)
                if len(data) >= LFS_MIN:
                    digest = sha256(data)
                    headers = {
                        "Location": f"{hub.cdn_url}/cdn/{digest}",
                        "X-Linked-Etag": f'"{digest}"',
                        "X-Linked-Size": str(len(data)),
                        "X-Repo-Commit": commit,
                        "ETag": f'"{git_sha1(data)}"',
                    }
                    return self.empty(302, hit, headers)
                self.send(data, hit, body, {"ETag": f'"{git_sha1(data)}"', "X-Repo-Commit": commit}, name)

            def cdn(self, path: str, hit: Hit, body: bool) -> None:
                digest = path.rpartition("/")[2]
                for files in hub.repos.values():
                    for name, data in files.items():
                        if sha256(data) == digest:
                            served = hub.corrupt.get(name, data)
                            return self.send(served, hit, body, {"ETag": f'"{digest}"'}, name)
                self.empty(404, hit, {})

            def send(self, data: bytes, hit: Hit, body: bool, headers: dict[str, str], name: str) -> None:
                start, status = 0, 200
                wanted = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
                if wanted:
                    start, status = int(wanted.group(1)), 206
                chunk = data[start:]
                hit.status = status
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("Content-Length", str(len(chunk)))
                if status == 206:
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                self.end_headers()
                if not body:
                    return
                with hub.lock:
                    cut = (
                        hub.drop_after.pop(name, None) if hit.server == "cdn" or len(data) < LFS_MIN else None
                    )
                if cut is not None:
                    self.wfile.write(chunk[:cut])
                    self.wfile.flush()
                    hit.sent = cut
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                self.wfile.write(chunk)
                hit.sent = len(chunk)

            def empty(self, status: int, hit: Hit, headers: dict[str, str]) -> None:
                hit.status = status
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler


def isolate_hub_env(monkeypatch, tmp_path) -> None:
    """No real hub, cache, token or proxy: everything the hub client reads points into ``tmp_path``."""
    for key in (
        "HF_ENDPOINT",
        "HF_TOKEN",
        "HUGGING_FACE_HUB_TOKEN",
        "HF_HUB_OFFLINE",
        "TRANSFORMERS_OFFLINE",
        "HUGGINGFACE_HUB_CACHE",
        "ACGDESK_MODELS",
    ):
        monkeypatch.delenv(key, raising=False)
    for key in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
