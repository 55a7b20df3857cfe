"""Part names allocated from counters: python-pptx searches the whole package for each new part.

That search walks every part (quadratic in the number of slides). These replacements
give the very names python-pptx would, from one initial walk plus counters, so decks
stay byte-identical while a thousand-slide deck builds in seconds.
"""

from __future__ import annotations

from collections import defaultdict
from typing import IO

from pptx.opc.packuri import PackURI
from pptx.package import Package
from pptx.parts.image import Image, ImagePart


class PartNames:
    """Installs counter-based ``next_partname`` and image lookup on one package."""

    def __init__(self, package: Package) -> None:
        self._package = package
        self._used: dict[str, set[str]] = defaultdict(set)
        self._images: dict[str, ImagePart] = {}
        self._image_indexes: set[int] = set()
        for part in package.iter_parts():
            name = str(part.partname)
            self._used[_prefix_of(name)].add(name)
            if isinstance(part, ImagePart):
                self._images.setdefault(part.sha1, part)
                if name.startswith("/ppt/media/image") and part.partname.idx is not None:
                    self._image_indexes.add(part.partname.idx)
        package.next_partname = self.next_partname  # type: ignore[method-assign]
        package.get_or_add_image_part = self.get_or_add_image_part  # type: ignore[method-assign]

    def next_partname(self, tmpl: str) -> PackURI:
        """The name python-pptx's ``OpcPackage.next_partname`` would return."""
        prefix = tmpl[: (tmpl % 42).find("42")]
        used = self._used[prefix]
        for n in range(len(used) + 1, 0, -1):
            candidate = tmpl % n
            if candidate not in used:
                used.add(candidate)
                return PackURI(candidate)
        raise AssertionError("no free part name")  # pragma: no cover

    def get_or_add_image_part(self, image_file: str | IO[bytes]) -> ImagePart:
        """The image part holding this image, added under the first free index when new."""
        image = Image.from_file(image_file)
        part = self._images.get(image.sha1)
        if part is None:
            index = next(i for i in range(1, len(self._image_indexes) + 2)
                         if i not in self._image_indexes)
            self._image_indexes.add(index)
            part = ImagePart(PackURI(f"/ppt/media/image{index}.{image.ext}"),
                             image.content_type, self._package, image.blob, image.filename)
            self._images[image.sha1] = part
        return part


def _prefix_of(partname: str) -> str:
    """'/ppt/slides/slide12.xml' -> '/ppt/slides/slide' (the prefix next_partname compares)."""
    stem = partname.rsplit(".", 1)[0]
    return stem.rstrip("0123456789")
