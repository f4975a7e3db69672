"""Settings for bench/api_load.py: the project's settings, plus a bare JSON view to compare against.

Throttling is switched off: the bench measures what serving a request costs, not the rate limit.
"""
from tracker.settings import *  # noqa: F403
from tracker.settings import REST_FRAMEWORK

ROOT_URLCONF = "bench.api_urls"
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
