"""Reading PyTorch ``.bin`` checkpoints without running anything they carry.

A ``pytorch_model.bin`` is a pickle: unpickling it with the standard loader can import and call any
function the file names. Checkpoints published as ``.bin`` only (ACGVoc2vec, DanbooruCLIP) are read
here in two steps, and refused with :class:`UnsafeCheckpoint` at the first that fails:

1. every pickle inside the file is *scanned* (``pickletools``, nothing is executed) and each global it
   names must be one of :data:`ALLOWED_GLOBALS`: tensor rebuild functions, storage types and
   ``collections.OrderedDict``. A reference that cannot be resolved statically is refused too.
2. the file is loaded with ``torch.load(weights_only=True)`` (PyTorch's restricted unpickler, which
   has its own allow-list), memory-mapped, on the CPU; the result must be a mapping of names to
   tensors (one ``state_dict`` level of nesting is unwrapped).

``.safetensors`` files are read with the ``safetensors`` package (no pickle at all), and
:func:`convert_to_safetensors` / :func:`convert_folder` turn checked ``.bin`` files into them once (for
an installer: afterwards nothing pickled is read again). The scan itself needs no torch: importing
this module does not import it (the model store can call :func:`check_checkpoint`).
"""

from __future__ import annotations

import io
import os
import pickle
import pickletools
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch

_STORAGES = (
    "FloatStorage",
    "DoubleStorage",
    "HalfStorage",
    "BFloat16Storage",
    "LongStorage",
    "IntStorage",
    "ShortStorage",
    "CharStorage",
    "ByteStorage",
    "BoolStorage",
    "UntypedStorage",
)
ALLOWED_GLOBALS: frozenset[tuple[str, str]] = frozenset(
    {
        ("collections", "OrderedDict"),
        ("torch._utils", "_rebuild_tensor"),
        ("torch._utils", "_rebuild_tensor_v2"),
        ("torch._utils", "_rebuild_parameter"),
        ("torch", "Size"),
        *(("torch", name) for name in _STORAGES),
    }
)
_STRING_OPS = {"SHORT_BINUNICODE", "BINUNICODE", "UNICODE", "BINUNICODE8", "SHORT_BINSTRING", "BINSTRING"}
_LEGACY_PICKLES = 5  # magic number, protocol, sys info, the data, the storage keys


class UnsafeCheckpoint(ValueError):
    """A checkpoint that needs more than tensors and plain containers to load: refused unread."""


def pickle_globals(data: bytes, *, streams: int = 1) -> list[tuple[str, str]]:
    """Every ``(module, name)`` the first ``streams`` pickles in ``data`` would import; nothing runs.

    ``STACK_GLOBAL`` takes its two names from the stack; they are followed through the memo. A name
    that is not a plain string pushed earlier is reported as ``("?", "?")`` (and so refused)."""
    found: list[tuple[str, str]] = []
    buffer = io.BytesIO(data)
    for _ in range(streams):
        if buffer.tell() >= len(data):
            break
        memo: dict[int, object] = {}
        recent: list[object] = []  # what the last ops pushed, when they pushed a string (else None)
        for op, arg, _pos in pickletools.genops(buffer):
            name = op.name
            if name in _STRING_OPS:
                recent.append(arg)
            elif name in ("BINPUT", "LONG_BINPUT", "PUT"):
                memo[int(arg)] = recent[-1] if recent else None
                continue
            elif name == "MEMOIZE":
                memo[len(memo)] = recent[-1] if recent else None
                continue
            elif name in ("BINGET", "LONG_BINGET", "GET"):
                recent.append(memo.get(int(arg)))
            elif name in ("GLOBAL", "INST"):
                module, _, attr = str(arg).partition(" ")
                found.append((module, attr))
                recent.append(None)
            elif name == "STACK_GLOBAL":
                module, attr = (recent[-2], recent[-1]) if len(recent) >= 2 else (None, None)
                ok = isinstance(module, str) and isinstance(attr, str)
                found.append((module, attr) if ok else ("?", "?"))  # type: ignore[arg-type]
                recent.append(None)
            elif name in ("OBJ", "NEWOBJ", "NEWOBJ_EX"):
                recent.append(None)
            else:
                recent.append(None)
            if len(recent) > 64:
                del recent[:-8]
    return found


def _pickles(path: Path) -> Iterator[tuple[str, bytes, int]]:
    """(member name, bytes, how many pickles in a row) of each pickle in a torch checkpoint."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.filename.endswith(".pkl"):
                    yield info.filename, archive.read(info), 1
    else:  # the legacy (pre-1.6) format: several pickles in a row, then raw storage bytes
        with open(path, "rb") as fh:
            yield path.name, fh.read(), _LEGACY_PICKLES


def check_checkpoint(path: str | os.PathLike[str]) -> None:
    """Raise :class:`UnsafeCheckpoint` when a pickle in ``path`` names anything not allowed."""
    path = Path(path)
    for member, data, streams in _pickles(path):
        try:
            names = pickle_globals(data, streams=streams)
        except (ValueError, pickle.UnpicklingError, EOFError) as exc:
            if streams > 1 and "ran off end" in str(exc):  # storage bytes after the legacy pickles
                continue
            raise UnsafeCheckpoint(f"{path.name}: {member} is not a readable pickle ({exc})") from None
        bad = sorted({f"{m}.{n}" for m, n in names if (m, n) not in ALLOWED_GLOBALS})
        if bad:
            raise UnsafeCheckpoint(
                f"{path.name} refused: it would import {', '.join(bad)} (only tensors and plain "
                "containers are loaded; convert the checkpoint to safetensors)"
            )


def _as_state_dict(obj: object, origin: str) -> dict[str, torch.Tensor]:
    import torch

    if isinstance(obj, Mapping) and "state_dict" in obj and isinstance(obj["state_dict"], Mapping):
        obj = obj["state_dict"]
    if not isinstance(obj, Mapping):
        raise UnsafeCheckpoint(f"{origin}: holds a {type(obj).__name__}, not a mapping of tensors")
    out: dict[str, torch.Tensor] = {}
    for key, value in obj.items():
        if not isinstance(key, str) or not isinstance(value, torch.Tensor):
            raise UnsafeCheckpoint(f"{origin}: entry {key!r} is a {type(value).__name__}, not a tensor")
        out[key] = value
    return out


def load_state_dict(path: str | os.PathLike[str]) -> dict[str, torch.Tensor]:
    """Name -> tensor of a ``.bin``/``.pt`` (checked, then weights-only) or ``.safetensors`` file, on
    the CPU."""
    path = Path(path)
    if path.suffix == ".safetensors":
        from safetensors.torch import load_file

        return load_file(os.fspath(path), device="cpu")
    import torch

    check_checkpoint(path)
    try:
        obj = torch.load(
            os.fspath(path), map_location="cpu", weights_only=True, mmap=zipfile.is_zipfile(path)
        )
    except pickle.UnpicklingError as exc:
        raise UnsafeCheckpoint(f"{path.name} refused by PyTorch's weights-only loader: {exc}") from None
    return _as_state_dict(obj, path.name)


def find_weights(folder: str | os.PathLike[str], stem: str = "model") -> Path:
    """``model.safetensors`` in ``folder`` when present (no pickle), else ``pytorch_model.bin``."""
    folder = Path(folder)
    for name in (f"{stem}.safetensors", "pytorch_model.bin"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"no {stem}.safetensors or pytorch_model.bin in {folder}")


def convert_to_safetensors(src: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Path:
    """Write the checked tensors of ``src`` to ``dest`` (.safetensors; shared storage is copied so
    every tensor stands alone), through a temporary file; returns ``dest``."""
    from safetensors.torch import save_file

    dest = Path(dest)
    state = {k: v.detach().contiguous().clone() for k, v in load_state_dict(src).items()}
    tmp = dest.with_name(f".{dest.name}.tmp")
    save_file(state, os.fspath(tmp), metadata={"format": "pt", "converted_from": Path(src).name})
    os.replace(tmp, dest)
    return dest


def convert_folder(folder: str | os.PathLike[str]) -> list[Path]:
    """``model.safetensors`` beside every ``pytorch_model.bin`` under ``folder`` that lacks one (the
    loaders prefer it); returns the files written."""
    written = []
    for src in sorted(Path(folder).rglob("pytorch_model.bin")):
        dest = src.with_name("model.safetensors")
        if not dest.exists():
            written.append(convert_to_safetensors(src, dest))
    return written
