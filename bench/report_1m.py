"""Calibration reports at scale: 1,000,000 resolved forecasts, 1,000 experts, 20,000 questions.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench_reports .venv/bin/python bench/report_1m.py

Creates the database if missing, migrates it and loads the data with COPY (once; --reload forces
it) in a child process, so this process's peak memory is the report's. Then prints: the global
report end to end (query -> metrics -> PNG -> CSV -> stored), all per-expert reports (the weekly
batch: one fetch, sliced in numpy, each slice through the same run_report as the app), peak RSS,
and the math alone against scikit-learn on the same arrays. Figures only, no assertions.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/tracker_bench_reports"
DAY = 86_400


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()


def synthetic(n: int, n_experts: int, n_questions: int, seed: int = 0):
    """Unique (expert, question) pairs; sharper experts sit closer to each question's true chance."""
    rng = np.random.default_rng(seed)
    pairs = rng.choice(n_questions * n_experts, size=n, replace=False)
    questions, experts = pairs // n_experts, pairs % n_experts
    truth = rng.normal(0.0, 1.5, n_questions)
    outcomes = rng.random(n_questions) < 1.0 / (1.0 + np.exp(-truth))
    noise = rng.uniform(0.3, 2.0, n_experts)[experts] * rng.standard_normal(n)
    p = np.round(1.0 / (1.0 + np.exp(-(truth[questions] + noise))), 4)
    return questions, experts, p, outcomes


def copy_rows(cursor, table: str, columns: str, rows) -> None:
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def load(n: int, n_experts: int, n_questions: int) -> None:
    """Fresh tables filled with COPY; every question resolved and due, every claim before its deadline."""
    from datetime import UTC, datetime

    from django.db import connection

    questions, experts, p, outcomes = synthetic(n, n_experts, n_questions)
    base = datetime(2023, 1, 1, tzinfo=UTC).timestamp()
    closes = base + np.arange(n_questions) % 365 * DAY
    made = closes[questions] - (1 + (np.arange(n) % 200)) * DAY
    stamp = datetime.fromtimestamp
    now = datetime.now(UTC)
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        cursor.execute("TRUNCATE forecasts_forecast, forecasts_claim, forecasts_question, forecasts_expert, "
                       "forecasts_calibrationreport RESTART IDENTITY CASCADE")
        copy_rows(cursor, "forecasts_expert", "id, name, slug, aliases, role, needs_review, notes, created_at",
                  ((i + 1, f"Expert {i}", f"expert-{i}", "[]", "", False, "", now) for i in range(n_experts)))
        copy_rows(cursor, "forecasts_question",
                  "id, title, resolution_criteria, opens_at, closes_at, resolve_by, status, outcome, resolved_at, "
                  "evidence_url, resolution_note, created_at, updated_at",
                  ((q + 1, f"Bench question {q}", "", stamp(closes[q] - 400 * DAY, UTC), stamp(closes[q], UTC),
                    stamp(closes[q] + DAY, UTC), "resolved", "yes" if outcomes[q] else "no",
                    stamp(closes[q] + DAY, UTC), "", "", now, now) for q in range(n_questions)))
        copy_rows(cursor, "forecasts_claim",
                  "id, expert_id, quote, quote_sha256, paraphrase, made_at, kind, capture, extraction_pattern, "
                  "analyst_touched, scoring_status, scoring_error, scoring_attempts, created_at, updated_at",
                  ((i + 1, int(experts[i]) + 1, "bench", "0" * 64, "", stamp(made[i], UTC), "forecast", "manual",
                    "", False, "done", "", 0, now, now) for i in range(n)))
        copy_rows(cursor, "forecasts_forecast",
                  "id, claim_id, question_id, stance, probability, class_probabilities, phrase, probability_basis, "
                  "label_source, model_version, frozen, scored_at, updated_at",
                  ((i + 1, i + 1, int(questions[i]) + 1, "agree" if p[i] >= 0.5 else "disagree", float(p[i]), "{}",
                    "", "", "model", "", True, now, now) for i in range(n)))
        for table in ("expert", "question", "claim", "forecast"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('forecasts_{table}', 'id'), "  # noqa: S608
                           f"(SELECT MAX(id) FROM forecasts_{table}))")
        cursor.execute("ANALYZE")


def load_in_child(args) -> None:
    command = [sys.executable, __file__, "--load-only", "--n", str(args.n), "--experts", str(args.experts),
               "--questions", str(args.questions)]
    subprocess.run(command, check=True, cwd=ROOT)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


CPU = {"last": 0.0}


def timed(function):
    """Wall seconds; the process CPU seconds of the last call go to CPU['last'] (robust to a busy box)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = function()
    CPU["last"] = time.process_time() - cpu
    return result, time.perf_counter() - start


def best_of(function, repeats: int = 3) -> float:
    return min(timed(function)[1] for _ in range(repeats))


def global_report_figures() -> None:
    from forecasts.reports.build import build_content
    from forecasts.selectors.forecasts import Scope, forecast_set
    from forecasts.services import reports

    for run in ("cold", "warm"):  # cold: the first read after loading or other work on the box
        report = reports.request_report(enqueue=False)
        done, seconds = timed(lambda pk=report.pk: reports.run_report(pk))
        print(f"global report end to end s {run}  {seconds:.2f}  (CPU {CPU['last']:.2f} s in this process; "
              f"status {done.status}, n {done.metrics.get('n')})")
    fetched, fetch_s = timed(lambda: forecast_set(Scope()))
    content, math_s = timed(lambda: build_content(fetched))
    _, render_s = timed(lambda: reports.render_artifacts(content, "All experts"))
    print(f"  of which: query {fetch_s:.2f}, metrics {math_s:.2f}, PNG + CSVs {render_s:.2f}")
    print(f"peak RSS after global report MiB {peak_mib():.0f}")


def expert_reports_figures() -> None:
    from forecasts.models import CalibrationReport
    from forecasts.services import report_batches

    made, seconds = timed(report_batches.expert_reports)
    done = CalibrationReport.objects.filter(pk__in=[r.pk for r in made], status="done").count()
    each = seconds / max(done, 1) * 1000
    print(f"all per-expert reports s         {seconds:.2f}  (CPU {CPU['last']:.2f} s in this process; "
          f"{done} reports, {each:.0f} ms each)")
    print(f"peak RSS after per-expert MiB    {peak_mib():.0f}")


def math_against_sklearn() -> None:
    from sklearn.calibration import calibration_curve
    from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

    from forecasts.scoring import summarize
    from forecasts.selectors.forecasts import Scope, forecast_set

    fs = forecast_set(Scope(), with_counts=False)
    p, y = fs.p, fs.y

    def theirs():
        brier_score_loss(y, p)
        log_loss(y, p)
        calibration_curve(y, p, n_bins=10)
        roc_auc_score(y, p)

    ours_s = best_of(lambda: summarize(p, y, resamples=1000))
    theirs_s = best_of(theirs)
    print(f"math alone: summarize() s        {ours_s:.3f}  (Brier, CI, log, skill, Murphy, AUC, hit rate, bins)")
    print(f"scikit-learn s                   {theirs_s:.3f}  (brier_score_loss, log_loss, calibration_curve, "
          "roc_auc_score)")
    print(f"ratio ours / scikit-learn        {ours_s / theirs_s:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--experts", type=int, default=1_000)
    parser.add_argument("--questions", type=int, default=20_000)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--load-only", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("MEDIA_ROOT", "/tmp/tracker_bench_media")
    if args.load_only:
        setup_django()
        start = time.perf_counter()
        load(args.n, args.experts, args.questions)
        print(f"loaded {args.n:,} forecasts with COPY in {time.perf_counter() - start:.1f} s")
        return
    ensure_database(os.environ["DATABASE_URL"])
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], check=True, cwd=ROOT)
    setup_django()
    from forecasts.models import Forecast

    if args.reload or Forecast.objects.count() != args.n:
        load_in_child(args)
    print(f"forecasts {args.n:,}, experts {args.experts:,}, questions {args.questions:,} (PostgreSQL); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    global_report_figures()
    expert_reports_figures()
    math_against_sklearn()
    print(f"peak RSS MiB                     {peak_mib():.0f}")


if __name__ == "__main__":
    main()
