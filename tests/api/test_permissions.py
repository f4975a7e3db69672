"""Who may write what: every write endpoint and action x the four personas."""

import pytest

from forecasts.services import questions as question_services
from tests.factories import (
    ClaimFactory,
    ExpertFactory,
    ForecastFactory,
    OrganizationFactory,
    QuestionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "analyst", "resolver", "superuser"]


def question_payload() -> dict:
    return {
        "title": "Will the talks resume before 2022-02-28?",
        "opens_at": "2022-01-01T00:00:00Z",
        "closes_at": "2022-02-28T00:00:00Z",
        "resolve_by": "2022-03-31T00:00:00Z",
    }


def create_organization(client):
    return client.post("/api/v1/organizations/", {"name": "RUSI", "kind": "think_tank"})


def update_organization(client):
    return client.patch(f"/api/v1/organizations/{OrganizationFactory().pk}/", {"short_name": "R"})


def delete_organization(client):
    return client.delete(f"/api/v1/organizations/{OrganizationFactory().pk}/")


def create_expert(client):
    return client.post("/api/v1/experts/", {"name": "Mark Galeotti"})


def update_expert(client):
    return client.patch(f"/api/v1/experts/{ExpertFactory().pk}/", {"role": "Senior fellow"})


def delete_expert(client):
    return client.delete(f"/api/v1/experts/{ExpertFactory().pk}/")


def create_source(client):
    return client.post("/api/v1/sources/", {"url": "https://example.org/a", "title": "Deadlock"})


def update_source(client):
    return client.patch(f"/api/v1/sources/{SourceFactory().pk}/", {"title": "Deadlock, again"})


def delete_source(client):
    return client.delete(f"/api/v1/sources/{SourceFactory().pk}/")


def create_claim(client):
    return client.post(
        "/api/v1/claims/",
        {
            "expert": ExpertFactory().pk,
            "quote": "These talks aren't over",
            "made_at": "2022-01-14T12:00:00Z",
        },
    )


def update_claim(client):
    return client.patch(f"/api/v1/claims/{ClaimFactory().pk}/", {"paraphrase": "More talks"})


def delete_claim(client):
    return client.delete(f"/api/v1/claims/{ClaimFactory().pk}/")


def create_question(client):
    return client.post("/api/v1/questions/", question_payload())


def update_question(client):
    return client.patch(
        f"/api/v1/questions/{QuestionFactory().pk}/", {"resolution_criteria": "Two outlets"}
    )


def delete_question(client):
    return client.delete(f"/api/v1/questions/{QuestionFactory().pk}/")


def resolve_question(client):
    return client.post(f"/api/v1/questions/{QuestionFactory().pk}/resolve/", {"outcome": "yes"})


def annul_question(client):
    return client.post(f"/api/v1/questions/{QuestionFactory().pk}/annul/", {"note": "ambiguous"})


def close_question(client):
    return client.post(f"/api/v1/questions/{QuestionFactory().pk}/close/")


def reopen_question(client):
    question = question_services.resolve(question=QuestionFactory(), outcome="no")
    return client.post(f"/api/v1/questions/{question.pk}/reopen/", {"note": "wrong evidence"})


def override_forecast(client):
    return client.patch(
        f"/api/v1/forecasts/{ForecastFactory().pk}/", {"stance": "disagree", "probability": 0.2}
    )


# expected status for (anonymous, analyst, resolver, superuser)
MATRIX = {
    create_organization: (401, 201, 201, 201),
    update_organization: (401, 200, 200, 200),
    delete_organization: (401, 204, 204, 204),
    create_expert: (401, 201, 201, 201),
    update_expert: (401, 200, 200, 200),
    delete_expert: (401, 204, 204, 204),
    create_source: (401, 201, 201, 201),
    update_source: (401, 200, 200, 200),
    delete_source: (401, 204, 204, 204),
    create_claim: (401, 201, 201, 201),
    update_claim: (401, 200, 200, 200),
    delete_claim: (401, 204, 204, 204),
    create_question: (401, 201, 201, 201),
    update_question: (401, 200, 200, 200),
    delete_question: (401, 403, 403, 204),
    resolve_question: (401, 403, 200, 200),
    annul_question: (401, 403, 200, 200),
    close_question: (401, 403, 200, 200),
    reopen_question: (401, 403, 200, 200),
    override_forecast: (401, 200, 200, 200),
}
CASES = [
    pytest.param(write, persona, expected[i], id=f"{write.__name__}-{persona}")
    for write, expected in MATRIX.items()
    for i, persona in enumerate(PERSONAS)
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("write", "persona_client", "expected"), CASES, indirect=["persona_client"]
)
def test_each_persona_may_write_only_what_its_permissions_allow(write, persona_client, expected):
    assert write(persona_client).status_code == expected


@pytest.mark.django_db
@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize("path", ["/api/v1/claims/", "/api/v1/questions/", "/api/v1/forecasts/"])
def test_every_persona_can_read(persona_client, path):
    assert persona_client.get(path).status_code == 200


def test_a_refused_write_changes_nothing(analyst_api):
    question = QuestionFactory()
    analyst_api.post(f"/api/v1/questions/{question.pk}/resolve/", {"outcome": "yes"})
    question.refresh_from_db()
    assert (question.status, question.outcome) == ("open", None)


def test_session_login_works_for_the_browsable_api(api, analyst):
    api.force_login(analyst)
    response = api.post("/api/v1/organizations/", {"name": "R.Politik"})
    assert response.status_code == 201
