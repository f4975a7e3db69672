from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from forecasts.models import Claim
from forecasts.services import claims
from tests.factories import ClaimFactory, ExpertFactory, OrganizationFactory, QuestionFactory, SourceFactory

pytestmark = pytest.mark.django_db
MADE_AT = datetime(2022, 1, 14, 12, tzinfo=UTC)


def test_a_created_claim_is_manual_pending_and_linked(analyst):
    question = QuestionFactory()
    claim = claims.create(
        expert=ExpertFactory(),
        quote="The risk of war is real.",
        made_at=MADE_AT,
        questions=[question],
        by=analyst,
    )
    assert (claim.capture, claim.scoring_status, list(claim.questions.all())) == (
        "manual",
        "pending",
        [question],
    )
    assert claim.history.first().history_user == analyst


def test_it_refuses_a_duplicate_quote_from_the_same_expert_and_source():
    existing = ClaimFactory()
    with pytest.raises(ValidationError) as excinfo:
        claims.create(
            expert=existing.expert, source=existing.source, quote=existing.quote, made_at=MADE_AT
        )
    assert list(excinfo.value.message_dict) == ["quote"]


def test_the_same_quote_in_another_source_is_a_new_claim():
    existing = ClaimFactory()
    claim = claims.create(
        expert=existing.expert, source=SourceFactory(), quote=existing.quote, made_at=MADE_AT
    )
    assert Claim.objects.filter(quote=claim.quote).count() == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"quote": "  "}, "quote"),
        ({"kind": "prophecy"}, "kind"),
        ({"capture": "manual"}, "capture"),
    ],
)
def test_an_update_with_bad_changes_writes_nothing(changes, field):
    claim = ClaimFactory(paraphrase="before")
    with pytest.raises(ValidationError) as excinfo:
        claims.update(claim=claim, paraphrase="after", **changes)
    claim.refresh_from_db()
    assert (field in excinfo.value.message_dict, claim.paraphrase) == (True, "before")


def test_new_questions_send_the_claim_back_to_scoring():
    claim = ClaimFactory(scoring_status="done")
    claims.update(claim=claim, questions=[QuestionFactory()])
    claim.refresh_from_db()
    assert (claim.scoring_status, claim.questions.count()) == ("pending", 1)


def test_a_kind_edit_does_not_rescore():
    claim = ClaimFactory(scoring_status="done", kind="statement")
    claims.update(claim=claim, kind="signal")
    claim.refresh_from_db()
    assert (claim.scoring_status, claim.kind) == ("done", "signal")


def test_an_update_that_changes_nothing_writes_no_history():
    claim = ClaimFactory()
    claims.update(claim=claim, quote=claim.quote)
    assert claim.history.count() == 1


@pytest.mark.parametrize(
    ("changes", "rescored"),
    [
        ({"quote": "These talks aren't over."}, True),
        ({"paraphrase": "Talks go on."}, True),
        ({"kind": "signal"}, False),
        ({"made_at": MADE_AT}, False),
    ],
)
def test_any_edit_marks_an_extracted_claim_touched_but_only_its_wording_rescores(
    changes, rescored, django_capture_on_commit_callbacks
):
    claim = ClaimFactory(capture="extracted", scoring_status="done")
    with django_capture_on_commit_callbacks() as callbacks:
        claims.update(claim=claim, **changes)
    claim.refresh_from_db()
    assert (claim.analyst_touched, claim.scoring_status, len(callbacks)) == (
        True,
        "pending" if rescored else "done",
        1 if rescored else 0,
    )


def test_the_same_questions_again_are_no_change(django_capture_on_commit_callbacks):
    claim = ClaimFactory(capture="extracted", scoring_status="done")
    claim.questions.set([QuestionFactory()])
    with django_capture_on_commit_callbacks() as callbacks:
        claims.update(claim=claim, questions=list(claim.questions.all()))
    claim.refresh_from_db()
    assert (claim.analyst_touched, claim.scoring_status, len(callbacks), claim.history.count()) == (
        False,
        "done",
        0,
        1,
    )


def test_a_refused_edit_keeps_the_old_question_links():
    claim = ClaimFactory()
    kept = QuestionFactory()
    claim.questions.set([kept])
    with pytest.raises(ValidationError):
        claims.update(claim=claim, quote=" ", questions=[QuestionFactory()])
    assert list(claim.questions.all()) == [kept]


def test_validate_names_the_field_of_a_duplicate_quote():
    existing = ClaimFactory()
    candidate = Claim(expert=existing.expert, source=existing.source, quote=existing.quote, made_at=MADE_AT)
    with pytest.raises(ValidationError) as excinfo:
        claims.validate(candidate)
    assert excinfo.value.message_dict == {
        "quote": ["This expert already has a claim with this exact quote in this source."]
    }


def test_a_created_claim_takes_its_experts_organization():
    expert = ExpertFactory()
    claim = claims.create(expert=expert, quote="Talks will resume.", made_at=MADE_AT)
    claim.refresh_from_db()
    assert claim.organization_id == expert.organization_id is not None


def test_a_created_claim_keeps_an_organization_it_is_given():
    other = OrganizationFactory()
    claim = claims.create(expert=ExpertFactory(), quote="Talks will resume.", made_at=MADE_AT, organization=other)
    claim.refresh_from_db()
    assert claim.organization == other


def test_a_claim_given_to_another_expert_takes_their_organization():
    claim = ClaimFactory()
    newcomer = ExpertFactory()
    claims.update(claim=claim, expert=newcomer)
    claim.refresh_from_db()
    assert (claim.expert, claim.organization) == (newcomer, newcomer.organization)
    assert claim.history.first().history_change_reason == "changed expert, organization"


@pytest.mark.parametrize("explicit", ["other", "old", "none"])
def test_an_organization_set_in_the_same_edit_wins_over_the_new_experts(explicit):
    claim = ClaimFactory()
    old = claim.organization
    given = {"other": OrganizationFactory(), "old": old, "none": None}[explicit]
    claims.update(claim=claim, expert=ExpertFactory(), organization=given)
    claim.refresh_from_db()
    assert claim.organization == given


def test_an_organization_alone_can_be_corrected():
    claim = ClaimFactory(capture=Claim.Capture.EXTRACTED, scoring_status=Claim.ScoringStatus.DONE)
    expert_organization, other = claim.expert.organization, OrganizationFactory()
    claims.update(claim=claim, organization=other)
    claim.refresh_from_db()
    assert (claim.organization, claim.expert.organization) == (other, expert_organization)
    assert (claim.analyst_touched, claim.scoring_status) == (True, "done")


def test_an_expert_without_organization_makes_claims_without_one():
    claim = claims.create(expert=ExpertFactory(organization=None), quote="Talks will resume.", made_at=MADE_AT)
    claim.refresh_from_db()
    assert claim.organization is None
