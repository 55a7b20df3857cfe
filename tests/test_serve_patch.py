"""The slide patches the preview swaps in place: cut from the lesson page as rendered, with
the markup a theme override gives it, and None (a reload) when the page has another shape."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOTS
from course_copies import course_with_a_figure
from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson.files import lesson_members
from courseforge.loading import diagnose
from courseforge.model import Course
from courseforge.serve.page_patch import PagePatcher
from courseforge.serve.page_sections import slide_parts

TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "lesson" / "index.html.j2"


def loaded(course: Path) -> Course:
    result, diagnostics = diagnose(course)
    # the minimal course's p-day is rightly warned about by the mapping analysis
    diagnostics = [d for d in diagnostics if not d.code.startswith("analysis.")]
    assert result is not None and not diagnostics, diagnostics
    return result


def edited(tmp_path: Path, template: str | None = None) -> tuple[Course, Course, Path]:
    """The minimal course before and after retitling its second slide (and its override)."""
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    if template is not None:
        (course / "templates" / "lesson").mkdir(parents=True)
        (course / "templates" / "lesson" / "index.html.j2").write_text(template, "utf-8")
    before = loaded(course)
    lesson = course / "modules" / "welcome" / "lesson.md"
    lesson.write_text(lesson.read_text("utf-8").replace(
        "# Two roles", "# Two roles & <their> jobs").replace("| Focus |", "| Aim |"), "utf-8")
    return before, loaded(course), course


def test_a_slide_edit_patches_title_body_and_contents_entry_as_the_build_renders_them(
        tmp_path: Path) -> None:
    before, after, _ = edited(tmp_path)
    patch = PagePatcher(BuildOptions()).patch(before, after)
    assert patch is not None and [p["id"] for p in patch] == ["welcome.2"]
    page = dict(lesson_members(after, BuildOptions(), "scorm12"))["index.html"].decode()
    title, body, link = slide_parts(page, ["welcome.2"])["welcome.2"]
    assert patch[0] == {"id": "welcome.2", "title": title, "body": body, "link": link}
    assert title == "Two roles &amp; &lt;their&gt; jobs"  # escaped as the lesson shows it
    assert "<th scope=\"row\">Aim</th>" in body and "<table>" in body
    assert link.startswith('<span class="toc-tick"') and link.endswith(title)  # tick kept


def test_an_override_may_reorder_attributes_and_wrap_the_body(tmp_path: Path) -> None:
    template = TEMPLATE.read_text("utf-8").replace(
        '<h1 id="{{ page.id }}-title" tabindex="-1">{{ page.title }}</h1>\n{% if page.kind',
        '<header><h1 tabindex="-1" class="slide-title" id="{{ page.id }}-title">'
        '{{ page.title }}</h1></header>\n{% if page.kind').replace(
        '      <div class="prose">\n{% for block',
        '      <div data-x="1" class="prose wide">\n{% for block').replace(
        '{% endfor %}\n      </div>\n{% endif %}\n{% endif %}\n    </section>',
        '{% endfor %}\n      </div>\n      <footer><div class="prose">©</div></footer>\n'
        '{% endif %}\n{% endif %}\n    </section>')
    assert template.count('class="slide-title"') == 1 and "footer" in template
    before, after, _ = edited(tmp_path, template)
    patch = PagePatcher(BuildOptions()).patch(before, after)
    assert patch is not None and [p["title"] for p in patch] == [
        "Two roles &amp; &lt;their&gt; jobs"]
    assert "<th scope=\"row\">Aim</th>" in patch[0]["body"] and "©" not in patch[0]["body"]


def test_a_page_without_the_swapped_elements_reloads(tmp_path: Path) -> None:
    template = TEMPLATE.read_text("utf-8").replace('class="prose"', 'class="text"')
    before, after, _ = edited(tmp_path, template)
    assert PagePatcher(BuildOptions()).patch(before, after) is None


def test_slide_parts_ignore_void_elements_and_stray_end_tags() -> None:
    page = ('<main><section id="a"><h1 id="a-title">A<br>b</h1></p>'
            '<div class="prose"><p>x<img src="i.png" alt="">y</p><div>z</div></div>'
            '<div class="prose">later</div></section>'
            '<section id="b"><h1 id="b-title">B</h1></section></main>')
    assert slide_parts(page, ["a", "b"]) == {
        "a": ("A<br>b", '<p>x<img src="i.png" alt="">y</p><div>z</div>', "")}


def test_a_full_reload_keeps_the_compiled_templates_and_unchanged_modules_pages(
        tmp_path: Path) -> None:
    import os

    from courseforge.builders.lesson import pages
    from courseforge.serve.preview_build import Preview

    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    preview = Preview(course.resolve(), BuildOptions())
    preview.rebuild()
    assert b"Check your understanding" in preview.lesson_files("scorm12")["index.html"]
    env = preview.patcher.env
    assert env is not None
    quiz = course / "modules" / "roles" / "quiz.yml"
    quiz.write_text(quiz.read_text("utf-8").replace(
        "title: Check your understanding", "title: Check what you learned"), "utf-8")
    pages._module_pages.cache_clear()
    status = preview.rebuild(["modules/roles/quiz.yml"])
    assert status.patch is None  # a quiz edit reloads the lesson
    assert b"Check what you learned" in preview.lesson_files("scorm12")["index.html"]
    assert preview.patcher.env is env  # not compiled again
    pages._module_pages.cache_clear()
    preview.rebuild(["modules/roles/quiz.yml"])
    preview.lesson_files("scorm12")
    preview.rebuild(["modules/roles/quiz.yml"])  # nothing changed: every module's pages kept
    preview.lesson_files("scorm12")
    assert pages._module_pages.cache_info().hits == len(preview.good.course.modules)

    # an override made later, then edited, shows at once
    override = course / "templates" / "lesson" / "index.html.j2"
    override.parent.mkdir(parents=True)
    override.write_text(TEMPLATE.read_text("utf-8").replace("<main", "<!-- one --><main"), "utf-8")
    preview.rebuild(["templates/lesson/index.html.j2"])
    assert b"<!-- one -->" in preview.lesson_files("scorm12")["index.html"]
    override.write_text(TEMPLATE.read_text("utf-8").replace("<main", "<!-- two --><main"), "utf-8")
    os.utime(override, (1, 2_000_000_000))
    preview.rebuild(["templates/lesson/index.html.j2"])
    assert b"<!-- two -->" in preview.lesson_files("scorm12")["index.html"]


def test_a_slide_with_a_figure_reloads_so_it_gets_its_enlarge_button(tmp_path: Path) -> None:
    course = course_with_a_figure(tmp_path)
    lesson = course / "modules" / "welcome" / "lesson.md"
    before = loaded(course)
    lesson.write_text(lesson.read_text("utf-8").replace("![A chart]", "![The chart]"), "utf-8")
    assert PagePatcher(BuildOptions()).patch(before, loaded(course)) is None
