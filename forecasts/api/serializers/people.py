from django.utils.text import slugify
from rest_framework import serializers

from forecasts.models import Expert, Organization


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name", "short_name", "kind", "url", "created_at"]
        read_only_fields = ["created_at"]


class CompactOrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name", "short_name"]
        read_only_fields = fields


class ExpertSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(
        max_length=200,
        required=False,
        help_text="Unique; made from the name when left out.",
    )
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200),
        required=False,
        max_length=50,
        help_text='Other names used for attribution, e.g. ["Galeotti"].',
    )
    organization_name = serializers.SerializerMethodField()

    class Meta:
        model = Expert
        fields = [
            "id",
            "name",
            "slug",
            "aliases",
            "organization",
            "organization_name",
            "role",
            "needs_review",
            "notes",
            "created_at",
        ]
        read_only_fields = ["created_at"]

    def get_organization_name(self, expert: Expert) -> str | None:
        return expert.organization.name if expert.organization_id else None

    def validate(self, attrs: dict) -> dict:
        name = attrs.get("name", getattr(self.instance, "name", ""))
        slug = attrs.get("slug") or getattr(self.instance, "slug", "") or slugify(name)[:200]
        if not slug:
            raise serializers.ValidationError(
                {"slug": "Give a slug: the name has no letters or digits."}
            )
        clash = Expert.objects.filter(slug=slug).exclude(pk=getattr(self.instance, "pk", None))
        if clash.exists():
            raise serializers.ValidationError(
                {"slug": f"Another expert already uses the slug {slug!r}."}
            )
        attrs["slug"] = slug
        return attrs


class CompactExpertSerializer(serializers.ModelSerializer):
    organization = CompactOrganizationSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Expert
        fields = ["id", "name", "organization"]
        read_only_fields = fields
