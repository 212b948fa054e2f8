"""Start a real Celery worker for integration tests.

`running_worker()` starts `celery -A config worker --pool=solo` in a subprocess on the Redis broker of the
settings. The worker consumes a queue of its own, so that no other worker takes its tasks, and the function waits
until the worker replies to a ping. Pass `database_url` (see `database_url_of`) so the worker reads the pytest
test database: rows committed by a transactional test are then visible to its tasks.

Test packages other than tests/integration/ use the `celery_worker` fixture by importing it into their
conftest.py: `from tests.integration.worker import celery_worker  # noqa: F401`.
"""

import contextlib
import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

from config.celery import app
from tests.conftest import skip_or_fail

REPO_ROOT = Path(__file__).resolve().parents[2]
TEST_TASK_MODULES = ("tests.integration.tasks",)
START_TIMEOUT_SECONDS = 60
STOP_TIMEOUT_SECONDS = 15


@dataclass
class Worker:
    """A running worker: send tasks with `task.apply_async(..., queue=worker.queue)`."""

    name: str
    queue: str
    process: subprocess.Popen
    log_path: Path

    def log_tail(self, lines=40):
        text = self.log_path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def database_url_of(database):
    """Return a DATABASE_URL for a Django DATABASES entry, or None when it is not PostgreSQL."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        return None
    user = quote(database.get("USER") or "", safe="")
    password = quote(database.get("PASSWORD") or "", safe="")
    credentials = ""
    if password:
        credentials = f"{user}:{password}@"
    elif user:
        credentials = f"{user}@"
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{quote(database['NAME'], safe='')}"


def broker_available():
    """Return whether the settings name a Redis broker that replies to a ping."""
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.CELERY_BROKER_URL.startswith("redis"):
        return False
    import redis

    try:
        return bool(redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def _celery_command():
    celery = Path(sys.executable).with_name("celery")
    return [str(celery)] if celery.exists() else [sys.executable, "-m", "celery"]


def _wait_until_ready(worker):
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if worker.process.poll() is not None:
            raise RuntimeError(
                f"The Celery worker exited with code {worker.process.returncode} before answering a ping. "
                f"Its log ends with:\n{worker.log_tail()}"
            )
        if app.control.ping(destination=[worker.name], timeout=0.5):
            return
    raise TimeoutError(
        f"The Celery worker did not answer a ping within {START_TIMEOUT_SECONDS} s. "
        f"Its log ends with:\n{worker.log_tail()}"
    )


def _stop(worker):
    worker.process.terminate()
    try:
        worker.process.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        worker.process.kill()
        worker.process.wait()


@contextlib.contextmanager
def running_worker(*, database_url=None, task_modules=TEST_TASK_MODULES, extra_env=None):
    """Start a worker that also loads `task_modules`, yield it once it replies to a ping, then stop it."""
    suffix = uuid.uuid4().hex[:12]
    name = f"test-{suffix}@localhost"
    queue = f"test-{suffix}"
    env = {**os.environ, **(extra_env or {})}
    if database_url:
        env["DATABASE_URL"] = database_url
    command = [
        *_celery_command(),
        "-A",
        "config",
        "worker",
        "--pool=solo",
        "--loglevel=INFO",
        f"--hostname={name}",
        f"--queues={queue}",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    for module in task_modules:
        command += ["-I", module]

    with tempfile.TemporaryDirectory(prefix="celery-worker-") as log_dir:
        log_path = Path(log_dir) / "worker.log"
        with log_path.open("w") as log_file:
            process = subprocess.Popen(  # noqa: S603 (fixed argument list, no shell)
                command, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        worker = Worker(name=name, queue=queue, process=process, log_path=log_path)
        try:
            _wait_until_ready(worker)
            yield worker
        finally:
            _stop(worker)


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker):
    """A real Celery worker on Redis that reads the pytest test database, shared by the whole session.

    Skipped without Redis or PostgreSQL, or failed when DPO_DESK_REQUIRE_SERVICES=1.
    """
    if not broker_available():
        skip_or_fail("The Celery worker tests need REDIS_URL pointing at a running Redis server.")
    database_url = database_url_of(settings.DATABASES["default"])
    if database_url is None:
        skip_or_fail("The Celery worker tests need DATABASE_URL pointing at PostgreSQL.")
    with running_worker(database_url=database_url) as worker:
        yield worker
