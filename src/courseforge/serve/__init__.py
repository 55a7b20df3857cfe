"""``courseforge serve``: a live preview of the lessons with an LMS inspector and a deck outline."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..builders.base import BuildOptions
from ..errors import CourseforgeError, Severity, from_folder, summary
from .http_server import PreviewServer
from .preview_build import Preview, Status

DEBOUNCE_MS = 300  # longest wait to group the writes of one save
STEP_MS = 10  # an editor's save is a burst of writes this close together
READY_MS = 250  # the watcher wakes this often when nothing changes (it tells it is ready)


def report(course_name: str, status: Status, say: Callable[[str], None]) -> None:
    """Tell the terminal what a build found, as ``check`` would print it."""
    for diagnostic in from_folder(course_name, status.diagnostics):
        say(str(diagnostic))
    if status.failed:
        say(f"{summary(status.diagnostics)}: still showing the last good build")
    else:
        warnings = sum(d.severity is Severity.WARNING for d in status.diagnostics)
        say(f"built in {status.milliseconds:.0f} ms"
            + (f" ({summary(status.diagnostics)})" if warnings else ""))


def start(course_dir: Path, options: BuildOptions, port: int = 0
          ) -> tuple[Preview, PreviewServer, threading.Thread]:
    """Build once and start serving on 127.0.0.1 in a background thread."""
    if not course_dir.is_dir():
        raise CourseforgeError(f"course folder '{course_dir}' does not exist")
    preview = Preview(course_dir.resolve(), options)
    preview.rebuild()
    try:
        server = PreviewServer(preview, port)
    except OSError as exc:
        raise CourseforgeError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}") from None
    thread = threading.Thread(target=server.serve_forever, name="preview-http", daemon=True)
    thread.start()
    return preview, server, thread


def stop(preview: Preview, server: PreviewServer, thread: threading.Thread) -> None:
    """End the event streams, then the server."""
    server.stopping.set()
    with preview.changed:
        preview.changed.notify_all()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def watched_folders(course_dir: Path, options: BuildOptions) -> list[Path]:
    """The course folder and, when given, the theme override folder."""
    folders = [course_dir.resolve()]
    if options.templates is not None and options.templates.is_dir():
        folders.append(options.templates.resolve())
    return folders


def watch(preview: Preview, folders: list[Path], course_name: str,
          say: Callable[[str], None], stop_event: threading.Event | None = None,
          ready: threading.Event | None = None) -> None:
    """Rebuild after every change in the folders until Ctrl-C (or ``stop_event``).

    ``ready`` is set once the watcher runs: a change saved from then on is seen.
    """
    import watchfiles

    for changes in watchfiles.watch(*folders, debounce=DEBOUNCE_MS, step=STEP_MS,
                                    stop_event=stop_event, raise_interrupt=True,
                                    rust_timeout=READY_MS, yield_on_timeout=True):
        if ready is not None:
            ready.set()
        if not changes:  # the watcher's periodic wake-up
            continue
        paths = sorted({_relative(preview.root, Path(path)) for _, path in changes})
        say(f"changed: {', '.join(paths[:5])}{' …' if len(paths) > 5 else ''}")
        report(course_name, preview.rebuild(paths), say)


def _relative(root: Path, path: Path) -> str:
    """A changed path relative to the course folder (absolute when outside it)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def serve(course_dir: Path, options: BuildOptions, port: int, open_browser: bool,
          say: Callable[[str], None]) -> None:
    """Serve, watch and rebuild until the author presses Ctrl-C."""
    preview, server, thread = start(course_dir, options, port)
    try:
        report(course_dir.as_posix(), preview.status, say)
        say(f"previewing '{preview.title()}' at {server.url} (Ctrl-C to stop)")
        if open_browser:
            import webbrowser

            webbrowser.open(server.url)
        watch(preview, watched_folders(course_dir, options), course_dir.as_posix(), say)
    except KeyboardInterrupt:
        say("stopping the preview")
    finally:
        stop(preview, server, thread)
