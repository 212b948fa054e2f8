from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from organisations.views import home

# Staff sign in through allauth, so e-mail verification, rate limits and two-factor authentication apply to the
# admin too. The admin's own password-only form would bypass them.
admin.site.login = secure_admin_login(admin.site.login)

organisation_pages = [
    path("", include("organisations.urls_scoped")),
    path("records/", include("records.urls")),
    path("dpia/", include("dpia.urls")),
    path("reports/", include("reports.urls")),
]

organisation_api = [
    path("", include("organisations.api_urls")),
    path("", include("records.api_urls")),
    path("", include("dpia.api_urls")),
    path("", include("reports.api_urls")),
]

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("services/", include("services.urls")),
    path("organisations/", include("organisations.urls")),
    path("o/<slug:org_slug>/", include(organisation_pages)),
    path("api/v1/catalogue/", include("services.api_urls")),
    path("api/v1/o/<slug:org_slug>/", include(organisation_api)),
    path("api/v1/", include("organisations.api_urls_account")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/v1/docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
]
