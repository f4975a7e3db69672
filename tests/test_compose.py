"""docker-compose.yml cannot run here; check that what it runs exists in the project."""
import shlex
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
APP_SERVICES = ["web", "worker", "beat"]


def commands_of(service: str) -> list[list[str]]:
    raw = COMPOSE["services"][service]["command"]
    text = raw if isinstance(raw, str) else shlex.join(raw)
    text = text.removeprefix('sh -c "').removeprefix("sh -c ").strip('"')
    return [shlex.split(part) for part in text.split("&&")]


def test_it_defines_the_five_services():
    assert set(COMPOSE["services"]) == {"postgres", "redis", "web", "worker", "beat"}


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_services_share_one_image_and_the_service_urls(service):
    definition = COMPOSE["services"][service]
    assert definition["image"] == "forecast-tracker"
    assert definition["environment"]["DATABASE_URL"].startswith("postgres://")
    assert definition["environment"]["CELERY_BROKER_URL"].startswith("redis://redis:")


def all_commands() -> list[list[str]]:
    return [argv for service in APP_SERVICES for argv in commands_of(service)]


@pytest.mark.parametrize("argv", [a for a in all_commands() if a[:2] == ["python", "manage.py"]], ids=str)
def test_manage_py_commands_exist(argv):
    assert argv[2] in get_commands()


@pytest.mark.parametrize("argv", [a for a in all_commands() if a[0] == "gunicorn"], ids=str)
def test_the_wsgi_application_imports(argv):
    module, attribute = argv[1].split(":")
    assert module == "tracker.wsgi"
    assert (ROOT / "tracker" / "wsgi.py").exists()
    assert attribute == "application"


@pytest.mark.parametrize("argv", [a for a in all_commands() if a[0] == "celery"], ids=str)
def test_celery_commands_point_at_the_project_app(argv):
    from tracker.celery import app

    assert argv[argv.index("-A") + 1] == "tracker"
    assert app.main == "tracker"


def test_the_beat_scheduler_is_importable():
    from django.utils.module_loading import import_string

    argv = commands_of("beat")[0]
    assert import_string(argv[argv.index("--scheduler") + 1].replace(":", "."))


def test_the_dockerfile_installs_the_pinned_requirements():
    assert "pip install --no-cache-dir -r requirements.txt" in (ROOT / "Dockerfile").read_text()
