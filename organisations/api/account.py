from rest_framework import generics, serializers

from ..models import Membership
from ..selectors import membership_list_for_user


class UserOrganisationSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(source="organisation.slug", read_only=True)
    name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = Membership
        fields = ["slug", "name", "role"]
        read_only_fields = fields


class UserOrganisationListView(generics.ListAPIView):
    """The organisations the signed-in user belongs to, with their role in each."""

    serializer_class = UserOrganisationSerializer
    filter_backends = []

    def get_queryset(self):
        return membership_list_for_user(user=self.request.user)
