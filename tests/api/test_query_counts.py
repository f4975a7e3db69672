"""Every list endpoint runs the same number of queries for a page of 3 rows as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forecasts.services import questions as question_services
from tests.factories import (
    CalibrationReportFactory,
    ClaimFactory,
    ExpertFactory,
    ForecastFactory,
    OrganizationFactory,
    QuestionFactory,
    SourceFactory,
    StanceModelFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


def linked_claims(n: int) -> None:
    for claim in ClaimFactory.create_batch(n):
        claim.questions.add(QuestionFactory())


def tagged_resolved_questions(n: int, resolver) -> None:
    for question in QuestionFactory.create_batch(n):
        question.tags.add(TagFactory(name="russia"), TagFactory())
        question_services.resolve(question=question, outcome="yes", by=resolver)


def question_history(n: int, resolver) -> int:
    question = QuestionFactory()
    for _ in range(n):
        question_services.resolve(question=question, outcome="yes", by=resolver)
        question_services.reopen(question=question, note="retracted", by=resolver)
    return question.pk


BUILDERS = {
    "/api/v1/organizations/": lambda n, user: OrganizationFactory.create_batch(n),
    "/api/v1/experts/": lambda n, user: ExpertFactory.create_batch(n),
    "/api/v1/sources/": lambda n, user: SourceFactory.create_batch(n),
    "/api/v1/claims/": lambda n, user: linked_claims(n),
    "/api/v1/questions/": tagged_resolved_questions,
    "/api/v1/forecasts/": lambda n, user: ForecastFactory.create_batch(n),
    "/api/v1/reports/": lambda n, user: CalibrationReportFactory.create_batch(n),
    "/api/v1/stance-models/": lambda n, user: StanceModelFactory.create_batch(n),
}


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("path", list(BUILDERS))
def test_a_list_page_costs_the_same_queries_for_3_or_30_rows(api, resolver, path):
    BUILDERS[path](3, resolver)
    small = queries_for(api, path)
    BUILDERS[path](27, resolver)
    assert queries_for(api, path) == small


def test_a_filtered_claim_list_costs_the_same_queries_for_3_or_30_rows(api):
    expert = ExpertFactory()
    ClaimFactory.create_batch(3, expert=expert)
    path = f"/api/v1/claims/?expert={expert.pk}&kind=forecast&made_after=2000-01-01T00:00:00Z"
    small = queries_for(api, path)
    ClaimFactory.create_batch(27, expert=expert)
    assert queries_for(api, path) == small


def test_the_history_list_costs_the_same_queries_for_3_or_30_versions(api, resolver):
    few, many = question_history(1, resolver), question_history(15, resolver)
    assert queries_for(api, f"/api/v1/questions/{few}/history/") == queries_for(
        api, f"/api/v1/questions/{many}/history/"
    )


def test_a_claim_list_page_needs_at_most_three_queries(api, django_assert_max_num_queries):
    linked_claims(5)
    with django_assert_max_num_queries(3):
        api.get("/api/v1/claims/")
