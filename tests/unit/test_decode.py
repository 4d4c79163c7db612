import codecs

import pytest

from renda.ingest import DecodeError, decode_bytes

TEXT = "交城县人大常委会\n依法履职。"

# (name, raw bytes, expected encoding)
GOOD = [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    ("utf-16 LE with BOM", TEXT.encode("utf-16"), "utf-16"),
    ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ("gbk", TEXT.encode("gbk"), "gb18030"),
    ("gb18030 only character", "㐀代表".encode("gb18030"), "gb18030"),
    ("CRLF and full-width space", "\u3000\u3000代表。\r\n".encode("gb18030"), "gb18030"),
]

# (name, raw bytes, words the reason must contain)
BAD = [
    ("empty", b"", "empty"),
    ("whitespace only", b" \r\n\t", "whitespace"),
    ("binary with NUL", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("control bytes", bytes(range(1, 9)) * 50, "binary"),
    ("undecodable", b"abc\x80\xff" * 20, "not valid"),
]


@pytest.mark.parametrize("name,data,encoding", GOOD, ids=[g[0] for g in GOOD])
def test_decodes(name: str, data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data)
    assert used == encoding
    assert text.replace("\r\n", "\n").strip("\u3000\ufeff\n") in (TEXT, "㐀代表", "代表。")


@pytest.mark.parametrize("name,data,reason", BAD, ids=[b[0] for b in BAD])
def test_rejects(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert reason in info.value.reason


def test_utf8_wins_over_gb18030_for_utf8_bytes() -> None:
    # These UTF-8 bytes also decode as GB18030 (to mojibake): strict UTF-8 must come first.
    data = "人大代表".encode("utf-8")
    assert data.decode("gb18030")  # the trap is real
    assert decode_bytes(data) == ("人大代表", "utf-8")
