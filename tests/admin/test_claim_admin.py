"""The claim admin writes through forecasts.services.claims, so an edit ends as it does in the API.

Each parity test makes the same edit on two identical extracted claims, one in the admin and one
through the API, and compares what follows: the analyst-touched flag, the scoring status, the scoring
tasks sent on commit (with the questions linked when each was sent) and the history row.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from forecasts.models import Claim, Question
from forecasts.services import queue
from forecasts.tasks.stance import score_claims
from tests.api.conftest import client_for
from tests.factories import ClaimFactory, ExpertFactory, OrganizationFactory, QuestionFactory, SourceFactory

pytestmark = pytest.mark.django_db
NEW_QUESTION = object()  # replaced by a question made in the test
EDITS = {
    "quote": ({"quote": "These talks aren't over."}, (True, "pending", 1)),
    "paraphrase": ({"paraphrase": "Talks go on."}, (True, "pending", 1)),
    "questions": ({"questions": [NEW_QUESTION]}, (True, "pending", 1)),
    "kind": ({"kind": "signal"}, (True, "done", 0)),
    "nothing": ({}, (False, "done", 0)),
}


@pytest.fixture
def scoring_sent(monkeypatch) -> list[dict[int, list[int]]]:
    """The score_claims tasks sent: for each, the claims' linked question ids at the time it was sent."""
    sent = []

    def record(task, claim_ids, **options) -> bool:
        if task.name == score_claims.name:
            claims = Claim.objects.filter(pk__in=claim_ids).prefetch_related("questions")
            sent.append({claim.pk: sorted(q.pk for q in claim.questions.all()) for claim in claims})
        return True

    monkeypatch.setattr(queue, "send_now", record)
    return sent


def admin_form(claim: Claim, **changes) -> dict:
    made_at = timezone.localtime(claim.made_at)
    form = {
        "expert": claim.expert_id,
        "organization": claim.organization_id or "",
        "source": claim.source_id or "",
        "quote": claim.quote,
        "paraphrase": claim.paraphrase,
        "made_at_0": made_at.strftime("%Y-%m-%d"),
        "made_at_1": made_at.strftime("%H:%M:%S"),
        "kind": claim.kind,
        "forecasts-TOTAL_FORMS": "0",
        "forecasts-INITIAL_FORMS": "0",
    }
    if "questions" not in changes:
        form["questions"] = [question.pk for question in claim.questions.all()]
    return {**form, **changes}


def with_question(changes: dict, question: Question) -> dict:
    if "questions" not in changes:
        return changes
    return {**changes, "questions": [question.pk if q is NEW_QUESTION else q for q in changes["questions"]]}


def outcome(claim: Claim, sent: list[dict[int, list[int]]]) -> tuple:
    """The claim's state after an edit; `sent` as the links each scoring task saw (for this claim only)."""
    assert all(set(task) == {claim.pk} for task in sent)
    claim.refresh_from_db()
    latest = claim.history.first()
    return (
        claim.analyst_touched,
        claim.scoring_status,
        claim.quote,
        claim.paraphrase,
        claim.kind,
        sorted(claim.questions.values_list("pk", flat=True)),
        [task[claim.pk] for task in sent],
        claim.history.count(),
        latest.history_change_reason,
        latest.history_user.username if latest.history_user else None,
    )


def edit_in_admin(client, claim: Claim, changes: dict, capture, scoring_sent) -> tuple:
    scoring_sent.clear()
    with capture(execute=True):
        response = client.post(reverse("admin:forecasts_claim_change", args=[claim.pk]), admin_form(claim, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return outcome(claim, scoring_sent)


def edit_in_api(analyst, claim: Claim, changes: dict, capture, scoring_sent) -> tuple:
    scoring_sent.clear()
    with capture(execute=True):
        response = client_for(analyst).patch(f"/api/v1/claims/{claim.pk}/", changes, format="json")
    assert response.status_code == 200, response.json()
    return outcome(claim, scoring_sent)


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_in_the_admin_ends_as_the_same_edit_in_the_api(
    client, analyst, scoring_sent, django_capture_on_commit_callbacks, edit
):
    changes, expected = EDITS[edit]
    question = QuestionFactory()
    changes = with_question(changes, question)
    in_admin, in_api = ClaimFactory.create_batch(
        2, quote="Talks may resume.", capture="extracted", scoring_status="done"
    )
    client.force_login(analyst)
    admin_state = edit_in_admin(client, in_admin, changes, django_capture_on_commit_callbacks, scoring_sent)
    api_state = edit_in_api(analyst, in_api, changes, django_capture_on_commit_callbacks, scoring_sent)
    assert (admin_state[0], admin_state[1], len(admin_state[6])) == expected
    assert admin_state == api_state


def test_new_questions_are_linked_before_the_scoring_is_sent(
    client, analyst, scoring_sent, django_capture_on_commit_callbacks
):
    claim, question = ClaimFactory(scoring_status="done"), QuestionFactory()
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:forecasts_claim_change", args=[claim.pk]),
                    admin_form(claim, questions=[question.pk]))
    assert scoring_sent == [{claim.pk: [question.pk]}]


def test_a_claim_added_in_the_admin_is_created_as_in_the_api(
    client, analyst, scoring_sent, django_capture_on_commit_callbacks
):
    expert, source, question = ExpertFactory(), SourceFactory(), QuestionFactory()
    template = Claim(expert=expert, source=source, quote="The risk of war is real.", made_at=timezone.now(),
                     kind="forecast")
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:forecasts_claim_add"), admin_form(template, questions=[question.pk]))
    claim = Claim.objects.get()
    latest = claim.history.get()
    assert response.status_code == 302
    assert (claim.capture, claim.scoring_status, claim.analyst_touched, latest.history_change_reason) == (
        "manual", "pending", False, "created"
    )
    assert (latest.history_user, scoring_sent) == (analyst, [{claim.pk: [question.pk]}])


def test_an_organization_corrected_in_the_admin_ends_as_in_the_api(
    client, analyst, scoring_sent, django_capture_on_commit_callbacks
):
    other = OrganizationFactory()
    in_admin, in_api = ClaimFactory.create_batch(
        2, quote="Talks may resume.", capture="extracted", scoring_status="done"
    )
    client.force_login(analyst)
    changes = {"organization": other.pk}
    admin_state = edit_in_admin(client, in_admin, changes, django_capture_on_commit_callbacks, scoring_sent)
    api_state = edit_in_api(analyst, in_api, changes, django_capture_on_commit_callbacks, scoring_sent)
    assert admin_state == api_state
    assert (admin_state[0], admin_state[1], admin_state[8]) == (True, "done", "changed organization")
    assert Claim.objects.filter(pk__in=[in_admin.pk, in_api.pk], organization=other).count() == 2


@pytest.mark.parametrize("organization_too", [False, True])
def test_a_new_expert_in_the_admin_brings_their_organization_unless_it_is_changed_too(
    client, analyst, scoring_sent, django_capture_on_commit_callbacks, organization_too
):
    claim, newcomer, chosen = ClaimFactory(), ExpertFactory(), OrganizationFactory()
    changes = {"expert": newcomer.pk, **({"organization": chosen.pk} if organization_too else {})}
    client.force_login(analyst)
    edit_in_admin(client, claim, changes, django_capture_on_commit_callbacks, scoring_sent)
    assert claim.organization == (chosen if organization_too else newcomer.organization)


def test_a_claim_added_in_the_admin_without_organization_takes_the_experts(
    client, analyst, scoring_sent, django_capture_on_commit_callbacks
):
    expert = ExpertFactory()
    template = Claim(expert=expert, quote="Talks will resume.", made_at=timezone.now(), kind="forecast")
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:forecasts_claim_add"), admin_form(template, questions=[]))
    assert response.status_code == 302
    assert Claim.objects.get().organization == expert.organization


def test_the_claim_list_shows_and_filters_the_claims_own_organization(client, analyst):
    moved = ClaimFactory(expert__organization__name="Old Think Tank")
    moved.expert.organization = OrganizationFactory(name="New Think Tank")
    moved.expert.save()
    ClaimFactory()
    client.force_login(analyst)
    url = reverse("admin:forecasts_claim_changelist")
    listed = client.get(url, {"organization__id__exact": moved.organization_id})
    assert list(listed.context["cl"].result_list) == [moved]
    assert "Old Think Tank" in listed.content.decode()


def test_a_duplicate_quote_is_a_message_on_the_quote_and_nothing_changes(
    client, analyst, scoring_sent, django_capture_on_commit_callbacks
):
    existing = ClaimFactory()
    claim = ClaimFactory(expert=existing.expert, source=existing.source, capture="extracted",
                         scoring_status="done")
    before, question = claim.quote, QuestionFactory()
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:forecasts_claim_change", args=[claim.pk]),
                               admin_form(claim, quote=existing.quote, questions=[question.pk]))
    claim.refresh_from_db()
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["quote"] == [
        "This expert already has a claim with this exact quote in this source."
    ]
    assert (claim.quote, claim.questions.count(), claim.analyst_touched, scoring_sent) == (before, 0, False, [])


def test_adding_a_duplicate_quote_is_a_message_and_adds_nothing(client, analyst, django_capture_on_commit_callbacks):
    existing = ClaimFactory()
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:forecasts_claim_add"), admin_form(existing))
    assert response.status_code == 200
    assert "already has a claim with this exact quote" in response.content.decode()
    assert Claim.objects.count() == 1


def test_saving_keeps_when_the_claim_was_made_to_the_microsecond(client, analyst, django_capture_on_commit_callbacks):
    claim = ClaimFactory(paraphrase="before")
    made_at = claim.made_at
    assert made_at.microsecond  # the form shows whole seconds
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:forecasts_claim_change", args=[claim.pk]), admin_form(claim, paraphrase="after"))
    claim.refresh_from_db()
    assert (claim.paraphrase, claim.made_at) == ("after", made_at)


def test_the_touched_flag_is_shown_not_edited(client, analyst, django_capture_on_commit_callbacks):
    claim = ClaimFactory(capture="extracted")
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:forecasts_claim_change", args=[claim.pk]), admin_form(claim, analyst_touched="on"))
    claim.refresh_from_db()
    assert claim.analyst_touched is False


def source_page(source, rows: list[dict]) -> dict:
    """The source change form with its claims inline; each row a dict of claim fields (id for an existing claim)."""
    published = timezone.localtime(source.published_at)
    form = {
        "url": source.url, "title": source.title, "publisher": source.publisher, "author": source.author,
        "published_at_0": published.strftime("%Y-%m-%d"), "published_at_1": published.strftime("%H:%M:%S"),
        "text": source.text, "claims-TOTAL_FORMS": str(len(rows)),
        "claims-INITIAL_FORMS": str(sum(1 for row in rows if row.get("id"))),
    }
    for index, row in enumerate(rows):
        form |= {f"claims-{index}-{name}": value for name, value in row.items()} | {f"claims-{index}-source": source.pk}
    return form


def inline_row(claim: Claim, **changes) -> dict:
    made_at = timezone.localtime(claim.made_at)
    row = {"id": claim.pk, "expert": claim.expert_id, "quote": claim.quote, "kind": claim.kind,
           "made_at_0": made_at.strftime("%Y-%m-%d"), "made_at_1": made_at.strftime("%H:%M:%S")}
    return {**row, **changes}


def post_source_page(client, source, rows, capture):
    with capture(execute=True):
        return client.post(reverse("admin:forecasts_source_change", args=[source.pk]), source_page(source, rows))


@pytest.mark.parametrize("edit", ["quote", "kind", "nothing"])
def test_an_edit_in_the_source_inline_ends_as_the_same_edit_in_the_api(
    client, analyst, scoring_sent, django_capture_on_commit_callbacks, edit
):
    changes, expected = EDITS[edit]
    in_admin, in_api = ClaimFactory.create_batch(
        2, quote="Talks may resume.", capture="extracted", scoring_status="done"
    )
    client.force_login(analyst)
    scoring_sent.clear()
    response = post_source_page(client, in_admin.source, [inline_row(in_admin, **changes)],
                                django_capture_on_commit_callbacks)
    assert response.status_code == 302
    admin_state = outcome(in_admin, scoring_sent)
    api_state = edit_in_api(analyst, in_api, changes, django_capture_on_commit_callbacks, scoring_sent)
    assert (admin_state[0], admin_state[1], len(admin_state[6])) == expected
    assert admin_state == api_state


def test_a_claim_added_in_the_source_inline_is_created_by_the_service(
    client, analyst, scoring_sent, django_capture_on_commit_callbacks
):
    source, expert = SourceFactory(), ExpertFactory()
    client.force_login(analyst)
    row = {"expert": expert.pk, "quote": "The risk of war is real.", "kind": "forecast",
           "made_at_0": "2022-01-14", "made_at_1": "12:00:00"}
    response = post_source_page(client, source, [row], django_capture_on_commit_callbacks)
    claim = source.claims.get()
    latest = claim.history.get()
    assert response.status_code == 302
    assert (claim.capture, claim.scoring_status, latest.history_change_reason, latest.history_user) == (
        "manual", "pending", "created", analyst
    )
    assert scoring_sent == [{claim.pk: []}]


def test_a_duplicate_quote_in_the_source_inline_is_a_message_and_nothing_changes(
    client, analyst, scoring_sent, django_capture_on_commit_callbacks
):
    existing = ClaimFactory()
    claim = ClaimFactory(expert=existing.expert, source=existing.source, capture="extracted")
    before = claim.quote
    client.force_login(analyst)
    response = post_source_page(
        client, claim.source, [inline_row(existing), inline_row(claim, quote=existing.quote)],
        django_capture_on_commit_callbacks,
    )
    claim.refresh_from_db()
    assert response.status_code == 200
    assert "already has a claim with this exact quote" in response.content.decode()
    assert (claim.quote, claim.analyst_touched, scoring_sent) == (before, False, [])


def test_two_new_rows_with_the_same_quote_are_a_message_and_add_nothing(
    client, analyst, django_capture_on_commit_callbacks
):
    source, expert = SourceFactory(), ExpertFactory()
    row = {"expert": expert.pk, "quote": "The risk of war is real.", "kind": "forecast",
           "made_at_0": "2022-01-14", "made_at_1": "12:00:00"}
    client.force_login(analyst)
    response = post_source_page(client, source, [row, row], django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Two rows give the same expert the same quote" in response.content.decode()
    assert not source.claims.exists()
