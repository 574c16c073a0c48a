"""Tiny real images built byte by byte (no imaging library): a 1×1 PNG and a 1×1 baseline JPEG."""

from __future__ import annotations

import struct
import zlib


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def tiny_png() -> bytes:
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1×1, 8-bit RGB
    pixels = zlib.compress(b"\x00\x0b\x5c\x5a")  # filter byte, then one teal pixel
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", pixels) + _png_chunk(b"IEND", b"")


def _segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def tiny_jpeg() -> bytes:
    """1×1 grey baseline JPEG: one Huffman code per table, a zero DC difference and end-of-block."""
    jfif = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    quantisation = b"\x00" + bytes([1] * 64)
    frame = b"\x08\x00\x01\x00\x01\x01\x01\x11\x00"
    dc_table = b"\x00" + bytes([1] + [0] * 15) + b"\x00"
    ac_table = b"\x10" + bytes([1] + [0] * 15) + b"\x00"
    scan = b"\x01\x01\x00\x00\x3f\x00"
    return (
        b"\xff\xd8" + _segment(0xE0, jfif) + _segment(0xDB, quantisation) + _segment(0xC0, frame)
        + _segment(0xC4, dc_table) + _segment(0xC4, ac_table) + _segment(0xDA, scan) + b"\x3f" + b"\xff\xd9"
    )  # fmt: skip
