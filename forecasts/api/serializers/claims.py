from datetime import datetime

from rest_framework import serializers

from forecasts.api.serializers.people import CompactExpertSerializer, CompactOrganizationSerializer
from forecasts.api.serializers.sources import CompactSourceSerializer
from forecasts.models import Claim, Expert, Organization, Question, Source


def iso(value: datetime | None) -> str | None:
    """DRF's ISO 8601 rendering of an aware datetime (UTC as a trailing Z)."""
    if value is None:
        return None
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def organization_dict(organization: Organization | None) -> dict | None:
    if organization is None:
        return None
    return {"id": organization.pk, "name": organization.name, "short_name": organization.short_name}


def expert_dict(expert: Expert) -> dict:
    return {
        "id": expert.pk,
        "name": expert.name,
        "organization": organization_dict(expert.organization),
    }


def source_dict(source: Source | None) -> dict | None:
    if source is None:
        return None
    return {
        "id": source.pk,
        "title": source.title,
        "publisher": source.publisher,
        "published_at": iso(source.published_at),
        "url": source.url,
    }


def linked_question_ids(claim: Claim) -> list[int]:
    attached = getattr(claim, "question_ids", None)  # set by the views in one query per page
    return attached if attached is not None else [question.pk for question in claim.questions.all()]


class ClaimSerializer(serializers.ModelSerializer):
    """A claim as read: the expert, the claim's organization and the source come embedded.

    The declared fields document the shape; to_representation builds the same dict directly, because
    a page of 50 claims through DRF's per-field machinery costs more than the database queries.
    tests/api/test_claims.py pins the two to the same output.
    """

    expert = CompactExpertSerializer(read_only=True)
    organization = CompactOrganizationSerializer(
        read_only=True, allow_null=True,
        help_text="The expert's organization when the claim was made (the expert's own may have changed since).",
    )
    source = CompactSourceSerializer(read_only=True, allow_null=True)
    questions = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "expert",
            "organization",
            "source",
            "quote",
            "paraphrase",
            "made_at",
            "kind",
            "capture",
            "extraction_confidence",
            "start_offset",
            "end_offset",
            "analyst_touched",
            "questions",
            "scoring_status",
            "scored_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def to_representation(self, claim: Claim) -> dict:
        return {
            "id": claim.pk,
            "expert": expert_dict(claim.expert),
            "organization": organization_dict(claim.organization),
            "source": source_dict(claim.source),
            "quote": claim.quote,
            "paraphrase": claim.paraphrase,
            "made_at": iso(claim.made_at),
            "kind": claim.kind,
            "capture": claim.capture,
            "extraction_confidence": claim.extraction_confidence,
            "start_offset": claim.start_offset,
            "end_offset": claim.end_offset,
            "analyst_touched": claim.analyst_touched,
            "questions": linked_question_ids(claim),
            "scoring_status": claim.scoring_status,
            "scored_at": iso(claim.scored_at),
            "created_at": iso(claim.created_at),
            "updated_at": iso(claim.updated_at),
        }


class ClaimWriteSerializer(serializers.Serializer):
    """A claim as written: the expert, the organization, the source and the questions by id."""

    expert = serializers.PrimaryKeyRelatedField(queryset=Expert.objects.all())
    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(),
        allow_null=True,
        required=False,
        help_text="The expert's organization when the claim was made. Left out (or null) on create: the "
        "expert's current one; left out when the expert changes: the new expert's.",
    )
    source = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(), allow_null=True, required=False
    )
    quote = serializers.CharField(max_length=20_000, help_text="The expert's words.")
    paraphrase = serializers.CharField(max_length=20_000, allow_blank=True, required=False)
    made_at = serializers.DateTimeField(help_text="When the expert said it.")
    kind = serializers.ChoiceField(choices=Claim.Kind.choices, required=False)
    questions = serializers.PrimaryKeyRelatedField(
        queryset=Question.objects.all(),
        many=True,
        required=False,
        help_text="Questions this claim explicitly speaks to.",
    )
