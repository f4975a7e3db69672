"""Track records and the leaderboard (reads only): who is worth listening to, with honest intervals.

Raw Brier scores favour experts who answer easy questions, so the leaderboard also ranks by the
question-difficulty-adjusted skill of ``forecasts.scoring.fit_skill``: each forecast's squared error
minus the mean squared error of everyone on that question, averaged per expert with ridge
shrinkage toward 0 (few shared forecasts -> close to 0), higher is better, with a bootstrap CI
over questions.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from django.conf import settings

from forecasts.models import Expert
from forecasts.reports.build import consensus_comparison
from forecasts.scoring import ExpertSkill, Summary, fit_skill, summarize
from forecasts.selectors.forecasts import ForecastSet, Scope, forecast_set

SCORES = ("brier", "brier_ci", "log_score", "brier_skill", "auc", "hit_rate")


def _skill_dict(skill: ExpertSkill | None) -> dict[str, Any]:
    if skill is None or not skill.skill.defined:
        reason = skill.skill.reason if skill else "no forecasts"
        return {"adjusted_skill": None, "adjusted_skill_ci": None, "adjusted_skill_n": 0,
                "adjusted_skill_undefined": reason}
    ci = [skill.ci.low, skill.ci.high] if skill.ci.defined else None
    return {"adjusted_skill": skill.skill.value, "adjusted_skill_ci": ci, "adjusted_skill_n": skill.n}


def _skill_ci_reason(skill: ExpertSkill | None) -> dict[str, str]:
    if skill is None or not skill.skill.defined or skill.ci.defined:
        return {}
    return {"adjusted_skill_ci": skill.ci.reason}


@dataclass(frozen=True)
class TrackRecord:
    expert_id: int
    summary: Summary
    skill: ExpertSkill | None
    not_counted: dict[str, int]

    def as_dict(self, with_bins: bool = True) -> dict[str, Any]:
        scores = self.summary.as_dict()
        row = {"expert": self.expert_id, "n_resolved": self.summary.n,
               **{name: scores[name] for name in SCORES}, **_skill_dict(self.skill),
               "undefined": {**scores["undefined"], **_skill_ci_reason(self.skill)}}
        if with_bins:
            row["bins"] = scores["bins"]
            row["not_counted"] = self.not_counted
        return row


def skill_of(expert_id: int, peers: ForecastSet) -> ExpertSkill | None:
    if not peers.n:
        return None
    skills = fit_skill(peers.question_ids, peers.expert_ids, peers.p, peers.y)
    return next((s for s in skills if s.expert == expert_id), None)


def track_record(expert: Expert, since: date | None = None, until: date | None = None) -> TrackRecord:
    """One expert's scores; the adjusted skill compares them with everyone on the same questions."""
    own = forecast_set(Scope(expert_id=expert.pk, since=since, until=until))
    questions = tuple(np.unique(own.question_ids).tolist())
    peers = forecast_set(Scope(question_ids=questions, since=since, until=until), with_counts=False)
    return TrackRecord(expert.pk, summarize(own.p, own.y), skill_of(expert.pk, peers),
                       own.counts.as_dict())


def _per_expert(forecasts: ForecastSet) -> dict[int, Summary]:
    order = np.argsort(forecasts.expert_ids, kind="stable")
    experts, starts = np.unique(forecasts.expert_ids[order], return_index=True)
    bounds = np.append(starts, forecasts.n)
    return {int(e): summarize(forecasts.p[order[a:b]], forecasts.y[order[a:b]])
            for e, a, b in zip(experts, bounds[:-1], bounds[1:], strict=True)}


def _names(ids) -> dict[int, tuple[str, str]]:
    return {pk: (name, slug) for pk, name, slug in
            Expert.objects.filter(pk__in=list(ids)).values_list("pk", "name", "slug")}


def _row(expert_id: int, summary: Summary, skill: ExpertSkill | None, names: dict) -> dict[str, Any]:
    name, slug = names.get(expert_id, ("", ""))
    record = TrackRecord(expert_id, summary, skill, {}).as_dict(with_bins=False)
    return {**record, "name": name, "slug": slug}


def _ranked(rows: list[dict], key: str, reverse: bool) -> list[dict]:
    scored = sorted((r for r in rows if r[key] is not None), key=lambda r: r[key], reverse=reverse)
    return [{"rank": i + 1, **row} for i, row in enumerate(scored)]


def leaderboard(since: date | None = None, until: date | None = None,
                min_forecasts: int | None = None) -> dict[str, Any]:
    """Experts with at least ``min_forecasts`` counted forecasts, by Brier and by adjusted skill."""
    minimum = settings.LEADERBOARD_MIN_FORECASTS if min_forecasts is None else min_forecasts
    forecasts = forecast_set(Scope(since=since, until=until), with_counts=False)
    summaries = _per_expert(forecasts)
    skills = {s.expert: s for s in fit_skill(forecasts.question_ids, forecasts.expert_ids,
                                             forecasts.p, forecasts.y)} if forecasts.n else {}
    eligible = [pk for pk, summary in summaries.items() if summary.n >= minimum]
    names = _names(eligible)
    rows = [_row(pk, summaries[pk], skills.get(pk), names) for pk in eligible]
    consensus = consensus_comparison(forecasts)
    return {
        "min_forecasts": minimum,
        "n_experts_total": len(summaries),
        "by_brier": _ranked(rows, "brier", reverse=False),
        "by_adjusted_skill": _ranked(rows, "adjusted_skill", reverse=True),
        "consensus": consensus.as_dict() if consensus else None,
    }
