"""A plain-text digest of a report: its figures and one line per expert (the demo prints it)."""
from __future__ import annotations

import numpy as np

from forecasts.models import CalibrationReport, Expert, Question
from forecasts.selectors.forecasts import ForecastSet, forecast_set
from forecasts.services import report_batches
from forecasts.services.reports import scope_of


def _value(metrics: dict, key: str) -> str:
    value = metrics.get(key)
    return "undefined" if value is None else f"{value:.3f}"


def figure_lines(report: CalibrationReport) -> list[str]:
    m = report.metrics
    ci = m.get("brier_ci")
    interval = f"95% CI {ci[0]:.3f}-{ci[1]:.3f}" if ci else f"no CI: {m['undefined'].get('brier_ci', '')}"
    consensus = m.get("consensus") or {}
    return [
        f"Calibration report #{report.pk} ({report.get_scope_display().lower()}): {report.status}",
        f"  n = {m['n']} forecasts on {m['n_questions']} question(s) by {m['n_experts']} expert(s)",
        f"  Brier {_value(m, 'brier')} ({interval}), log score {_value(m, 'log_score')}, "
        f"hit rate {_value(m, 'hit_rate')}",
        f"  not counted: {', '.join(f'{k} {v}' for k, v in m['not_counted'].items() if v) or 'none'}",
        f"  consensus (log-odds pool) Brier {_value(consensus, 'brier')} on {consensus.get('n_questions', 0)} "
        f"question(s); experts worse than it: {consensus.get('experts_worse_than_consensus', 0)}"
        f"/{consensus.get('experts_compared', 0)}",
    ]


def expert_lines(forecasts: ForecastSet) -> list[str]:
    names = dict(Expert.objects.filter(pk__in=forecasts.expert_ids.tolist()).values_list("pk", "name"))
    titles = dict(Question.objects.filter(pk__in=forecasts.question_ids.tolist()).values_list("pk", "title"))
    lines = []
    for i in np.lexsort((forecasts.question_ids, forecasts.expert_ids)):
        p, y = forecasts.p[i], forecasts.y[i]
        verdict = "right" if (p > 0.5) == (y == 1.0) and p != 0.5 else "wrong"
        lines.append(f"  {names[forecasts.expert_ids[i]]:<20} P(yes)={p:.2f} outcome {'YES' if y else 'NO '} "
                     f"Brier {(p - y) ** 2:.3f} {verdict:<5} {titles[forecasts.question_ids[i]][:60]}")
    return lines


def global_report_digest() -> list[str]:
    """Generate the all-experts report now and describe it."""
    report = report_batches.global_report()
    return figure_lines(report) + ["  per expert:"] + expert_lines(forecast_set(scope_of(report)))
