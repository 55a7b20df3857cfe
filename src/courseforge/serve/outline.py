"""The deck outline: the slides each module's deck will hold, from the decks' own pagination."""

from __future__ import annotations

from typing import Any

from ..builders.base import BuildOptions
from ..builders.pptx.decks import Fitted, reference_template
from ..builders.pptx.markdown_runs import Paragraph, Picture, Table
from ..builders.pptx.pagination import Page, paginate
from ..builders.pptx.writer import DeckWriter
from ..model import Course


class DeckOutline:
    """Paginates decks as the pptx builder does, keeping fitted slides between rebuilds."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.fitted: Fitted = {}
        self.brand_colour: str | None = None  # the default reference deck is made in it

    def outline(self, course: Course) -> list[dict[str, Any]]:
        """Per module: its slides with title, role, body size, what continues, notes."""
        from ..builders.pptx.slide_specs import module_body, module_opening

        if self.brand_colour != course.brand_colour:  # another reference deck: refit all
            self.fitted, self.brand_colour = {}, course.brand_colour
        writer = DeckWriter(reference_template(course, self.options), course,
                            self.options.layout_names)
        modules = []
        used: Fitted = {}
        for module in course.modules:
            specs = [module_opening(course, module, standalone=True),
                     *module_body(course, module)]
            slides = []
            for spec in specs:
                key = (spec, writer.boxes, writer.style)
                if key not in used:
                    used[key] = self.fitted.get(key) or paginate(spec, writer.boxes, writer.style)
                slides += [_slide(page, writer.style.body_size) for page in used[key]]
            modules.append({"id": module.id, "title": module.title,
                            "source": module.source.path, "slides": slides})
        self.fitted = used  # slides an edit changed are not kept
        return modules


def _slide(page: Page, theme_size: float) -> dict[str, Any]:
    """One slide of the outline, in plain JSON values."""
    blocks = list(page.body) + [b for column in page.columns for b in column.body]
    return {
        "title": page.title,
        "role": page.role,
        "continued": page.continued,
        # a title too long for its box is cut after a word (the notes give it in full); a
        # continued page's title is the whole title and its '(cont.)' in the course language
        "cut": not page.title.startswith(page.spec.title),
        "full_title": page.spec.title,
        "body_size": page.body_size,
        "shrunk": bool(blocks) and page.body_size < theme_size,
        "theme_size": theme_size,
        "lines": [_summary(block) for block in blocks][:12],
        "notes": page.spec.notes,
    }


def _summary(block: Paragraph | Table | Picture) -> dict[str, Any]:
    """A short view of one body block: a paragraph's words, a table's size, a picture."""
    if isinstance(block, Paragraph):
        return {"kind": "text", "level": block.level,
                "text": "".join(run.text for run in block.runs)}
    if isinstance(block, Table):
        return {"kind": "table", "rows": len(block.rows), "columns": len(block.header),
                "text": " | ".join("".join(r.text for r in cell) for cell in block.header)}
    return {"kind": "picture", "text": block.alt}
