"""Reading back the PDFs the polling app writes, with nothing but the standard library: the page count,
the embedded fonts, and the text layer of an uncompressed file (``compress=False``).

Shaped text is drawn glyph by glyph, left to right as it appears on the page; each font's ToUnicode
map gives the characters of a glyph. So ``visual`` keeps left-to-right runs (digits, a digest, a
receipt code) in reading order, and ``logical`` (the glyphs taken right to left) does the same for
Persian words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
STREAM = re.compile(rb"stream\n(.*?)\nendstream", re.S)
FONT_USE = re.compile(rb"/(F\d+) (\d+) 0 R")
BFCHAR = re.compile(rb"<([0-9A-F]{4})> <([0-9A-F]+)>")
DRAW = re.compile(rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\()])*)\) Tj", re.S)
ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


@dataclass(frozen=True)
class PdfText:
    visual: str
    logical: str


def objects(pdf: bytes) -> dict[int, bytes]:
    return {int(number): body for number, body in OBJECT.findall(pdf)}


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def font_names(pdf: bytes) -> set[str]:
    """The embedded fonts' names without their subset tag (``ABCDEF+Vazirmatn`` → ``Vazirmatn``)."""
    return {name.decode() for name in re.findall(rb"/BaseFont /[A-Z]{6}\+([\w-]+)", pdf)}


def _unescape(literal: bytes) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        char = match.group(1)
        if char[:1].isdigit():
            return bytes([int(char, 8)])
        return ESCAPES.get(char, char)

    return re.sub(rb"\\([0-7]{1,3}|.)", one, literal, flags=re.S)


def _glyph_maps(objs: dict[int, bytes]) -> dict[str, dict[int, str]]:
    """Each font resource name (F1, F2, …) → glyph id → the characters it stands for."""
    maps: dict[str, dict[int, str]] = {}
    for body in objs.values():
        for name, ref in FONT_USE.findall(body):
            font = objs[int(ref)]
            to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", font)
            if to_unicode is None:
                continue
            cmap = objs[int(to_unicode.group(1))]
            maps[name.decode()] = {
                int(gid, 16): bytes.fromhex(chars.decode()).decode("utf-16-be") for gid, chars in BFCHAR.findall(cmap)
            }
    return maps


def text(pdf: bytes) -> PdfText:
    """The text layer of an uncompressed PDF from this app."""
    objs = objects(pdf)
    maps = _glyph_maps(objs)
    glyphs: list[str] = []
    font: dict[int, str] = {}
    for body in objs.values():
        if b"/Length" not in body or b"/Filter" in body:
            continue
        for stream in STREAM.findall(body):
            for font_name, literal in DRAW.findall(stream):
                if font_name:
                    font = maps.get(font_name.decode(), {})
                    continue
                raw = _unescape(literal)
                glyphs += [font.get(int.from_bytes(raw[i : i + 2], "big"), "") for i in range(0, len(raw), 2)]
    return PdfText("".join(glyphs), "".join(reversed(glyphs)))
