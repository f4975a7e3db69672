"""The expert page's track record (a read-only field computed on display)."""
from django.contrib import admin

from forecasts.admin import report_tables
from forecasts.models import Expert
from forecasts.services.track_records import track_record

TRACK_FIGURES = (("n_resolved", "resolved forecasts"), ("brier", "Brier"), ("brier_ci", "Brier 95% CI"),
                 ("log_score", "log score"), ("brier_skill", "Brier skill"), ("auc", "ROC AUC"),
                 ("hit_rate", "hit rate at 0.5"), ("adjusted_skill", "difficulty-adjusted skill"),
                 ("adjusted_skill_ci", "adjusted skill 95% CI"))


class TrackRecordMixin:
    @admin.display(description="track record")
    def track_record(self, obj: Expert) -> str:
        if obj is None or obj.pk is None:
            return "—"
        record = track_record(obj).as_dict()
        figures = report_tables.table(("figure", "value"),
                                      [(label, record[key]) for key, label in TRACK_FIGURES])
        bins = [b for b in record["bins"] if b["count"]]
        return figures + report_tables.bins_table(bins) if bins else figures
