"""EXIF UserComment (tag 0x9286) decoding, as JPEG/WebP generators write it.

The EXIF 2.32 spec (section 4.6.5, "UserComment") gives an 8-byte character-code header, then
the text: ``ASCII\\0\\0\\0``, ``UNICODE\\0`` (UCS-2/UTF-16, byte order unstated), ``JIS\\0\\0\\0\\0\\0``
or eight NULs ("undefined"). A1111/Forge save through ``piexif.helper.UserComment.dump(text,
encoding="unicode")`` (modules/images.py), which is ``UNICODE\\0`` + UTF-16-BE; other tools write
little-endian, UTF-8 behind ``ASCII`` or no header at all, so decoding is lenient.
"""

from __future__ import annotations

__all__ = ["decode_exif_user_comment"]

_HEADERS = (b"ASCII\0\0\0", b"UNICODE\0", b"JIS\0\0\0\0\0", b"\0" * 8)


def decode_exif_user_comment(raw: bytes | str) -> str | None:
    """The comment text, or ``None`` when it is empty or not text; never raises."""
    if isinstance(raw, str):
        if not raw.startswith(tuple(h.decode("latin-1") for h in _HEADERS)):
            return _clean(raw)
        try:
            raw = raw.encode("latin-1")  # a reader that decoded the bytes as latin-1
        except UnicodeEncodeError:
            return _clean(raw[8:])
    if not isinstance(raw, bytes | bytearray):
        return None
    header, body = bytes(raw[:8]), bytes(raw[8:])
    if header == b"UNICODE\0":
        decoded = _utf16(body)
    elif header == b"JIS\0\0\0\0\0":
        decoded = _first(body, ("iso2022_jp", "shift_jis", "euc_jp"))
    elif header in (b"ASCII\0\0\0", b"\0" * 8):
        decoded = _first(body, ("utf-8", "cp1252", "latin-1"))
    else:
        decoded = _first(bytes(raw), ("utf-8",))
    return _clean(decoded) if decoded is not None else None


def _utf16(body: bytes) -> str | None:
    """UTF-16 with a BOM, or guess the byte order from where the NUL bytes of ASCII text sit."""
    if body.startswith((b"\xfe\xff", b"\xff\xfe")):
        return _first(body, ("utf-16",))
    body = body[: len(body) - len(body) % 2]
    even_nuls = body[0::2].count(0)
    odd_nuls = body[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if odd_nuls > even_nuls else ("utf-16-be", "utf-16-le")
    return _first(body, order)


def _first(data: bytes, encodings: tuple[str, ...]) -> str | None:
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _clean(value: str) -> str | None:
    value = value.replace("\0", "").strip()
    return value or None
