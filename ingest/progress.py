"""A tiny progress bar for long loads: drawn on stderr, and only when it is a TTY."""

from __future__ import annotations

import sys
import time


class Progress:
    """Steps of a long operation shown as ``label [####......] 2/5 step``.

    Silent when the stream is not a terminal (pipes, CI logs, tests).
    """

    def __init__(self, label: str, total: int, stream=None, width: int = 24):
        self.label, self.total, self.width = label, max(total, 1), width
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0
        self.closed = False
        self.started = time.monotonic()

    def step(self, what: str = "", n: int = 1) -> None:
        """Advance by ``n`` and redraw with the name of the step now running."""
        self.done = min(self.done + n, self.total)
        self._draw(what)

    def show(self, what: str) -> None:
        """Redraw without advancing (name the step about to run)."""
        self._draw(what)

    def close(self) -> None:
        """Finish the line (only if something was drawn), so later messages start clean."""
        if self.enabled and not self.closed:
            self.stream.write("\n")
            self.stream.flush()
        self.closed = True

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _draw(self, what: str) -> None:
        if not self.enabled:
            return
        filled = int(self.width * self.done / self.total)
        bar = "#" * filled + "." * (self.width - filled)
        secs = time.monotonic() - self.started
        self.stream.write(
            f"\r{self.label} [{bar}] {self.done}/{self.total} {what[:40]:<40} {secs:5.1f}s"
        )
        self.stream.flush()
