"""Pages under /o/<org_slug>/records/."""

from django.urls import path

from .views import activities, checklist, dashboard, exports, vendors

app_name = "records"

urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("vendors/", vendors.VendorListView.as_view(), name="vendor_list"),
    path("vendors/search/", vendors.CatalogueSearchView.as_view(), name="catalogue_search"),
    path("vendors/add/<slug:service_slug>/", vendors.VendorAddView.as_view(), name="vendor_add"),
    path("vendors/bulk/", vendors.VendorBulkView.as_view(), name="vendor_bulk"),
    path("vendors/new/", vendors.VendorCreateView.as_view(), name="vendor_create"),
    path("vendors/<int:pk>/", vendors.VendorDetailView.as_view(), name="vendor_detail"),
    path("vendors/<int:pk>/edit/", vendors.VendorEditView.as_view(), name="vendor_edit"),
    path("vendors/<int:pk>/delete/", vendors.VendorDeleteView.as_view(), name="vendor_delete"),
    path("vendors/<int:pk>/dpa/", vendors.VendorDpaDownloadView.as_view(), name="vendor_dpa_download"),
    path("vendors/<int:pk>/proposals/", vendors.VendorProposalsView.as_view(), name="vendor_proposals"),
    path(
        "vendors/<int:pk>/catalogue-update/",
        vendors.VendorCatalogueUpdateView.as_view(),
        name="vendor_catalogue_update",
    ),
    path("activities/", activities.ActivityListView.as_view(), name="activity_list"),
    path("activities/new/", activities.ActivityCreateView.as_view(), name="activity_create"),
    path("activities/<int:pk>/", activities.ActivityDetailView.as_view(), name="activity_detail"),
    path("activities/<int:pk>/edit/", activities.ActivityEditView.as_view(), name="activity_edit"),
    path("activities/<int:pk>/delete/", activities.ActivityDeleteView.as_view(), name="activity_delete"),
    path("activities/<int:pk>/link-vendor/", activities.ActivityLinkVendorView.as_view(), name="activity_link_vendor"),
    path(
        "activities/<int:pk>/transfers/<int:transfer_pk>/dpf-checked/",
        activities.ActivityTransferDpfCheckView.as_view(),
        name="activity_transfer_dpf_check",
    ),
    path(
        "activities/<int:pk>/edit/<slug:section>/",
        activities.ActivitySectionEditView.as_view(),
        name="activity_section_edit",
    ),
    path("processor-records/", activities.ProcessorActivityListView.as_view(), name="processor_activity_list"),
    path("processor-records/new/", activities.ProcessorActivityFormView.as_view(), name="processor_activity_create"),
    path(
        "processor-records/<int:pk>/",
        activities.ProcessorActivityFormView.as_view(),
        name="processor_activity_edit",
    ),
    path(
        "processor-records/<int:pk>/fill/",
        activities.ProcessorActivityFillView.as_view(),
        name="processor_activity_fill",
    ),
    path(
        "processor-records/<int:pk>/view/",
        activities.ProcessorActivityDetailView.as_view(),
        name="processor_activity_detail",
    ),
    path("exports/", exports.ExportsView.as_view(), name="exports"),
    path("exports/ropa.xlsx", exports.ExportXlsxView.as_view(), name="export_xlsx"),
    path("exports/ropa.csv", exports.ExportCsvView.as_view(), name="export_csv"),
    path("exports/register.json", exports.ExportJsonView.as_view(), name="export_json"),
    path("exports/ropa-pdf/", exports.ExportPdfView.as_view(), name="export_pdf"),
    path("cookie-declaration/", exports.CookieDeclarationView.as_view(), name="cookie_declaration"),
    path("cookie-declaration/snippet.html", exports.CookieSnippetView.as_view(), name="cookie_snippet"),
    path("consent-texts/", exports.ConsentTextsView.as_view(), name="consent_texts"),
    path("checklist/", checklist.ChecklistView.as_view(), name="checklist"),
    path("tasks/<int:pk>/", checklist.TaskEditView.as_view(), name="task_edit"),
    path("tasks/<int:pk>/status/", checklist.TaskStatusView.as_view(), name="task_status"),
    path("tasks/<int:pk>/evidence/", checklist.TaskEvidenceDownloadView.as_view(), name="task_evidence_download"),
]
