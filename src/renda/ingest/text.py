"""The plain-text reader: a ``.txt`` report's bytes decoded by :func:`decode_bytes`."""

from __future__ import annotations

from renda.ingest.decode import DecodeError, decode_bytes
from renda.ingest.formats import DEFAULT_LIMITS, Extracted, FormatError, Limits, check_size


def read_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    check_size(data, limits, "text file")
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        raise FormatError(exc.reason) from exc
    return Extracted(text, encoding)


__all__ = ["read_text"]
