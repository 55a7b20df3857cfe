"""Whether a file is a plain PNG that Pillow opens and verifies, proved without Pillow.

Checking a course's images with Pillow imports it and its plugins (about 35 ms), which
``check`` otherwise never needs. Most course images are PNGs as image tools write them:
this walk admits such a file when it can prove Pillow reads it as a PNG and finds nothing
wrong. It is stricter than Pillow, never looser: a well-formed header, a supported bit depth
and colour type, a size Pillow's decompression-bomb check lets through silently, before the
image data only the chunks whose contents it checks as Pillow's chunk readers do, then
complete chunks with correct checksums up to ``IEND`` and nothing after it. Any other file
goes to Pillow, which gives its verdict and its name for the format.
tests/test_png_check.py holds the walk to Pillow's verdict on generated and damaged files.
"""

from __future__ import annotations

import re
import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Pillow warns above 89,478,485 pixels (and refuses above twice that); admit well below
MAX_PIXELS = 50_000_000
MAX_TEXT_BYTES = 1 << 20  # Pillow refuses text chunks past 64 MB in all; admit far less
# bit depths of each colour type (PNG specification, section 11.2.2): all of them Pillow reads
DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
# before the image data: the chunks admitted, with the least length each needs
ANCILLARY_MINIMUM = {b"gAMA": 4, b"cHRM": 32, b"sRGB": 1, b"pHYs": 9, b"tEXt": 0}
CHUNK_TYPE = re.compile(rb"[A-Za-z0-9_]{4}")  # Pillow's test of a chunk type (bytes \w)


def _chunks(data: bytes) -> list[tuple[bytes, bytes]] | None:
    """The (type, data) of each chunk up to and with ``IEND``, each checksum checked; None
    when one is incomplete, misnamed or damaged, or anything follows ``IEND``."""
    chunks: list[tuple[bytes, bytes]] = []
    at = len(SIGNATURE)
    while True:
        if at + 12 > len(data):
            return None
        length, kind = struct.unpack_from(">I4s", data, at)
        end = at + 8 + length
        if not CHUNK_TYPE.fullmatch(kind) or end + 4 > len(data):
            return None
        body = data[at + 8:end]
        if zlib.crc32(body, zlib.crc32(kind)) != struct.unpack_from(">I", data, end)[0]:
            return None
        chunks.append((kind, body))
        at = end + 4
        if kind == b"IEND":
            return chunks if at == len(data) and not body else None


def _header_ok(body: bytes) -> bool:
    """An ``IHDR`` of 13 bytes: size within bounds, a supported depth and colour type,
    compression and filter method 0, no or Adam7 interlacing."""
    if len(body) != 13:
        return False
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", body)
    return (width > 0 and height > 0 and width * height <= MAX_PIXELS
            and depth in DEPTHS.get(colour, ()) and compression == 0 and filtering == 0
            and interlace in (0, 1))


def _transparency_ok(body: bytes, colour: int, palette: int | None) -> bool:
    """A ``tRNS`` chunk of the length its colour type needs (none for alpha types)."""
    if colour == 0:
        return len(body) == 2
    if colour == 2:
        return len(body) == 6
    return colour == 3 and palette is not None and len(body) <= palette


def plain_png(data: bytes) -> bool:
    """Whether ``data`` is a PNG Pillow opens as one and verifies without complaint."""
    if not data.startswith(SIGNATURE):
        return False
    chunks = _chunks(data)
    if not chunks or chunks[0][0] != b"IHDR" or not _header_ok(chunks[0][1]):
        return False
    colour = chunks[0][1][9]
    palette: int | None = None
    text = 0
    for index, (kind, body) in enumerate(chunks[1:], 1):
        if kind == b"IDAT":
            return (palette is not None or colour != 3) and all(
                other != b"IHDR" for other, _ in chunks[index:])
        if kind == b"PLTE":
            if palette is not None or colour in (0, 4) or not body or len(body) % 3 \
                    or len(body) > 768:
                return False
            palette = len(body) // 3
        elif kind == b"tRNS":
            if not _transparency_ok(body, colour, palette):
                return False
        elif kind in ANCILLARY_MINIMUM:
            if len(body) < ANCILLARY_MINIMUM[kind]:
                return False
            text += len(body) if kind == b"tEXt" else 0
            if text > MAX_TEXT_BYTES:
                return False
        else:
            return False  # IEND before any image data, or a chunk left to Pillow
    return False
