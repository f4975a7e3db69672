"""Stance models in the admin: metrics and confusion matrix as tables, explicit activation,
retraining, and the "Re-score" actions used on claims and questions."""

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join

from forecasts.models import StanceModel
from forecasts.services import stance as stance_services
from forecasts.services.queue import enqueue_on_commit
from forecasts.tasks.stance import retrain_stance_model

MODEL_ADMIN_PERMISSION = "forecasts.resolve_question"


def can_manage_models(user) -> bool:
    """Activating or retraining a model changes everyone's forecasts: resolvers and superusers."""
    return bool(
        user and user.is_active and (user.is_superuser or user.has_perm(MODEL_ADMIN_PERMISSION))
    )


@admin.action(description="Re-score with the active stance model", permissions=["change"])
def rescore_claims(modeladmin, request, queryset) -> None:
    count = stance_services.request_scoring(queryset.values_list("pk", flat=True))
    modeladmin.message_user(
        request, f"{count} claim(s) queued for stance scoring.", messages.SUCCESS
    )


@admin.action(description="Re-score claims against these questions", permissions=["change"])
def rescore_questions(modeladmin, request, queryset) -> None:
    count = stance_services.rescore_questions(queryset.values_list("pk", flat=True))
    modeladmin.message_user(
        request,
        f"{count} claim(s) queued for stance scoring against {queryset.count()} question(s).",
        messages.SUCCESS,
    )


def _rows(pairs) -> str:
    return format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", pairs)


def metrics_table(metrics: dict) -> str:
    if not metrics or "macro_f1" not in metrics:
        return "—"
    per_class = metrics.get("per_class_f1", {})
    pairs = [
        ("macro-F1", f"{metrics['macro_f1']:.3f}"),
        ("accuracy", f"{metrics.get('accuracy', 0):.3f}"),
    ]
    pairs += [(f"F1 {label}", f"{value:.3f}") for label, value in per_class.items()]
    pairs += [("evaluated on", f"{metrics.get('n', '?')} pairs, {metrics.get('cv', '')}")]
    return format_html("<table>{}</table>", _rows(pairs))


def confusion_table(metrics: dict) -> str:
    matrix, labels = metrics.get("confusion"), metrics.get("labels")
    if not matrix or not labels:
        return "—"
    head = format_html_join("", "<th>{}</th>", ((label,) for label in labels))
    body = format_html_join(
        "",
        "<tr><th>{}</th>{}</tr>",
        (
            (label, format_html_join("", "<td>{}</td>", ((value,) for value in row)))
            for label, row in zip(labels, matrix, strict=False)
        ),
    )
    return format_html("<table><tr><th>true \\ predicted</th>{}</tr>{}</table>", head, body)


def provenance_table(provenance: dict) -> str:
    if not provenance:
        return "—"
    pairs = [
        (
            source,
            f"{entry.get('rows', '?')} pairs"
            + (f" from {entry['path']}" if entry.get("path") else ""),
        )
        for source, entry in provenance.items()
    ]
    return format_html("<table>{}</table>", _rows(pairs))


@admin.register(StanceModel)
class StanceModelAdmin(admin.ModelAdmin):
    list_display = (
        "version",
        "status",
        "config",
        "trained_at",
        "training_size",
        "macro_f1",
        "disagree_f1",
        "is_active",
    )
    list_filter = ("status", "is_active", "config")
    search_fields = ("version",)
    fields = (
        "version",
        "status",
        "is_active",
        "config",
        "trained_at",
        "training_size",
        "provenance_summary",
        "metrics_summary",
        "confusion_matrix",
        "artifact_path",
        "artifact_sha256",
        "library_versions",
        "error",
        "created_at",
    )
    readonly_fields = fields
    actions = ["activate_model", "retrain_model"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_manage_permission(self, request) -> bool:
        return can_manage_models(request.user)

    @admin.display(description="macro-F1")
    def macro_f1(self, obj: StanceModel) -> str:
        value = (obj.metrics or {}).get("macro_f1")
        return "—" if value is None else f"{value:.3f}"

    @admin.display(description="disagree F1")
    def disagree_f1(self, obj: StanceModel) -> str:
        value = (obj.metrics or {}).get("per_class_f1", {}).get("disagree")
        return "—" if value is None else f"{value:.3f}"

    @admin.display(description="metrics (cross-validated)")
    def metrics_summary(self, obj: StanceModel) -> str:
        return metrics_table(obj.metrics or {})

    @admin.display(description="confusion matrix")
    def confusion_matrix(self, obj: StanceModel) -> str:
        return confusion_table(obj.metrics or {})

    @admin.display(description="training data")
    def provenance_summary(self, obj: StanceModel) -> str:
        return provenance_table(obj.provenance or {})

    @admin.action(description="Activate model (re-scores open questions)", permissions=["manage"])
    def activate_model(self, request, queryset) -> None:
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one model to activate.", messages.ERROR)
            return
        try:
            model = stance_services.activate(queryset.get(), by=request.user)
        except stance_services.StanceModelUnavailable as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        self.message_user(
            request,
            f"{model.version} is now active; open questions are being re-scored.",
            messages.SUCCESS,
        )

    @admin.action(
        description="Retrain from seeds + analyst labels (not activated)", permissions=["manage"]
    )
    def retrain_model(self, request, queryset) -> None:
        enqueue_on_commit(retrain_stance_model)
        self.message_user(
            request, "Retraining queued; the new model appears here when ready.", messages.SUCCESS
        )
