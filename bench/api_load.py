"""Load-test the REST API at 100,000 claims: PostgreSQL, gunicorn (2 workers), wrk from a second process.

    .venv/bin/python bench/api_load.py [--claims 100000] [--duration 5] [--rounds 3] [--connections 4]

Creates the database if missing and loads it once (reused while the claim count matches), serves the
project with gunicorn on a free 127.0.0.1 port (throttling off, persistent DB connections) with the
response cache off, on, on under a steady stream of committed writes, and shared through Redis under
the same writes, and drives each endpoint with wrk (or a threaded Python client when wrk is not
installed). Each endpoint is run `--rounds` times, each run right after a run of a bare Django
JsonResponse view; prints the median requests/s and p50/p95/p99 latency per endpoint and the median
of the per-round throughput ratios to the bare view.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/tracker_bench"
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format('{"requests": %d, "seconds": %f, "errors": %d, "p50": %d, "p95": %d, "p99": %d}\\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


@dataclass(frozen=True)
class Result:
    name: str
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=5, help="seconds per run")
    parser.add_argument("--rounds", type=int, default=3, help="bare/endpoint run pairs per endpoint")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread when > 1)")
    parser.add_argument("--modes", nargs="+", choices=list(MODES), default=list(MODES))
    return parser.parse_args()


def ensure_database(url: str) -> None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    admin = psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{config["NAME"]}"')


# Server configurations. Every read is exact in all of them: the response cache is keyed on the data
# version that database triggers move at each committed write (forecasts/services/data_version.py).
@dataclass(frozen=True)
class Mode:
    settings: dict
    writes_per_second: int = 0


SHARED_CACHE = {"API_RESPONSE_CACHE": "true", "CACHE_URL": "redis://127.0.0.1:6379/2"}
MODES = {
    "response cache off": Mode({"API_RESPONSE_CACHE": "false"}),
    "response cache on (default)": Mode({"API_RESPONSE_CACHE": "true"}),
    # The cache's worst case: every committed write moves the data version and invalidates every entry.
    "response cache on, 10 committed writes/s": Mode({"API_RESPONSE_CACHE": "true"}, writes_per_second=10),
    "response cache in Redis (CACHE_URL), 10 committed writes/s": Mode(SHARED_CACHE, writes_per_second=10),
}


def bench_environment(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench.api_settings",
        "DB_CONN_MAX_AGE": "600",
        "DEBUG": "false",
        "API_THROTTLE_ANON": "1000000/second",
        "API_THROTTLE_USER": "1000000/second",
        "PYTHONPATH": str(ROOT),
    }


def prepare_data(claims: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    from bench.api_data import Sizes, analyze, load
    from forecasts.models import Claim, Question

    call_command("migrate", verbosity=0)
    if Claim.objects.count() != claims:
        print(f"loading {claims:,} claims ...", flush=True)
        started = time.perf_counter()
        call_command("flush", interactive=False, verbosity=0)
        load(Sizes(claims=claims))
        print(f"loaded in {time.perf_counter() - started:.0f} s", flush=True)
    analyze()
    middle = Claim.objects.order_by("pk").values_list("pk", flat=True)[claims // 2]
    tag = Question.tags.through.objects.values_list("tag__slug", flat=True).first()
    return {"claim": middle, "tag": tag}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port: int, workers: int, threads: int, env: dict) -> subprocess.Popen:
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(
        [
            gunicorn,
            "tracker.wsgi:application",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--chdir",
            str(ROOT),
        ],
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/bare/", timeout=2):  # noqa: S310
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 30 s")


def run_wrk(name: str, url: str, duration: int, connections: int) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "-s", script.name, url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    Path(script.name).unlink()
    figures = json.loads(output.strip().splitlines()[-1])
    return Result(
        name,
        figures["requests"] / figures["seconds"],
        figures["p50"] / 1e3,
        figures["p95"] / 1e3,
        figures["p99"] / 1e3,
        figures["errors"],
    )


def run_python_client(name: str, url: str, duration: int, connections: int) -> Result:
    """Fallback when wrk is missing: `connections` threads, one request at a time each."""
    from bench.api_client import drive

    rps, latencies, errors = drive(url, duration, connections)
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1e3  # noqa: E731
    return Result(name, rps, pick(0.50), pick(0.95), pick(0.99), errors)


def measure(name: str, url: str, args: argparse.Namespace, warm_up: bool = True) -> Result:
    drive = run_wrk if shutil.which("wrk") else run_python_client
    if warm_up:
        drive(name, url, 2, args.connections)  # worker imports, connection, caches
    return drive(name, url, args.duration, args.connections)


def median_result(name: str, runs: list[Result]) -> Result:
    pick = lambda attribute: statistics.median(getattr(r, attribute) for r in runs)  # noqa: E731
    return Result(name, pick("rps"), pick("p50_ms"), pick("p95_ms"), pick("p99_ms"), sum(r.errors for r in runs))


def measure_against_bare(
    name: str, url: str, bare_url: str, args: argparse.Namespace, bare_runs: list[Result]
) -> tuple[Result, float]:
    """`args.rounds` rounds of (bare view, endpoint) back to back; each ratio compares the two runs of a
    round, so a burst of load from other jobs hits both sides of it. Medians over the rounds."""
    runs, ratios = [], []
    for round_number in range(args.rounds):
        bare = measure("bare JsonResponse", bare_url, args, warm_up=round_number == 0 and not bare_runs)
        run = measure(name, url, args, warm_up=round_number == 0)
        bare_runs.append(bare)
        runs.append(run)
        ratios.append(run.rps / bare.rps)
    return median_result(name, runs), statistics.median(ratios)


def report(mode: str, results: list[tuple[Result, float]]) -> None:
    print(f"\n[{mode}]")
    print(
        f"{'endpoint':<34}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'x bare':>8}{'errors':>8}"
    )
    for r, ratio in results:
        print(
            f"{r.name:<34}{r.rps:>9.0f}{r.p50_ms:>9.1f}{r.p95_ms:>9.1f}{r.p99_ms:>9.1f}"
            f"{ratio:>8.2f}{r.errors:>8}"
        )
    listing, ratio = results[1]
    print(
        f"\nclaims list: p95 {listing.p95_ms:.1f} ms (target <= 50), "
        f"{ratio:.2f} x bare throughput (target >= 0.5)"
    )


def endpoints(base: str, ids: dict) -> list[tuple[str, str]]:
    return [
        ("bare JsonResponse", f"{base}/bench/bare/"),
        ("claims list (page_size=50)", f"{base}/api/v1/claims/?page_size=50"),
        ("claim detail", f"{base}/api/v1/claims/{ids['claim']}/"),
        (
            "questions, filtered",
            f"{base}/api/v1/questions/?status=open&tag={ids['tag']}"
            "&closes_after=2021-01-01T00:00:00Z",
        ),
        ("forecasts list (page_size=50)", f"{base}/api/v1/forecasts/?page_size=50"),
    ]


def run_mode(name: str, mode: Mode, env: dict, ids: dict, args: argparse.Namespace) -> list[tuple[Result, float]]:
    port = free_port()
    server = start_gunicorn(port, args.workers, args.threads, {**env, **mode.settings})
    writer = Writer(args.database_url, ids["claim"], mode.writes_per_second) if mode.writes_per_second else None
    try:
        if writer:
            writer.start()
        (_, bare_url), *others = endpoints(f"http://127.0.0.1:{port}", ids)
        bare_runs: list[Result] = []
        measured = [measure_against_bare(label, url, bare_url, args, bare_runs) for label, url in others]
        return [(median_result("bare JsonResponse", bare_runs), 1.0), *measured]
    finally:
        if writer:
            writer.stop()
            print(f"[{name}] background writer committed {writer.commits} writes", flush=True)
        server.terminate()
        server.wait(timeout=10)


class Writer(threading.Thread):
    """Commits a change to one claim `per_second` times a second, from its own connection."""

    def __init__(self, url: str, claim_id: int, per_second: int) -> None:
        super().__init__(daemon=True)
        self.url, self.claim_id, self.per_second, self.commits = url, claim_id, per_second, 0
        self.halt = threading.Event()

    def run(self) -> None:
        import dj_database_url
        import psycopg

        config = dj_database_url.parse(self.url)
        with psycopg.connect(
            host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"],
            password=config["PASSWORD"] or None, dbname=config["NAME"], autocommit=True,
        ) as connection:
            while not self.halt.wait(1 / self.per_second):
                connection.execute(
                    "UPDATE forecasts_claim SET paraphrase = %s WHERE id = %s", [f"edit {self.commits}", self.claim_id]
                )
                self.commits += 1

    def stop(self) -> None:
        self.halt.set()
        self.join(timeout=5)


def main() -> None:
    args = parse_args()
    ensure_database(args.database_url)
    env = bench_environment(args.database_url)
    os.environ.update(env)
    ids = prepare_data(args.claims)
    results = {name: run_mode(name, MODES[name], env, ids, args) for name in args.modes}
    print(
        f"\n{args.claims:,} claims, gunicorn {args.workers} workers x {args.threads} threads, "
        f"{args.connections} connections, "
        f"{args.rounds} rounds of {args.duration} s per endpoint and bare view, "
        f"driver: {'wrk' if shutil.which('wrk') else 'python threads'}, "
        f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    for mode, figures in results.items():
        report(mode, figures)


if __name__ == "__main__":
    main()
