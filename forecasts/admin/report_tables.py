"""Small HTML tables for report and expert admin pages (escaped with format_html)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

FIGURES = (("n", "forecasts"), ("brier", "Brier"), ("brier_ci", "Brier 95% CI"), ("log_score", "log score"),
           ("brier_skill", "Brier skill"), ("reliability", "reliability"), ("resolution", "resolution"),
           ("uncertainty", "uncertainty"), ("residual", "within-bin residual"), ("auc", "ROC AUC"),
           ("hit_rate", "hit rate at 0.5"), ("n_questions", "questions"), ("n_experts", "experts"))


def figure(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | tuple) and len(value) == 2:
        return f"{figure(value[0])} – {figure(value[1])}"
    if isinstance(value, float):
        return f"{value:.3f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> SafeString:
    head = format_html_join("", "<th>{}</th>", ((h,) for h in header))
    body = format_html_join("", "<tr>{}</tr>", (
        (format_html_join("", "<td>{}</td>", ((figure(cell),) for cell in row)),) for row in rows))
    return format_html('<table class="report-table"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>',
                       head, body)


def figures_table(metrics: dict[str, Any]) -> SafeString:
    rows = [(label, metrics.get(key)) for key, label in FIGURES if key in metrics]
    undefined = metrics.get("undefined") or {}
    rows += [(f"{key} undefined", reason) for key, reason in undefined.items()]
    return table(("figure", "value"), rows)


def bins_table(bins: Sequence[dict[str, Any]]) -> SafeString:
    rows = [(f"[{b['lower']:.2f}, {b['upper']:.2f})", b["count"], b["mean_forecast"], b["observed_frequency"],
             (b["wilson_low"], b["wilson_high"]) if b["count"] else None) for b in bins]
    return table(("bin", "forecasts", "mean forecast", "observed frequency", "Wilson 95%"), rows)


def counts_table(counts: dict[str, int]) -> SafeString:
    return table(("not counted", "forecasts"), [(key.replace("_", " "), value) for key, value in counts.items()])


def lead_time_table(buckets: Sequence[dict[str, Any]]) -> SafeString:
    return table(("lead time", "forecasts", "Brier"), [(b["label"], b["n"], b["brier"]) for b in buckets])


def consensus_table(consensus: dict[str, Any] | None) -> SafeString:
    if not consensus:
        return format_html("<p>{}</p>", "No forecasts to pool.")
    rows = [(key.replace("_", " "), value) for key, value in consensus.items()]
    return table(("consensus (log-odds pool)", "value"), rows)
