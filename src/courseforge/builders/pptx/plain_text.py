"""Slide Markdown as plain text, for speaker notes."""

from __future__ import annotations

from .markdown_runs import BULLET, NUMBER, Paragraph, Table, parse_blocks


def plain_text(markdown: str) -> str:
    """Markdown as readable plain text (speaker notes): lists keep a dash and indentation."""
    out: list[str] = []
    for block in parse_blocks(markdown):
        if isinstance(block, Paragraph):
            prefix = {BULLET: "- ", NUMBER: f"{block.number}. "}.get(block.kind, "")
            out.append("  " * block.level + prefix + block.text)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                out.append(" | ".join("".join(r.text for r in cell) for cell in row))
        else:
            out.append(f"[Image: {block.alt}]")
    return "\n".join(out)
