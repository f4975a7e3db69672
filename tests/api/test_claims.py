"""Claims: read with the expert and source embedded, written by id, filtered as documented."""

from datetime import UTC, datetime

import pytest
from rest_framework import serializers

from forecasts.api.serializers.claims import ClaimSerializer
from forecasts.models import Claim
from tests.factories import (
    ClaimFactory,
    ExpertFactory,
    ForecastFactory,
    OrganizationFactory,
    QuestionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def ids(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


def test_a_claim_embeds_its_expert_and_source(api):
    claim = ClaimFactory(
        expert__name="Mark Galeotti",
        expert__organization__name="RUSI",
        source__title="Deadlock",
        source__publisher="The Moscow Times",
    )
    body = api.get(f"/api/v1/claims/{claim.pk}/").json()
    assert (body["expert"]["name"], body["expert"]["organization"]["name"]) == (
        "Mark Galeotti",
        "RUSI",
    )
    assert (body["source"]["title"], body["source"]["publisher"]) == (
        "Deadlock",
        "The Moscow Times",
    )


def test_a_claim_is_written_by_ids_and_read_back_embedded(analyst_api):
    expert, source, question = (
        ExpertFactory(name="Tatiana Stanovaya"),
        SourceFactory(),
        QuestionFactory(),
    )
    response = analyst_api.post(
        "/api/v1/claims/",
        {
            "expert": expert.pk,
            "source": source.pk,
            "questions": [question.pk],
            "kind": "forecast",
            "quote": "The risk of war is real.",
            "made_at": "2022-01-14T12:00:00Z",
        },
    )
    body = response.json()
    assert (response.status_code, body["expert"]["name"], body["questions"]) == (
        201,
        "Tatiana Stanovaya",
        [question.pk],
    )
    assert Claim.objects.get(pk=body["id"]).history.first().history_user.username == "analyst"


def test_editing_an_extracted_claim_marks_it_as_touched_and_rescored(analyst_api):
    claim = ClaimFactory(capture="extracted", scoring_status="done")
    analyst_api.patch(f"/api/v1/claims/{claim.pk}/", {"quote": "These talks aren't over."})
    claim.refresh_from_db()
    assert (claim.analyst_touched, claim.scoring_status) == (True, "pending")


def test_claims_filter_by_expert_organization_source_and_kind(api):
    target = ClaimFactory(kind="forecast")
    ClaimFactory(kind="forecast")
    query = (
        f"expert={target.expert.pk}&organization={target.expert.organization.pk}"
        f"&source={target.source.pk}&kind=forecast"
    )
    assert ids(api.get(f"/api/v1/claims/?{query}")) == {target.pk}


def test_claims_filter_by_when_they_were_made(api):
    early = ClaimFactory(made_at=datetime(2022, 1, 10, tzinfo=UTC))
    ClaimFactory(made_at=datetime(2022, 1, 20, tzinfo=UTC))
    ClaimFactory(made_at=datetime(2021, 12, 1, tzinfo=UTC))
    query = "made_after=2022-01-01T00:00:00Z&made_before=2022-01-15T00:00:00Z"
    assert ids(api.get(f"/api/v1/claims/?{query}")) == {early.pk}


def test_claims_filter_by_question_linked_or_forecast(api):
    question = QuestionFactory()
    linked = ClaimFactory()
    linked.questions.add(question)
    forecast = ForecastFactory(question=question)
    forecast.claim.questions.add(question)
    ClaimFactory()
    assert ids(api.get(f"/api/v1/claims/?question={question.pk}")) == {linked.pk, forecast.claim.pk}


def test_claims_search_the_quote_and_the_experts_name(api):
    ClaimFactory(quote="Our patience has run out", expert__name="Sergei Lavrov")
    ClaimFactory(quote="These talks aren't over", expert__name="Mark Galeotti")
    assert api.get("/api/v1/claims/?search=Lavrov").json()["count"] == 1


def test_claims_order_by_when_they_were_made(api):
    old = ClaimFactory(made_at=datetime(2020, 1, 1, tzinfo=UTC))
    new = ClaimFactory(made_at=datetime(2022, 1, 1, tzinfo=UTC))
    rows = api.get("/api/v1/claims/?ordering=made_at").json()["results"]
    assert [row["id"] for row in rows] == [old.pk, new.pk]


@pytest.mark.parametrize(("page_size", "expected"), [("", 50), ("2", 2), ("500", 60), ("9999", 60)])
def test_page_size_defaults_to_50_and_stops_at_500(api, page_size, expected):
    ClaimFactory.create_batch(60, expert=ExpertFactory(), source=None)
    assert len(api.get(f"/api/v1/claims/?page_size={page_size}").json()["results"]) == expected


def test_page_size_is_capped_at_500(api):
    expert = ExpertFactory()
    Claim.objects.bulk_create(
        Claim(
            expert=expert,
            quote=f"q{i}",
            quote_sha256=str(i),
            made_at=datetime(2022, 1, 1, tzinfo=UTC),
        )
        for i in range(501)
    )
    assert len(api.get("/api/v1/claims/?page_size=501").json()["results"]) == 500


def test_deleting_a_claim_removes_its_forecasts(analyst_api):
    forecast = ForecastFactory()
    analyst_api.delete(f"/api/v1/claims/{forecast.claim.pk}/")
    assert Claim.objects.filter(pk=forecast.claim.pk).exists() is False


def test_the_fast_claim_rendering_matches_drfs_field_by_field_rendering():
    claim = ClaimFactory(
        paraphrase="More talks", extraction_confidence=0.9, start_offset=3, end_offset=40
    )
    claim.questions.add(QuestionFactory())
    bare = ClaimFactory(source=None, expert__organization=None)
    moved = ClaimFactory(organization=OrganizationFactory())
    rendered = [ClaimSerializer(c).data for c in (claim, bare, moved)]
    assert rendered == [
        serializers.ModelSerializer.to_representation(ClaimSerializer(), c) for c in (claim, bare, moved)
    ]


@pytest.fixture
def moved_claim() -> Claim:
    """A claim made at RUSI by an expert who has since moved to Carnegie."""
    claim = ClaimFactory(expert__organization__name="RUSI", expert__organization__short_name="RUSI")
    claim.expert.organization = OrganizationFactory(name="Carnegie", short_name="")
    claim.expert.save()
    return claim


def test_a_claim_reads_its_own_organization_beside_its_experts(api, moved_claim):
    body = api.get(f"/api/v1/claims/{moved_claim.pk}/").json()
    assert body["organization"] == {"id": moved_claim.organization_id, "name": "RUSI", "short_name": "RUSI"}
    assert body["expert"]["organization"]["name"] == "Carnegie"
    listed = api.get("/api/v1/claims/").json()["results"]
    assert listed == [body]


def test_the_organization_filter_means_the_claims_organization(api, moved_claim):
    ClaimFactory()
    assert ids(api.get(f"/api/v1/claims/?organization={moved_claim.organization_id}")) == {moved_claim.pk}
    assert ids(api.get(f"/api/v1/claims/?organization={moved_claim.expert.organization_id}")) == set()


def test_a_written_claim_takes_its_experts_organization_unless_given(analyst_api):
    expert, other = ExpertFactory(), OrganizationFactory()
    base = {"expert": expert.pk, "made_at": "2022-01-14T12:00:00Z"}
    default = analyst_api.post("/api/v1/claims/", {**base, "quote": "Talks resume."}).json()
    given = analyst_api.post("/api/v1/claims/", {**base, "quote": "Talks stall.", "organization": other.pk}).json()
    assert (default["organization"]["id"], given["organization"]["id"]) == (expert.organization_id, other.pk)


def test_an_analyst_corrects_a_claims_organization_by_id(analyst_api, moved_claim):
    other = OrganizationFactory()
    body = analyst_api.patch(f"/api/v1/claims/{moved_claim.pk}/", {"organization": other.pk}, format="json").json()
    assert body["organization"]["id"] == other.pk
    cleared = analyst_api.patch(f"/api/v1/claims/{moved_claim.pk}/", {"organization": None}, format="json").json()
    assert cleared["organization"] is None


def test_a_claim_given_to_another_expert_follows_their_organization_unless_the_edit_sets_it(analyst_api):
    first, second = ClaimFactory(), ClaimFactory()
    newcomer, kept = ExpertFactory(), first.organization
    url = "/api/v1/claims/{}/"
    followed = analyst_api.patch(url.format(first.pk), {"expert": newcomer.pk}, format="json").json()
    pinned = analyst_api.patch(
        url.format(second.pk), {"expert": newcomer.pk, "organization": kept.pk}, format="json"
    ).json()
    assert (followed["organization"]["id"], pinned["organization"]["id"]) == (newcomer.organization_id, kept.pk)


@pytest.mark.parametrize("bad", [987_654, "rusi", [1]])
def test_a_bad_organization_is_a_field_error(analyst_api, bad):
    claim = ClaimFactory()
    response = analyst_api.patch(f"/api/v1/claims/{claim.pk}/", {"organization": bad}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["organization"], response.json()
    claim.refresh_from_db()
    assert claim.organization == claim.expert.organization
