"""What the data-version triggers cost bulk writes on PostgreSQL.

    .venv/bin/python bench/data_version.py [--rows 50000] [--rounds 3]

In a scratch database (`tracker_bench_triggers`, created if missing): bulk_create N experts in one
transaction, then one UPDATE of all N, with the trigger on the experts table and without it,
alternating, and prints the best time of each. The trigger queues one deferred event per row and
bumps the version once per transaction at commit.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
URL = "postgres://postgres@127.0.0.1:5432/tracker_bench_triggers"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.update(DATABASE_URL=URL, DJANGO_SETTINGS_MODULE="tracker.settings")
    from bench.api_load import ensure_database

    ensure_database(URL)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    best: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for triggers in (True, False):
            timings = write_round(args.rows, triggers)
            label = "with trigger" if triggers else "without"
            best[label] = [min(a, b) for a, b in zip(best.get(label, timings), timings, strict=True)]
    for label, (create, update) in best.items():
        print(f"{label:>13}: bulk_create {args.rows:,} rows {create:.2f} s, UPDATE of all rows {update:.2f} s")
    extra = [(w - wo) / args.rows * 1e6 for w, wo in zip(best["with trigger"], best["without"], strict=True)]
    print(f"trigger cost per row: insert {extra[0]:.1f} us, update {extra[1]:.1f} us (best of {args.rounds})")


def write_round(rows: int, triggers: bool) -> list[float]:
    from django.db import connection, transaction

    from forecasts.models import Expert
    from forecasts.services import data_version

    Expert.objects.all().delete()
    if triggers:
        data_version.install_triggers(tables=[Expert._meta.db_table])
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER IF EXISTS {data_version.TRIGGER} ON {Expert._meta.db_table}")
    started = time.perf_counter()
    with transaction.atomic():
        Expert.objects.bulk_create(
            [Expert(name=f"Expert {i}", slug=f"expert-{i}") for i in range(rows)], batch_size=5000
        )
    created = time.perf_counter() - started
    started = time.perf_counter()
    Expert.objects.update(notes="bench")
    updated = time.perf_counter() - started
    data_version.install_triggers(tables=[Expert._meta.db_table])
    return [created, updated]


if __name__ == "__main__":
    main()
