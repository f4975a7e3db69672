"""schemathesis drives the project's own OpenAPI schema in-process (WSGI): `make fuzz`.

At least 1000 generated requests across every operation, half anonymous and half with a superuser's
token, against a seeded database. Any 5xx, undocumented status code, wrong content type or body that
does not match the documented schema fails the run.
"""

import os

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from forecasts.services import questions as question_services
from tests.factories import (
    CalibrationReportFactory,
    ClaimFactory,
    ForecastFactory,
    QuestionFactory,
    SourceFactory,
    StanceModelFactory,
    TagFactory,
)
from tracker.wsgi import application

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

EXAMPLES_PER_PERSONA = int(os.environ.get("FUZZ_EXAMPLES", "600"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture
def wsgi_calls_keep_the_test_transaction(db):
    """schemathesis calls the WSGI app directly, whose request signals would close the test's
    connection (and its transaction) on PostgreSQL; Django's test client disconnects them too."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def fuzz_schema(wsgi_calls_keep_the_test_transaction):
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture
def seeded(resolver):
    """A few rows of everything, with low ids, in every lifecycle state."""
    forecasts = ForecastFactory.create_batch(10)
    forecasts[0].question.tags.add(TagFactory(name="russia"))
    question_services.resolve(question=forecasts[1].question, outcome="yes", by=resolver)
    question_services.annul(question=forecasts[2].question, note="ambiguous", by=resolver)
    question_services.close(question=QuestionFactory(), by=resolver)
    ClaimFactory(source=SourceFactory(text="Russia-West talks ended in deadlock.")).questions.add(
        forecasts[0].question
    )
    CalibrationReportFactory()
    StanceModelFactory(is_active=True)


def superuser_token(request) -> dict:
    token, _ = Token.objects.get_or_create(user=request.getfixturevalue("superuser"))
    return {"Authorization": f"Token {token.key}"}


AUTH_HEADERS = {"anonymous": lambda request: {}, "superuser": superuser_token}


@pytest.mark.parametrize("persona", ["anonymous", "superuser"])
def test_generated_requests_get_documented_answers_and_never_a_5xx(
    request, persona, fuzz_schema, seeded
):
    headers = AUTH_HEADERS[persona](request)
    statuses: list[int] = []

    @settings(
        max_examples=EXAMPLES_PER_PERSONA,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=fuzz_schema.as_strategy(), pk=st.integers(min_value=0, max_value=15))
    def drive(case, pk):
        # Aim path ids at the seeded rows, or nearly every detail request would be a 404.
        case.path_parameters = {name: str(pk) for name in case.path_parameters or {}}
        cache.clear()  # throttling counts live in the cache; the fuzzer is not what they guard
        response = case.call(headers=headers)
        statuses.append(response.status_code)
        case.validate_response(response, checks=CHECKS)

    drive()
    assert len(statuses) >= EXAMPLES_PER_PERSONA * 5 // 6
