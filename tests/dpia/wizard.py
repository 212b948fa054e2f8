"""Helpers that post complete wizard steps the way the browser does."""

from django.urls import reverse

from dpia.models import Dpia


def step_url(dpia, step):
    return reverse("dpia:dpia_step", kwargs={"org_slug": dpia.organisation.slug, "pk": dpia.pk, "step": step})


def formset_data(prefix, rows, fields):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(len(rows)),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data[f"{prefix}-{index}-id"] = str(row.pk)
        for name in fields:
            value = fields[name](row) if callable(fields[name]) else fields[name]
            data[f"{prefix}-{index}-{name}"] = "" if value is None else str(value)
    return data


def complete_step_data(dpia, step):
    """Return POST data that answers every required question of `step`."""
    dpia = Dpia.objects.get(pk=dpia.pk)
    data = {"lock_version": str(dpia.lock_version), "save": "1"}
    if step == 1:
        for name in ("title", "description", "purposes", "stakeholders", "standards", "data_lifecycle",
                     "supporting_assets", "ai_act_notes"):  # fmt: skip
            data[f"context-{name}"] = getattr(dpia, name) or f"{name} text"
        data["context-validator"] = str(dpia.validator_id)
    elif step == 2:
        data.update(
            formset_data(
                "principles",
                list(dpia.principles.order_by("pk")),
                {
                    "assessment": lambda row: row.assessment or "Assessed.",
                    "corrective_measures": lambda row: row.corrective_measures,
                },
            )
        )
    elif step == 3:
        fields = {
            name: (lambda row, name=name: getattr(row, name))
            for name in ("title", "risk_sources", "threats", "impacts")
        }
        fields["measures"] = lambda row: row.measures or "Access control."
        fields.update(severity_before=3, likelihood_before=3, severity_after=2, likelihood_after=1)
        data.update(formset_data("risks", list(dpia.risks.order_by("position", "pk")), fields))
    elif step == 4:
        rows = list(dpia.actions.order_by("due_date", "pk"))
        data.update(
            formset_data(
                "actions",
                rows,
                {"measure": lambda row: row.measure, "owner": "", "due_date": "2027-03-31", "status": "planned"},
            )
        )
    else:
        data.update(
            {
                "validation-dpo_opinion": "The residual risks are acceptable.",
                "validation-data_subjects_views": "",
                "validation-data_subjects_not_consulted_reason": "A customer panel was not available.",
                "validation-decision": "accepted_with_actions",
            }
        )
    return data


def complete_all_steps(client, dpia):
    for step in range(1, 6):
        response = client.post(step_url(dpia, step), complete_step_data(dpia, step))
        assert response.status_code == 302, response.content.decode()[:2000]
