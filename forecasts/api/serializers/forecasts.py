from rest_framework import serializers

from forecasts.models import Claim, Expert, Forecast, Question


class ForecastExpertSerializer(serializers.ModelSerializer):
    class Meta:
        model = Expert
        fields = ["id", "name"]
        read_only_fields = fields


class ForecastClaimSerializer(serializers.ModelSerializer):
    expert = ForecastExpertSerializer(read_only=True)

    class Meta:
        model = Claim
        fields = ["id", "quote", "made_at", "expert"]
        read_only_fields = fields


class ForecastQuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ["id", "title", "status", "outcome"]
        read_only_fields = fields


class ForecastSerializer(serializers.ModelSerializer):
    claim = ForecastClaimSerializer(read_only=True)
    question = ForecastQuestionSerializer(read_only=True)

    class Meta:
        model = Forecast
        fields = [
            "id",
            "claim",
            "question",
            "stance",
            "probability",
            "stance_confidence",
            "class_probabilities",
            "phrase",
            "probability_basis",
            "label_source",
            "model_version",
            "frozen",
            "scored_at",
            "updated_at",
        ]
        read_only_fields = fields


class ForecastOverrideSerializer(serializers.Serializer):
    """An analyst's override: fields left out keep their current value."""

    stance = serializers.ChoiceField(choices=Forecast.Stance.choices, required=False)
    probability = serializers.FloatField(
        min_value=0.0,
        max_value=1.0,
        allow_null=True,
        required=False,
        help_text="P(yes) in [0, 1]; null for neutral or unrelated.",
    )
    note = serializers.CharField(
        max_length=5_000,
        required=False,
        allow_blank=True,
        default="",
        help_text="Why the analyst overrode the model; kept in the history.",
    )
