"""Isolation classification of the DPIA app's routes."""

from .registry import Route


def _activity(world):
    return {"activity_pk": world["activity"].pk}


def _dpia(world):
    return {"pk": world["dpia"].pk}


ROUTES = {
    "dpia:dpia_list": Route(),
    "dpia:screening": Route(kwargs=_activity),
    "dpia:dpia_create": Route(kwargs=_activity),
    "dpia:dpia_detail": Route(kwargs=_dpia),
    "dpia:dpia_step": Route(kwargs=lambda world: {"pk": world["dpia"].pk, "step": 1}),
    "dpia:risk_add": Route(kwargs=_dpia),
    "dpia:risk_delete": Route(kwargs=lambda world: {"pk": world["dpia"].pk, "risk_pk": world["dpia_custom_risk"].pk}),
    "dpia:action_delete": Route(kwargs=lambda world: {"pk": world["dpia"].pk, "action_pk": world["dpia_action"].pk}),
    "dpia:dpia_sign": Route(kwargs=_dpia),
    "dpia:version_list": Route(kwargs=_dpia),
    "dpia:dpia_export_json": Route(kwargs=_dpia),
    "dpia:dpia_import": Route(kwargs=_dpia),
    "dpia:dpia_pdf": Route(kwargs=_dpia),
    "dpia_api:dpia-list": Route(),
    "dpia_api:dpia-detail": Route(kwargs=_dpia),
    "dpia_api:dpia-principle-list": Route(),
    "dpia_api:dpia-principle-detail": Route(kwargs=lambda world: {"pk": world["dpia_principle"].pk}),
    "dpia_api:dpia-risk-list": Route(),
    "dpia_api:dpia-risk-detail": Route(kwargs=lambda world: {"pk": world["dpia_risk"].pk}),
    "dpia_api:dpia-action-list": Route(),
    "dpia_api:dpia-action-detail": Route(kwargs=lambda world: {"pk": world["dpia_action"].pk}),
}
