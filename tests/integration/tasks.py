"""Tasks that exist only for the worker tests; the test worker loads this module with `-I`."""

from config.celery import app


@app.task(name="tests.integration.add")
def add(left, right):
    return left + right


@app.task(name="tests.integration.fail")
def fail(message):
    raise ValueError(message)


@app.task(name="tests.integration.organisation_name")
def organisation_name(organisation_id):
    """Return the name stored for `organisation_id`, proving the worker reads the test database."""
    from organisations.models import Organisation

    return Organisation.objects.get(pk=organisation_id).name
