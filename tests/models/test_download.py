"""The resumable downloader against a real HTTP server on 127.0.0.1 that can misbehave on request.

``FileServer`` is shared with the store and CLI tests (imported from here).
"""

from __future__ import annotations

import contextlib
import hashlib
import random
import re
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from acgdesk.models import download as dl
from acgdesk.models.download import DownloadCancelled, DownloadError, DownloadProgress, download, part_path


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int = 0
    sent: int = 0  # body bytes written


@dataclass
class FileServer:
    """Serves files under ``root`` at ``/<relative path>``, with Range support (206 + Content-Range).

    Faults, set per URL path: ``drop_after`` (send N body bytes then close, once), ``fail`` (answer
    with that HTTP status), ``linked_etag``/``etag`` (digest headers); ``ignore_range`` answers every
    request with 200 and the whole file. ``/redirect/<path>`` answers 302 to ``/<path>`` (with the
    ``X-Linked-ETag`` of the target, as Hugging Face does); ``/redirect-host/<path>`` redirects to the
    same server under the name ``localhost``. Every request is logged in ``hits``.
    """

    root: Path
    drop_after: dict[str, int] = field(default_factory=dict)
    fail: dict[str, int] = field(default_factory=dict)
    linked_etag: dict[str, str] = field(default_factory=dict)
    etag: dict[str, str] = field(default_factory=dict)
    ignore_range: bool = False
    hits: list[Hit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def hits_for(self, path: str) -> list[Hit]:
        path = "/" + path.lstrip("/")
        with self.lock:
            return [h for h in self.hits if h.path == path]

    @property
    def bytes_served(self) -> int:
        with self.lock:
            return sum(h.sent for h in self.hits)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = unquote(urlsplit(self.path).path)
                hit = Hit(path, {k.lower(): v for k, v in self.headers.items()})
                with server.lock:
                    server.hits.append(hit)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client went away
                    self._serve(path, hit)

            def _serve(self, path: str, hit: Hit) -> None:
                for prefix, host in (("/redirect/", "127.0.0.1"), ("/redirect-host/", "localhost")):
                    if path.startswith(prefix):
                        target = "/" + path[len(prefix) :]
                        hit.status = 302
                        self.send_response(302)
                        self.send_header("Location", f"http://{host}:{server.port}{target}")
                        if target in server.linked_etag:
                            self.send_header("X-Linked-ETag", f'"{server.linked_etag[target]}"')
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                if path in server.fail:
                    hit.status = server.fail[path]
                    self.send_error(hit.status)
                    return
                file = server.root / path.lstrip("/")
                if not file.is_file():
                    hit.status = 404
                    self.send_error(404)
                    return
                data = file.read_bytes()
                size = len(data)
                start, status = 0, 200
                wanted = self.headers.get("Range")
                if wanted and not server.ignore_range:
                    match = re.fullmatch(r"bytes=(\d+)-", wanted)
                    assert match, wanted
                    start, status = int(match.group(1)), 206
                    if start >= size:
                        hit.status = 416
                        self.send_response(416)
                        self.send_header("Content-Range", f"bytes */{size}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                body = data[start:]
                hit.status = status
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                if status == 206:
                    self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
                if path in server.etag:
                    self.send_header("ETag", f'"{server.etag[path]}"')
                if path in server.linked_etag:
                    self.send_header("X-Linked-ETag", f'"{server.linked_etag[path]}"')
                self.end_headers()
                drop = server.drop_after.pop(path, None)
                if drop is not None:
                    body = body[:drop]
                    self.close_connection = True
                view = memoryview(body)
                for i in range(0, len(body), 65536):
                    self.wfile.write(view[i : i + 65536])
                    hit.sent += len(view[i : i + 65536])
                self.wfile.flush()
                if drop is not None:
                    self.connection.shutdown(socket.SHUT_RDWR)

        return Handler


def payload(size: int, seed: int = 0) -> bytes:
    return random.Random(seed).randbytes(size)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


SIZE = 1_500_000


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "served"
    root.mkdir()
    srv = FileServer(root)
    yield srv
    srv.close()


@pytest.fixture
def blob(server):
    data = payload(SIZE)
    (server.root / "model.onnx").write_bytes(data)
    return data


@pytest.fixture(autouse=True)
def _no_token_no_wait(monkeypatch):
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.setattr(dl, "RETRY_DELAY", 0.0)


def test_full_download_is_verified_and_leaves_no_part(server, blob, tmp_path):
    dest = tmp_path / "out" / "model.onnx"
    result = download(server.url("model.onnx"), dest, expected_sha256=sha(blob), expected_size=SIZE)
    assert dest.read_bytes() == blob
    assert (result.path, result.sha256, result.size, result.resumed_from) == (dest, sha(blob), SIZE, 0)
    assert result.verified == "pinned"
    assert not part_path(dest).exists()
    assert [h.status for h in server.hits] == [200]
    assert "range" not in server.hits[0].headers
    assert server.bytes_served == SIZE


def test_unverified_download_still_reports_its_digest(server, blob, tmp_path):
    result = download(server.url("model.onnx"), tmp_path / "m.onnx")
    assert result.sha256 == sha(blob) and result.verified is None


def test_dropped_connection_keeps_part_and_the_next_call_resumes(server, blob, tmp_path):
    dest = tmp_path / "model.onnx"
    server.drop_after["/model.onnx"] = 400_000
    with pytest.raises(DownloadError, match="dropped after 400,000") as err:
        download(server.url("model.onnx"), dest, expected_sha256=sha(blob), retries=0)
    assert "run the same command again to resume" in str(err.value)
    assert not dest.exists()
    assert part_path(dest).read_bytes() == blob[:400_000]

    result = download(server.url("model.onnx"), dest, expected_sha256=sha(blob), retries=0)
    assert result.resumed_from == 400_000 and dest.read_bytes() == blob
    first, second = server.hits
    assert "range" not in first.headers and first.sent == 400_000
    assert second.headers["range"] == "bytes=400000-"
    assert (second.status, second.sent) == (206, SIZE - 400_000)
    assert server.bytes_served == SIZE  # nothing fetched twice


def test_dropped_connection_is_resumed_within_one_call(server, blob, tmp_path):
    dest = tmp_path / "model.onnx"
    server.drop_after["/model.onnx"] = 300_000
    result = download(server.url("model.onnx"), dest, expected_sha256=sha(blob))
    assert dest.read_bytes() == blob and result.resumed_from == 300_000
    assert [h.status for h in server.hits] == [200, 206]
    assert server.bytes_served == SIZE


def test_server_ignoring_range_restarts_from_zero(server, blob, tmp_path):
    dest = tmp_path / "model.onnx"
    part_path(dest).write_bytes(b"stale bytes from another file" * 1000)
    server.ignore_range = True
    result = download(server.url("model.onnx"), dest, expected_sha256=sha(blob))
    assert server.hits[0].headers["range"] == "bytes=29000-"
    assert server.hits[0].status == 200
    assert result.resumed_from == 0 and dest.read_bytes() == blob
    assert not part_path(dest).exists()


def test_wrong_sha256_deletes_the_download(server, blob, tmp_path):
    dest = tmp_path / "model.onnx"
    with pytest.raises(DownloadError, match="SHA-256 mismatch") as err:
        download(server.url("model.onnx"), dest, expected_sha256="0" * 64)
    assert server.url("model.onnx") in str(err.value)
    assert not dest.exists() and not part_path(dest).exists()


@pytest.mark.parametrize("expected", [SIZE - 1, SIZE + 1])
def test_size_mismatch_deletes_the_download(server, blob, tmp_path, expected):
    dest = tmp_path / "model.onnx"
    with pytest.raises(DownloadError, match=f"{expected:,} were expected"):
        download(server.url("model.onnx"), dest, expected_size=expected)
    assert not dest.exists() and not part_path(dest).exists()


def test_cancel_keeps_the_part_and_a_later_call_completes(server, blob, tmp_path):
    dest = tmp_path / "model.onnx"
    cancel = threading.Event()

    def progress(p: DownloadProgress) -> None:
        if p.bytes_done > 0:
            cancel.set()

    with pytest.raises(DownloadCancelled) as err:
        download(server.url("model.onnx"), dest, progress=progress, cancel=cancel)
    kept = part_path(dest).stat().st_size
    assert 0 < kept < SIZE and err.value.bytes_done == kept
    assert part_path(dest).read_bytes() == blob[:kept]
    assert not dest.exists()

    result = download(server.url("model.onnx"), dest, expected_sha256=sha(blob))
    assert result.resumed_from == kept and dest.read_bytes() == blob
    assert server.hits[-1].headers["range"] == f"bytes={kept}-"


def test_cancel_before_start_sends_nothing(server, blob, tmp_path):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(DownloadCancelled):
        download(server.url("model.onnx"), tmp_path / "m.onnx", cancel=cancel)
    assert server.hits == []


def test_progress_is_monotonic_and_ends_at_the_size(server, blob, tmp_path, monkeypatch):
    monkeypatch.setattr(dl, "PROGRESS_INTERVAL", 0.0)
    events: list[DownloadProgress] = []
    download(server.url("model.onnx"), tmp_path / "m.onnx", progress=events.append)
    done = [e.bytes_done for e in events]
    assert len(events) >= 5
    assert done == sorted(done) and done[0] == 0 and done[-1] == SIZE
    assert all(e.bytes_total == SIZE for e in events)
    assert all(e.rate >= 0 for e in events) and events[-1].eta == 0
    assert events[-1].name == "m.onnx"


@pytest.mark.parametrize(
    ("status", "needles"),
    [
        (404, ["HTTP 404", "not found", "acgdesk models import"]),
        (403, ["HTTP 403", "gated", "HF_TOKEN", "acgdesk models import"]),
        (401, ["HTTP 401", "gated", "HF_TOKEN"]),
    ],
)
def test_http_errors_say_which_url_and_what_to_do(server, tmp_path, status, needles):
    (server.root / "model.onnx").write_bytes(b"x")
    server.fail["/model.onnx"] = status
    dest = tmp_path / "m.onnx"
    with pytest.raises(DownloadError) as err:
        download(server.url("model.onnx"), dest)
    message = str(err.value)
    assert server.url("model.onnx") in message
    for needle in needles:
        assert needle in message
    assert err.value.status == status
    assert len(server.hits) == 1  # client errors are not retried
    assert not dest.exists() and not part_path(dest).exists()


def test_missing_file_is_a_404(server, tmp_path):
    with pytest.raises(DownloadError, match="HTTP 404"):
        download(server.url("nothing.onnx"), tmp_path / "m.onnx")


def test_server_errors_are_retried_then_reported(server, blob, tmp_path):
    server.fail["/model.onnx"] = 503
    with pytest.raises(DownloadError, match="busy or failing"):
        download(server.url("model.onnx"), tmp_path / "m.onnx", retries=2)
    assert len(server.hits) == 3


def test_network_down_says_so(tmp_path):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/model.onnx"
    with pytest.raises(DownloadError) as err:
        download(url, tmp_path / "m.onnx", timeout=5)
    message = str(err.value)
    assert url in message and "No network?" in message and "acgdesk models import" in message


def test_token_is_sent_as_bearer_but_not_to_another_host(server, blob, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", "hf_secret")
    download(server.url("model.onnx"), tmp_path / "a.onnx")
    assert server.hits[-1].headers["authorization"] == "Bearer hf_secret"
    download(server.url("redirect/model.onnx"), tmp_path / "b.onnx")  # same host: kept
    assert server.hits[-1].headers["authorization"] == "Bearer hf_secret"
    download(server.url("redirect-host/model.onnx"), tmp_path / "c.onnx")  # other host (CDN): dropped
    assert server.hits[-2].headers["authorization"] == "Bearer hf_secret"
    assert "authorization" not in server.hits[-1].headers
    assert (tmp_path / "c.onnx").read_bytes() == blob


def test_resume_through_a_redirect_keeps_the_range(server, blob, tmp_path):
    dest = tmp_path / "model.onnx"
    part_path(dest).write_bytes(blob[:100_000])
    result = download(server.url("redirect/model.onnx"), dest, expected_sha256=sha(blob))
    hop, final = server.hits
    assert hop.status == 302 and hop.headers["range"] == "bytes=100000-"
    assert final.status == 206 and final.headers["range"] == "bytes=100000-"
    assert final.sent == SIZE - 100_000 and result.resumed_from == 100_000


def test_hub_digest_header_is_checked(server, blob, tmp_path):
    server.linked_etag["/model.onnx"] = sha(blob)
    result = download(server.url("redirect/model.onnx"), tmp_path / "a.onnx")  # digest on the hop
    assert result.verified == "hub"
    result = download(server.url("model.onnx"), tmp_path / "b.onnx")  # digest on the reply itself
    assert result.verified == "hub"

    server.linked_etag["/model.onnx"] = "ab" * 32
    dest = tmp_path / "c.onnx"
    with pytest.raises(DownloadError, match="hub's published digest"):
        download(server.url("redirect/model.onnx"), dest)
    assert not dest.exists() and not part_path(dest).exists()


def test_plain_etag_of_the_hub_counts_but_git_sha1_etags_are_ignored(server, blob, tmp_path):
    server.etag["/model.onnx"] = "cd" * 32
    with pytest.raises(DownloadError, match="SHA-256 mismatch"):
        download(server.url("model.onnx"), tmp_path / "a.onnx")
    server.etag["/model.onnx"] = "ab" * 20  # a 40-hex git blob id: not a digest of the content
    assert download(server.url("model.onnx"), tmp_path / "b.onnx").verified is None


def test_pinned_digest_wins_over_the_hub_header(server, blob, tmp_path):
    server.linked_etag["/model.onnx"] = "ab" * 32
    result = download(server.url("model.onnx"), tmp_path / "a.onnx", expected_sha256=sha(blob).upper())
    assert result.verified == "pinned"


def test_complete_part_answered_416_is_finished_without_download(server, blob, tmp_path):
    dest = tmp_path / "model.onnx"
    part_path(dest).write_bytes(blob)
    result = download(server.url("model.onnx"), dest, expected_sha256=sha(blob))
    assert [h.status for h in server.hits] == [416]
    assert result.resumed_from == SIZE and dest.read_bytes() == blob


def test_stale_part_answered_416_restarts(server, blob, tmp_path):
    dest = tmp_path / "model.onnx"
    part_path(dest).write_bytes(b"\0" * (SIZE + 10))
    result = download(server.url("model.onnx"), dest, expected_sha256=sha(blob))
    assert [h.status for h in server.hits] == [416, 200]
    assert result.resumed_from == 0 and dest.read_bytes() == blob


def test_a_part_longer_than_the_expected_size_is_dropped_before_asking(server, blob, tmp_path):
    dest = tmp_path / "model.onnx"
    part_path(dest).write_bytes(b"\0" * (SIZE + 10))
    download(server.url("model.onnx"), dest, expected_size=SIZE)
    assert "range" not in server.hits[0].headers and dest.read_bytes() == blob


def test_bad_expected_digest_is_a_caller_error(tmp_path):
    with pytest.raises(ValueError, match="SHA-256"):
        download("http://127.0.0.1:9/x", tmp_path / "x", expected_sha256="abc")
