from rest_framework import serializers

from forecasts.api.serializers.people import CompactExpertSerializer
from forecasts.api.serializers.sources import CompactSourceSerializer
from forecasts.models import Claim, Expert, Question, Source


class ClaimSerializer(serializers.ModelSerializer):
    """A claim as read: the expert and the source come embedded."""

    expert = CompactExpertSerializer(read_only=True)
    source = CompactSourceSerializer(read_only=True, allow_null=True)
    questions = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id", "expert", "source", "quote", "paraphrase", "made_at", "kind", "capture",
            "extraction_confidence", "start_offset", "end_offset", "analyst_touched", "questions",
            "scoring_status", "scored_at", "created_at", "updated_at",
        ]
        read_only_fields = fields


class ClaimWriteSerializer(serializers.Serializer):
    """A claim as written: the expert, the source and the questions by id."""

    expert = serializers.PrimaryKeyRelatedField(queryset=Expert.objects.all())
    source = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(), allow_null=True, required=False
    )
    quote = serializers.CharField(max_length=20_000, help_text="The expert's words.")
    paraphrase = serializers.CharField(max_length=20_000, allow_blank=True, required=False)
    made_at = serializers.DateTimeField(help_text="When the expert said it.")
    kind = serializers.ChoiceField(choices=Claim.Kind.choices, required=False)
    questions = serializers.PrimaryKeyRelatedField(
        queryset=Question.objects.all(), many=True, required=False,
        help_text="Questions this claim explicitly speaks to.",
    )
