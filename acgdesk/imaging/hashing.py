"""Content hashes: BLAKE3 of the file's bytes, the identity of an image wherever it is moved."""

from __future__ import annotations

import blake3

_CHUNK = 1 << 20


def hash_bytes(data: bytes) -> str:
    """Hex BLAKE3 digest of bytes already in memory (large buffers are hashed on several threads)."""
    hasher = blake3.blake3(max_threads=blake3.blake3.AUTO if len(data) > (8 << 20) else 1)
    hasher.update(data)
    return hasher.hexdigest()


def hash_stream(fh, size_hint: int = 0) -> str:
    """Hex BLAKE3 digest of an open binary file, read in 1 MiB chunks (bounded memory)."""
    hasher = blake3.blake3(max_threads=blake3.blake3.AUTO if size_hint > (8 << 20) else 1)
    while chunk := fh.read(_CHUNK):
        hasher.update(chunk)
    return hasher.hexdigest()
