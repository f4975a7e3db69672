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
