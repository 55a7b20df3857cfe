"""The quick PNG check admits only files Pillow opens as PNGs and verifies without complaint.

``image_problem`` asks Pillow only about a file ``plain_png`` does not admit. These tests
make PNGs with Pillow in every mode it writes, then damage them (bytes changed, cut or
added, chunks inserted with correct checksums, header fields rewritten), and hold every
file the quick check admits to Pillow's verdict.
"""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import warnings
import zlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin

from conftest import BUNDLED, ROOTS
from courseforge.loading.files import image_problem
from courseforge.loading.png_check import plain_png


def pillow_accepts(data: bytes) -> bool:
    """Pillow's verdict, as ``image_problem`` takes it: a PNG, verified, and no warning."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
                image.verify()
    except Exception:  # whatever Pillow fails on, the image is refused
        return False
    return kind == "PNG"


MODES = ["1", "L", "LA", "P", "RGB", "RGBA", "I;16"]


@st.composite
def pillow_pngs(draw: st.DrawFn) -> bytes:
    """A PNG as Pillow writes it: a mode, a size, sometimes text (Latin-1: other text goes into
    an iTXt chunk, which the quick check leaves to Pillow), resolution, transparency."""
    mode = draw(st.sampled_from(MODES))
    size = (draw(st.integers(1, 40)), draw(st.integers(1, 40)))
    image = Image.new(mode, size)
    image.putdata([draw(st.integers(0, 1 if mode == "1" else 255))
                   for _ in range(3)] * (size[0] * size[1] // 3) or [0])
    options: dict[str, object] = {"optimize": draw(st.booleans())}
    if draw(st.booleans()):
        info = PngImagePlugin.PngInfo()
        info.add_text(draw(st.text("abcXYZ ", min_size=1, max_size=8)),
                      draw(st.text(st.characters(max_codepoint=255), max_size=20)))
        options["pnginfo"] = info
    if draw(st.booleans()):
        options["dpi"] = (draw(st.integers(1, 600)), draw(st.integers(1, 600)))
    if mode in ("L", "RGB", "P") and draw(st.booleans()):
        options["transparency"] = 0 if mode != "RGB" else (0, 0, 0)
    written = io.BytesIO()
    image.save(written, "PNG", **options)  # type: ignore[arg-type]
    return written.getvalue()


def chunk(kind: bytes, body: bytes) -> bytes:
    """A chunk with its correct checksum."""
    return struct.pack(">I", len(body)) + kind + body + struct.pack(
        ">I", zlib.crc32(body, zlib.crc32(kind)))


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A Pillow PNG damaged one way or several."""
    data = bytearray(draw(pillow_pngs()))
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["flip", "cut", "add", "chunk", "header", "tail"]))
        if how == "flip" and data:
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= draw(st.integers(1, 255))
        elif how == "cut":
            data = data[:draw(st.integers(0, len(data)))]
        elif how == "add":
            at = draw(st.integers(0, len(data)))
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif how == "chunk":  # a well-checksummed chunk right after the header, or anywhere
            kind = draw(st.sampled_from([b"tEXt", b"gAMA", b"sRGB", b"pHYs", b"cHRM", b"tRNS",
                                         b"PLTE", b"IHDR", b"IEND", b"IDAT", b"bKGD", b"zTXt",
                                         b"iCCP", b"acTL", b"fcTL", b"eXIf", b"prIv", b"a b!"]))
            body = draw(st.binary(max_size=40))
            at = 33 if draw(st.booleans()) else draw(st.integers(0, len(data)))
            data[at:at] = chunk(kind, body)
        elif how == "header" and len(data) >= 33:  # an IHDR field rewritten, checksum kept right
            fields = list(struct.unpack(">IIBBBBB", bytes(data[16:29])))
            field = draw(st.integers(0, 6))
            fields[field] = draw(st.sampled_from([0, 1, 2, 3, 4, 6, 8, 16, 255, 2**31, 2**32 - 1]
                                                 if field < 2 else [0, 1, 2, 3, 4, 6, 8, 16]))
            try:
                body = struct.pack(">IIBBBBB", *fields)
            except struct.error:
                continue
            data[8:33] = chunk(b"IHDR", body)
        elif how == "tail":
            data += draw(st.binary(min_size=1, max_size=12))
    return bytes(data)


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(pillow_pngs())
def test_what_pillow_writes_is_admitted(data: bytes) -> None:
    assert pillow_accepts(data)
    assert plain_png(data)


@FUZZ
@given(damaged())
def test_a_damaged_file_is_admitted_only_when_pillow_accepts_it(data: bytes) -> None:
    if plain_png(data):
        assert pillow_accepts(data)


def test_the_course_images_are_admitted_and_the_broken_ones_left_to_pillow() -> None:
    images = sorted([*BUNDLED.rglob("*.png"), *ROOTS.rglob("*.png")])
    assert images
    for path in images:
        data = path.read_bytes()
        if plain_png(data):
            assert pillow_accepts(data), path
        elif "broken-" not in str(path):
            raise AssertionError(f"{path} needs Pillow")
    assert image_problem(ROOTS / "broken-image-no-alt" / "modules" / "welcome" / "images" /
                         "pic.png") == "must be a PNG, JPEG or GIF image"


def test_loading_the_bundled_course_does_not_import_pillow() -> None:
    probe = ("import sys; from courseforge.loading import diagnose; from pathlib import Path; "
             f"diagnose(Path({str(BUNDLED)!r})); print('PIL' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
