"""Turn raw bytes into text, recording the encoding used, or say precisely why not.

Order: a UTF-8 or UTF-16 byte-order mark decides; otherwise strict UTF-8, then GB18030
(a superset of GBK and GB2312). No charset guesser runs before these: a guesser calls short
GBK text Latin-1 or Big5 often enough to corrupt a dataset.
"""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """The bytes are not a text report renda can read; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _control_share(text: str) -> float:
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / max(len(text), 1)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`DecodeError` for empty, binary or
    undecodable input.

    >>> decode_bytes("人大".encode("gb18030"))
    ('人大', 'gb18030')
    """
    if not data.strip(b" \t\r\n\x00"):
        raise DecodeError("empty file" if not data else "file holds only whitespace")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[3:], "utf-8", "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data, "utf-16", "utf-16")
    if b"\x00" in data:
        raise DecodeError("binary file: contains NUL bytes and no UTF-16 byte-order mark")
    for codec in ("utf-8", "gb18030"):
        try:
            return _checked(data, codec, codec)
        except UnicodeDecodeError:
            continue
    raise DecodeError("not valid UTF-8, UTF-16 (with BOM) or GB18030 text")


def _checked(data: bytes, codec: str, label: str) -> tuple[str, str]:
    text = data.decode(codec)  # strict: raises UnicodeDecodeError
    if _control_share(text) > 0.01:
        raise DecodeError(f"binary file: decodes as {label} but over 1% of it is control characters")
    if not text.strip(" \t\r\n\u3000\ufeff"):
        raise DecodeError("file holds only whitespace")
    return text, label
