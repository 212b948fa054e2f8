"""JSON form of the catalogue differences of one processing activity, for the vendor-use catalogue review."""


def _row_as_json(item):
    return {
        "choice": item.choice or None,
        "section": item.section,
        "action": item.action,
        "kept_action": item.kept_action or None,
        "key": list(item.key),
        "current": item.current,
        "proposed": item.proposed,
        "fields": [
            {"field": difference.field, "current": difference.current, "proposed": difference.proposed}
            for difference in item.fields
        ],
        "deleted_on": item.deleted_on.isoformat() if item.deleted_on else None,
    }


def _field_proposal_as_json(proposal):
    return {
        "choice": proposal.choice or None,
        "field": proposal.field,
        "action": proposal.action,
        "kept_action": proposal.kept_action or None,
        "current": proposal.current,
        "proposed": proposal.proposed,
    }


def activity_diff_as_json(diff):
    """Return an ActivityDiff as a dict: the activity, its row additions, changes, removals and kept rows, and
    the proposals for its own fields (`fields`, with kept ones that have no choice)."""
    return {
        "activity": diff.activity.pk,
        "activity_name": diff.activity.name,
        "additions": [_row_as_json(item) for item in diff.additions],
        "changes": [_row_as_json(item) for item in diff.changes],
        "removals": [_row_as_json(item) for item in diff.removals],
        "kept": [_row_as_json(item) for item in diff.kept],
        "fields": [_field_proposal_as_json(proposal) for proposal in diff.field_proposals],
    }
