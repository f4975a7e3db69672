"""An API URL that matches no route answers JSON like every other API error."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/claims/abc/", "/api/v1/no-such-resource/"])
def test_an_unknown_api_url_is_a_json_not_found(client, path):
    response = client.get(path)
    assert (response.status_code, response.json()) == (404, {"detail": "Not found.", "code": "not_found"})


def test_an_unknown_page_outside_the_api_keeps_the_html_not_found(client):
    response = client.get("/no-such-page/")
    assert (response.status_code, response["Content-Type"].startswith("text/html")) == (404, True)
