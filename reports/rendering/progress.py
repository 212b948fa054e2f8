"""Progress of a render, estimated from WeasyPrint's progress log ("Step 5 - Creating layout - Page 12")."""

import logging
import re
import time
from contextlib import contextmanager

PROGRESS_LOGGER = logging.getLogger("weasyprint.progress")
# WeasyPrint logs one line per laid-out page. Those lines must not reach the worker's log handlers: formatting
# and writing thousands of them slowed renders inside the Celery worker (whose root logger is at INFO), while
# a plain process without logging configuration drops them for free.
PROGRESS_LOGGER.propagate = False

STEP_RE = re.compile(r"Step (\d)")
PAGE_RE = re.compile(r"Page (\d+)")


class _ProgressHandler(logging.Handler):
    def __init__(self, report, start, end, min_interval):
        super().__init__(level=logging.INFO)
        self.report = report
        self.start = start
        self.end = end
        self.min_interval = min_interval
        self.last_sent = 0.0
        self.last_value = None

    def emit(self, record):
        message = record.msg % record.args if record.args else str(record.msg)
        step_match = STEP_RE.search(message)
        if not step_match:
            return
        step = int(step_match[1])
        span = self.end - self.start
        if step < 5:
            fraction = 0.05 * step
        elif step == 5:
            page_match = PAGE_RE.search(message)
            pages = int(page_match[1]) if page_match else 0
            # The page count is unknown until layout ends, so this curve approaches the end of the layout span
            # (85 %) as pages accumulate. After 20 pages it has covered about half of the span.
            fraction = 0.2 + 0.65 * (pages / (pages + 20))
        else:
            fraction = 0.9
        value = round(self.start + span * fraction)
        now = time.monotonic()
        if value != self.last_value and now - self.last_sent >= self.min_interval:
            self.last_sent = now
            self.last_value = value
            self.report(value)


@contextmanager
def weasyprint_progress(report, *, start, end, min_interval=0.5):
    """Call `report(percent)` between `start` and `end` while WeasyPrint renders, at most every `min_interval` s."""
    handler = _ProgressHandler(report, start, end, min_interval)
    previous_level = PROGRESS_LOGGER.level
    PROGRESS_LOGGER.addHandler(handler)
    PROGRESS_LOGGER.setLevel(logging.INFO)
    try:
        yield
    finally:
        PROGRESS_LOGGER.removeHandler(handler)
        PROGRESS_LOGGER.setLevel(previous_level)
