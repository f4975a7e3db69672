"""The OpenAPI schema generates without warnings and the docs are served offline."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

OPERATIONS = [
    ("/api/v1/questions/{id}/resolve/", "post"),
    ("/api/v1/questions/{id}/annul/", "post"),
    ("/api/v1/questions/{id}/close/", "post"),
    ("/api/v1/questions/{id}/reopen/", "post"),
    ("/api/v1/questions/{id}/history/", "get"),
    ("/api/v1/forecasts/{id}/history/", "get"),
    ("/api/v1/forecasts/{id}/", "patch"),
    ("/api/v1/claims/", "post"),
]


def test_the_schema_validates_with_no_warnings(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )
    assert (tmp_path / "schema.yml").stat().st_size > 10_000


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_every_action_documents_its_errors(api, path, method):
    operation = api.get("/api/schema/?format=json").json()["paths"][path][method]
    assert {"400", "401"} <= set(operation["responses"]) or {"404", "401"} <= set(
        operation["responses"]
    )


@pytest.mark.parametrize("path", ["/api/v1/questions/{id}/resolve/", "/api/v1/forecasts/{id}/"])
def test_conflicts_are_documented_where_they_happen(api, path):
    operations = api.get("/api/schema/?format=json").json()["paths"][path]
    assert any(
        "409" in operation["responses"]
        for operation in operations.values()
        if "responses" in operation
    )


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_the_docs_load_their_assets_from_this_server(api, path):
    html = api.get(path).content.decode()
    assert ("/static/drf_spectacular_sidecar/" in html, "cdn.jsdelivr" in html) == (True, False)
