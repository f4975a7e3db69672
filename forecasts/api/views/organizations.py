from drf_spectacular.utils import extend_schema_view
from rest_framework import viewsets

from forecasts.api.filters import OrganizationFilter
from forecasts.api.schema import crud_schema
from forecasts.api.serializers.people import OrganizationSerializer
from forecasts.api.views.base import ApiViewSetMixin
from forecasts.models import Organization


@extend_schema_view(**crud_schema(tag="organizations", serializer=OrganizationSerializer))
class OrganizationViewSet(ApiViewSetMixin, viewsets.ModelViewSet):
    queryset = Organization.objects.all()
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter
    search_fields = ["name", "short_name"]
    ordering_fields = ["name", "short_name", "created_at"]
