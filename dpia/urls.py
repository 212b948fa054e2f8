"""Pages under /o/<org_slug>/dpia/."""

from django.urls import path

from .views import dpia, listing, screening, versions, wizard

app_name = "dpia"

urlpatterns = [
    path("", listing.DpiaListView.as_view(), name="dpia_list"),
    path("activities/<int:activity_pk>/screening/", screening.ScreeningView.as_view(), name="screening"),
    path("activities/<int:activity_pk>/new/", dpia.DpiaCreateView.as_view(), name="dpia_create"),
    path("<int:pk>/", dpia.DpiaDetailView.as_view(), name="dpia_detail"),
    path("<int:pk>/step/<int:step>/", wizard.DpiaStepView.as_view(), name="dpia_step"),
    path("<int:pk>/risks/add/", wizard.RiskAddView.as_view(), name="risk_add"),
    path("<int:pk>/risks/<int:risk_pk>/delete/", wizard.RiskDeleteView.as_view(), name="risk_delete"),
    path("<int:pk>/actions/<int:action_pk>/delete/", wizard.ActionDeleteView.as_view(), name="action_delete"),
    path("<int:pk>/sign/", dpia.DpiaSignView.as_view(), name="dpia_sign"),
    path("<int:pk>/versions/", versions.DpiaVersionListView.as_view(), name="version_list"),
    path("<int:pk>/export.json", versions.DpiaExportJsonView.as_view(), name="dpia_export_json"),
    path("<int:pk>/import/", versions.DpiaImportView.as_view(), name="dpia_import"),
    path("<int:pk>/pdf/", dpia.DpiaPdfView.as_view(), name="dpia_pdf"),
]
