"""The API docs pages reference no other host: they must work on an offline network."""

import re

import pytest


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_the_docs_pages_name_no_external_url(api, path):
    html = api.get(path).content.decode()
    assert re.findall(r"https?://[^\s\"'<>]+", html) == []
