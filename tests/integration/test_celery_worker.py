"""A real Celery worker on Redis runs tasks sent by the application and reports failures."""

import pytest

from tests.factories import OrganisationFactory

from .tasks import add, fail, organisation_name

pytestmark = pytest.mark.services

RESULT_TIMEOUT_SECONDS = 30


def test_worker_returns_task_result(celery_worker):
    result = add.apply_async(args=(2, 40), queue=celery_worker.queue)

    assert result.get(timeout=RESULT_TIMEOUT_SECONDS) == 42
    assert result.state == "SUCCESS"


def test_worker_reports_failed_task(celery_worker):
    result = fail.apply_async(args=("catalogue file is invalid",), queue=celery_worker.queue)

    with pytest.raises(ValueError, match="catalogue file is invalid"):
        result.get(timeout=RESULT_TIMEOUT_SECONDS)
    assert result.state == "FAILURE"
    assert "ValueError: catalogue file is invalid" in result.traceback


def test_worker_reads_committed_rows(celery_worker, transactional_db):
    organisation = OrganisationFactory(name="Worker Visible Ltd")

    result = organisation_name.apply_async(args=(organisation.pk,), queue=celery_worker.queue)

    assert result.get(timeout=RESULT_TIMEOUT_SECONDS) == "Worker Visible Ltd"
