"""Bytes to text: BOM-aware decoding, charset detection as a fallback, and rejection of binary input."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAX_CONTROL_RATIO = 0.05


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode ``data`` (UTF-8, a BOM-marked Unicode encoding, else a detected charset); BOMs are dropped.

    Raises InputError for empty, whitespace-only, binary or undecodable input.
    """
    if not data:
        raise InputError("file is empty", source=source)
    text = _decode(data, source)
    if not text.strip():
        raise InputError("file contains only whitespace", source=source)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\x0b\x0c")
    if "\x00" in text or controls > _MAX_CONTROL_RATIO * len(text):
        raise InputError("looks like a binary file, not text", source=source)
    return text


def _decode(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} after its byte-order mark: {exc.reason}", source=source) from None
    if b"\x00" in data:
        raise InputError("looks like a binary file, not text (NUL bytes)", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot decode: not UTF-8 and no other text encoding fits", source=source)
    return str(best)
