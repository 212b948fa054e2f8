"""URL configuration with deliberately unsafe views, to prove that the isolation checks detect them."""

from django.http import Http404, HttpResponse
from django.urls import include, path
from django.views import View

from organisations.models import Invitation, Organisation
from organisations.views.mixins import OrganisationMixin


def name_without_membership_check(request, org_slug):
    return HttpResponse(Organisation.objects.get(slug=org_slug).name)


def delete_before_membership_check(request, org_slug):
    Invitation.objects.filter(organisation__slug=org_slug).delete()
    raise Http404


class MemberOnlyView(OrganisationMixin, View):
    def get(self, request, org_slug):
        return HttpResponse(self.organisation.name)

    post = put = patch = delete = get


urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("o/<slug:org_slug>/leak/", name_without_membership_check, name="leak"),
    path("o/<slug:org_slug>/delete/", delete_before_membership_check, name="delete"),
    path("o/<slug:org_slug>/safe/", MemberOnlyView.as_view(), name="safe"),
]
