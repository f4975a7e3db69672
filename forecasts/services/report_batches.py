"""Many reports from one fetch: the weekly per-expert run reads the forecasts once and slices them.

The slices go through the same ``run_report`` as a single report, so a report made in a batch is
identical to one made alone (scope filters commute with the latest-per-expert-and-question rule).
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from forecasts.models import CalibrationReport, Expert
from forecasts.selectors.forecasts import (
    ForecastSet,
    NonForecastCounts,
    Scope,
    forecast_set,
    non_forecast_counts_by_expert,
    roomy_sorts,
)
from forecasts.services import reports as report_services

ScopeKind = CalibrationReport.Scope
# An organization report is not cut from the shared fetch: it counts the claims made for the
# organization (Claim.organization), which need not be those of its experts today.
SLICEABLE = (ScopeKind.ALL, ScopeKind.EXPERT)
SHARED_FETCH_MIN = 20  # below this, one small query per report beats one fetch of everything


def global_report() -> CalibrationReport:
    """Create and generate the all-experts, all-time report now."""
    report = report_services.request_report(scope=ScopeKind.ALL, enqueue=False)
    return report_services.run_report(report.pk) or report


def expert_reports(expert_ids: Iterable[int] | None = None) -> list[CalibrationReport]:
    """One report per expert (default: every expert who made a claim), generated in one batch."""
    if expert_ids is None:
        expert_ids = Expert.objects.filter(claims__isnull=False).distinct().values_list("pk", flat=True)
    reports = CalibrationReport.objects.bulk_create(
        [CalibrationReport(scope=ScopeKind.EXPERT, expert_id=pk) for pk in expert_ids]
    )
    run_batch([report.pk for report in reports])
    return reports


class BatchSource:
    """The forecasts of one period, fetched once, with per-expert non-forecast counts."""

    def __init__(self, since, until) -> None:
        scope = Scope(since=since, until=until)
        self.forecasts: ForecastSet = forecast_set(scope, with_counts=False)
        experts, per_expert = np.unique(self.forecasts.expert_ids, return_counts=True)
        with roomy_sorts():
            self.counts = non_forecast_counts_by_expert(scope, dict(zip(experts.tolist(), per_expert.tolist(),
                                                                        strict=True)))
        self.names = report_services.names_for(self.forecasts)
        self.order = np.argsort(self.forecasts.expert_ids, kind="stable")
        self.sorted_experts = self.forecasts.expert_ids[self.order]

    def for_experts(self, expert_ids: list[int]) -> ForecastSet:
        counts = sum((self.counts.get(pk, NonForecastCounts()) for pk in expert_ids), NonForecastCounts())
        if len(expert_ids) == 1:
            start, stop = np.searchsorted(self.sorted_experts, [expert_ids[0], expert_ids[0] + 1])
            mask = np.zeros(self.forecasts.n, dtype=bool)
            mask[self.order[start:stop]] = True
        else:
            mask = np.isin(self.forecasts.expert_ids, expert_ids)
        return self.forecasts.where(mask, counts)

    def for_report(self, report: CalibrationReport) -> ForecastSet:
        if report.scope == ScopeKind.EXPERT:
            return self.for_experts([report.expert_id])
        return self.for_experts(list(self.counts))


def run_batch(report_ids: list[int]) -> int:
    """Generate the given reports, sharing one fetch per period; returns how many were stored."""
    reports = CalibrationReport.objects.filter(pk__in=report_ids).order_by("pk")
    groups: dict[tuple, list[CalibrationReport]] = {}
    for report in reports:
        key = (report.period_start, report.period_end) if report.scope in SLICEABLE else ("alone", report.pk)
        groups.setdefault(key, []).append(report)
    done = 0
    for key, members in groups.items():
        shared = len(members) >= SHARED_FETCH_MIN and key[0] != "alone"
        source = BatchSource(*key) if shared else None
        for report in members:
            forecasts = source.for_report(report) if source else None
            names = source.names if source else None
            result = report_services.run_report(report.pk, forecasts, names)
            done += bool(result and result.status == CalibrationReport.Status.DONE)
    return done
