"""A small threaded HTTP load generator, used by api_load.py when wrk is not installed."""

import http.client
import threading
import time
from urllib.parse import urlsplit


def _worker(url: str, stop_at: float, latencies: list[float], errors: list[int]) -> None:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    while time.perf_counter() < stop_at:
        started = time.perf_counter()
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        try:
            connection.request("GET", target)
            response = connection.getresponse()
            response.read()
            errors.append(int(response.status >= 400))
        except OSError:
            errors.append(1)
        finally:
            connection.close()
        latencies.append(time.perf_counter() - started)


def drive(url: str, duration: int, connections: int) -> tuple[float, list[float], int]:
    """Requests/s, sorted latencies (s) and the error count for `duration` seconds of load."""
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    threads = [
        threading.Thread(target=_worker, args=(url, started + duration, latencies, errors))
        for _ in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies) / (time.perf_counter() - started), sorted(latencies), sum(errors)
