import pytest
from django.core.exceptions import ImproperlyConfigured

from tracker import settings as tracker_settings


@pytest.mark.parametrize("raw", ["maybe", "2"])
def test_a_malformed_boolean_fails_loudly(monkeypatch, raw):
    monkeypatch.setenv("SOME_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        tracker_settings.env_bool("SOME_FLAG", False)


def test_a_malformed_integer_fails_loudly(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER"):
        tracker_settings.env_int("SOME_NUMBER", 1)


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("0", False), ("", True)])
def test_booleans_parse(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert tracker_settings.env_bool("SOME_FLAG", True) is expected


def test_lists_split_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.example, b.example,")
    assert tracker_settings.env_list("HOSTS", "") == ["a.example", "b.example"]


def test_celery_uses_json_late_acks_and_prefetch_one(settings):
    assert (settings.CELERY_TASK_SERIALIZER, settings.CELERY_ACCEPT_CONTENT) == ("json", ["json"])
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1


def test_without_a_cache_url_each_process_caches_in_memory():
    assert tracker_settings.cache_settings("")["BACKEND"].endswith("LocMemCache")


def test_a_redis_cache_url_shares_the_cache():
    config = tracker_settings.cache_settings("redis://127.0.0.1:6379/1")
    assert (config["BACKEND"], config["LOCATION"]) == (
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/1",
    )


def test_a_cache_url_of_another_kind_fails_loudly():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        tracker_settings.cache_settings("memcached://127.0.0.1:11211")
