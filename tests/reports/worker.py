"""A real prefork Celery worker for the report tests.

The shared worker of tests/integration runs the solo pool, where SIGKILL takes the whole worker down. Report
recovery depends on the prefork pool: the parent process detects that its child died mid-task, rejects the message
(`reject_on_worker_lost`) and Redis hands it out again. This worker therefore runs `--pool=prefork
--concurrency=1` on a queue of its own, with the report test hooks switched on through the environment.
"""

import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from config.celery import app
from reports.actions import report_jobs_reap
from tests.conftest import skip_or_fail
from tests.integration.worker import broker_available, database_url_of

REPO_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 60
STOP_TIMEOUT_SECONDS = 15
# Short leases let the reaper recover a killed render within seconds instead of minutes.
TEST_LEASE_SECONDS = 4
# Maximum seconds a test waits for a job to reach the state it expects.
TIMEOUT_SECONDS = 90


@dataclass
class ReportWorker:
    name: str
    queue: str
    process: subprocess.Popen
    log_path: Path
    media_root: Path
    block_file: Path
    crash_file: Path

    def log_tail(self, lines=60):
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def _wait_until_ready(worker):
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if worker.process.poll() is not None:
            raise RuntimeError(f"The report worker exited early. Its log ends with:\n{worker.log_tail()}")
        if app.control.ping(destination=[worker.name], timeout=0.5):
            return
    raise TimeoutError(f"The report worker did not answer a ping. Its log ends with:\n{worker.log_tail()}")


def _reset_router():
    # Celery builds its task router once, on the first task sent, and an earlier test may already have sent one.
    # Dropping the cached router makes the new task_routes take effect.
    app.amqp.flush_routes()
    app.amqp.__dict__.pop("router", None)


@pytest.fixture(scope="session")
def report_worker(django_db_setup, django_db_blocker):
    """A prefork worker consuming the report tasks of this test session; report tasks are routed to it."""
    if not broker_available():
        skip_or_fail("The report worker tests need REDIS_URL pointing at a running Redis server.")
    database_url = database_url_of(settings.DATABASES["default"])
    if database_url is None:
        skip_or_fail("The report worker tests need DATABASE_URL pointing at PostgreSQL.")

    suffix = uuid.uuid4().hex[:12]
    with tempfile.TemporaryDirectory(prefix="report-worker-") as work_dir:
        work_dir = Path(work_dir)
        worker = ReportWorker(
            name=f"reports-{suffix}@localhost",
            queue=f"reports-{suffix}",
            process=None,
            log_path=work_dir / "worker.log",
            media_root=work_dir / "var" / "media",
            block_file=work_dir / "block-render",
            crash_file=work_dir / "crash-render",
        )
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DPO_DESK_VAR_DIR": str(work_dir / "var"),
            "DEBUG": "on",
            "REPORTS_LEASE_SECONDS": str(TEST_LEASE_SECONDS),
            "REPORTS_TEST_BLOCK_FILE": str(worker.block_file),
            "REPORTS_TEST_CRASH_FILE": str(worker.crash_file),
        }
        command = [
            str(Path(sys.executable).with_name("celery")),
            "-A", "config", "worker",
            "--pool=prefork", "--concurrency=1",
            "--loglevel=INFO",
            f"--hostname={worker.name}",
            f"--queues={worker.queue}",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]  # fmt: skip
        with worker.log_path.open("w") as log_file:
            worker.process = subprocess.Popen(  # noqa: S603 (fixed argument list, no shell)
                command, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        previous_routes = app.conf.task_routes
        app.conf.task_routes = {"reports.tasks.*": {"queue": worker.queue}}
        _reset_router()
        try:
            _wait_until_ready(worker)
            yield worker
        finally:
            app.conf.task_routes = previous_routes
            _reset_router()
            worker.process.terminate()
            try:
                worker.process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                worker.process.kill()
                worker.process.wait()


@pytest.fixture
def worker_media(report_worker, settings):
    # Downloads read the files the worker wrote.
    settings.MEDIA_ROOT = report_worker.media_root
    report_worker.block_file.unlink(missing_ok=True)
    report_worker.crash_file.unlink(missing_ok=True)
    yield report_worker
    report_worker.block_file.unlink(missing_ok=True)
    report_worker.crash_file.unlink(missing_ok=True)


def wait_for(predicate, worker, what, *, reap=False):
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if reap:
            # The periodic reaper, run here instead of by celery beat so the test controls its timing.
            report_jobs_reap()
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    pytest.fail(f"Timed out waiting for {what}. Worker log:\n{worker.log_tail()}")
