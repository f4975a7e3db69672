from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from forecasts.models import Claim, Expert, Organization, Source
from forecasts.models.sources import text_digest
from forecasts.services import extraction
from forecasts.services.extraction import extract_source, stalled_source_ids
from tests.factories import ClaimFactory, ExpertFactory, ForecastFactory, OrganizationFactory, SourceFactory
from tests.services.extraction_samples import ARTICLE, EXTRA, GALEOTTI, KORTUNOV, PETRENKO, WITHOUT_GALEOTTI

pytestmark = pytest.mark.django_db
Status = Source.ExtractionStatus


def pending_source(text: str, **fields) -> Source:
    return SourceFactory(text=text, extraction_status=Status.PENDING, **fields)


def run(source: Source, text: str | None = None):
    text = source.text if text is None else text
    Source.objects.filter(pk=source.pk).update(
        text=text, text_sha256=text_digest(text), extraction_status=Status.PENDING
    )
    outcome = extract_source(source.pk)
    source.refresh_from_db()
    return outcome


def quotes_of(source: Source) -> set[tuple[str, str]]:
    return {(c.expert.name, c.quote) for c in source.claims.select_related("expert")}


def test_it_creates_one_claim_per_attributed_quote():
    source = pending_source(ARTICLE)
    run(source)
    assert quotes_of(source) == {("Mark Galeotti", GALEOTTI), ("Olga Petrenko", PETRENKO)}


def test_claims_carry_offsets_into_the_stored_text():
    source = pending_source(ARTICLE)
    run(source)
    assert {source.text[c.start_offset:c.end_offset] for c in source.claims.all()} == {GALEOTTI, PETRENKO}


def test_a_quote_broken_over_lines_is_stored_on_one_line():
    text = "“These talks\naren't over,” said RUSI's Mark Galeotti.\n"
    source = pending_source(text)
    run(source)
    claim = source.claims.get()
    assert claim.quote == "These talks aren't over"
    assert source.text[claim.start_offset:claim.end_offset] == "These talks\naren't over"


def test_re_extracting_keeps_a_claim_stored_with_its_line_break():
    text = "“These talks\naren't over,” said RUSI's Mark Galeotti.\n"
    source = pending_source(text)
    run(source)
    legacy = source.claims.get()
    legacy.quote = "These talks\naren't over"
    legacy.save()
    outcome = run(source, text + "\nMore.")
    assert (outcome.kept, outcome.created, outcome.removed) == (1, (), 0)
    assert source.claims.get().pk == legacy.pk


def test_claims_record_how_they_were_found():
    source = pending_source(ARTICLE)
    run(source)
    claim = source.claims.get(quote=PETRENKO)
    assert (claim.capture, claim.extraction_pattern, claim.kind) == ("extracted", "pronoun", "risk_assessment")
    assert 0 < claim.extraction_confidence <= 1


def test_claims_are_dated_when_the_article_was_published():
    source = pending_source(ARTICLE)
    run(source)
    assert set(source.claims.values_list("made_at", flat=True)) == {source.published_at}


def test_claims_of_an_undated_article_are_dated_now():
    before = timezone.now()
    source = pending_source(ARTICLE, published_at=None)
    run(source)
    assert all(claim.made_at >= before for claim in source.claims.all())


def test_the_source_shows_done_with_the_number_of_claims():
    source = pending_source(ARTICLE)
    run(source)
    assert (source.extraction_status, source.extracted_claims_count, source.extraction_error) == ("done", 2, "")
    assert source.extracted_at is not None


def test_running_it_again_on_the_same_text_creates_no_duplicates():
    source = pending_source(ARTICLE)
    run(source)
    first = set(source.claims.values_list("pk", flat=True))
    outcome = run(source)
    assert set(source.claims.values_list("pk", flat=True)) == first
    assert (outcome.created, outcome.kept, outcome.removed) == ((), 2, 0)


def test_running_it_again_creates_no_second_expert():
    source = pending_source(ARTICLE)
    run(source)
    run(source)
    assert Expert.objects.filter(name="Olga Petrenko").count() == 1


def test_a_job_already_running_is_not_done_twice():
    source = pending_source(ARTICLE)
    Source.objects.filter(pk=source.pk).update(extraction_status=Status.RUNNING)
    assert extract_source(source.pk) is None
    assert source.claims.count() == 0


def test_a_deleted_source_is_a_harmless_no_op():
    assert extract_source(987_654) is None


def test_a_known_expert_is_matched_by_name():
    galeotti = ExpertFactory(name="Mark Galeotti", aliases=["Galeotti"])
    source = pending_source(ARTICLE)
    run(source)
    assert source.claims.get(quote=GALEOTTI).expert == galeotti
    assert Expert.objects.filter(name="Mark Galeotti").count() == 1


def test_a_known_expert_is_matched_by_org_and_surname():
    rusi = OrganizationFactory(name="Royal United Services Institute", short_name="RUSI")
    galeotti = ExpertFactory(name="Mark Galeotti", aliases=[], organization=rusi)
    source = pending_source(f"“{GALEOTTI},” said RUSI's Galeotti.\n")
    run(source)
    assert source.claims.get().expert == galeotti


def test_an_unknown_speaker_becomes_an_expert_flagged_for_review():
    source = pending_source(ARTICLE)
    run(source)
    petrenko = Expert.objects.get(name="Olga Petrenko")
    assert (petrenko.needs_review, petrenko.role) == (True, "head")
    assert petrenko.aliases == ["Petrenko", "KCMS's Petrenko"]


def test_a_new_speakers_organization_is_created_with_its_acronym():
    source = pending_source(ARTICLE)
    run(source)
    organization = Expert.objects.get(name="Olga Petrenko").organization
    assert (organization.name, organization.short_name) == ("Kyiv Centre for Maritime Studies", "KCMS")


def test_an_organization_already_known_by_its_short_name_is_reused():
    known = OrganizationFactory(name="Royal United Services Inst.", short_name="RUSI")
    source = pending_source(ARTICLE)
    run(source)
    assert Expert.objects.get(name="Mark Galeotti").organization == known
    assert Organization.objects.filter(short_name="RUSI").count() == 1


def test_a_different_person_with_the_same_surname_is_never_merged():
    anna = ExpertFactory(name="Anna Petrenko", aliases=["Petrenko"])
    source = pending_source(ARTICLE)
    run(source)
    assert source.claims.get(quote=PETRENKO).expert != anna
    assert Expert.objects.get(name="Olga Petrenko").needs_review


def test_editing_the_text_adds_new_quotes_and_removes_vanished_ones():
    source = pending_source(ARTICLE)
    run(source)
    kept = source.claims.get(quote=PETRENKO).pk
    outcome = run(source, WITHOUT_GALEOTTI + EXTRA)
    assert quotes_of(source) == {("Olga Petrenko", PETRENKO), ("Andrei Kortunov", KORTUNOV)}
    assert source.claims.filter(pk=kept).exists()
    assert (len(outcome.created), outcome.kept, outcome.removed) == (1, 1, 1)


def test_an_unchanged_quote_keeps_its_claim_and_gets_new_offsets():
    source = pending_source(ARTICLE)
    run(source)
    claim = source.claims.get(quote=PETRENKO)
    run(source, "An editor's note was added at the top.\n\n" + ARTICLE)
    claim.refresh_from_db()
    assert source.text[claim.start_offset:claim.end_offset] == PETRENKO
    assert claim.start_offset == ARTICLE.index(PETRENKO) + len("An editor's note was added at the top.\n\n")


def test_an_analyst_touched_claim_survives_its_quote_vanishing():
    source = pending_source(ARTICLE)
    run(source)
    source.claims.filter(quote=GALEOTTI).update(analyst_touched=True)
    run(source, WITHOUT_GALEOTTI)
    assert source.claims.filter(quote=GALEOTTI).exists()


def test_a_claim_with_a_frozen_forecast_survives_its_quote_vanishing():
    source = pending_source(ARTICLE)
    run(source)
    ForecastFactory(claim=source.claims.get(quote=GALEOTTI), frozen=True)
    run(source, WITHOUT_GALEOTTI)
    assert source.claims.filter(quote=GALEOTTI).exists()


def test_a_quote_an_analyst_trimmed_is_not_extracted_again():
    source = pending_source(ARTICLE)
    run(source)
    source.claims.filter(quote=GALEOTTI).update(quote="These talks are far from over", analyst_touched=True)
    run(source)
    assert source.claims.filter(quote__startswith="These talks").count() == 1


def test_a_quote_an_analyst_gave_to_another_expert_is_not_given_back():
    source = pending_source(ARTICLE)
    run(source)
    someone = ExpertFactory(name="Somebody Else")
    source.claims.filter(quote=GALEOTTI).update(expert=someone, analyst_touched=True)
    run(source)
    assert list(source.claims.filter(quote=GALEOTTI).values_list("expert", flat=True)) == [someone.pk]


def test_a_manual_claim_with_the_same_words_is_left_alone():
    galeotti = ExpertFactory(name="Mark Galeotti")
    source = pending_source(ARTICLE)
    manual = ClaimFactory(source=source, expert=galeotti, quote=GALEOTTI, capture=Claim.Capture.MANUAL)
    run(source)
    manual.refresh_from_db()
    assert (manual.capture, manual.start_offset, source.claims.filter(quote=GALEOTTI).count()) == ("manual", None, 1)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no text"),
        ("   \n\t  \n", "only whitespace"),
        ("x" * 2049, "over the 2048-byte limit"),
    ],
    ids=["empty", "whitespace", "oversize"],
)
def test_unusable_text_fails_with_the_reason(settings, text, reason):
    settings.SOURCE_TEXT_MAX_BYTES = 2048
    source = pending_source(text)
    run(source)
    assert source.extraction_status == Status.FAILED
    assert reason in source.extraction_error
    assert source.claims.count() == 0


def test_an_extractor_error_is_recorded_on_the_source(monkeypatch):
    monkeypatch.setattr(extraction, "extract_quotes", lambda text: 1 / 0)
    source = pending_source(ARTICLE)
    run(source)
    assert source.extraction_status == Status.FAILED
    assert source.extraction_error == "Extractor error: ZeroDivisionError: division by zero"


def test_a_failure_half_way_leaves_no_claims_and_no_experts(monkeypatch):
    real = extraction._create_claim
    calls = []

    def create_then_break(*args):
        calls.append(args)
        return real(*args) if len(calls) == 1 else 1 / 0

    monkeypatch.setattr(extraction, "_create_claim", create_then_break)
    source = pending_source(ARTICLE)
    run(source)
    assert (source.extraction_status, Claim.objects.count(), Expert.objects.count()) == ("failed", 0, 0)


def test_a_failed_rerun_keeps_the_claims_of_the_previous_run(settings):
    source = pending_source(ARTICLE)
    run(source)
    settings.SOURCE_TEXT_MAX_BYTES = 16
    run(source)
    assert (source.extraction_status, source.claims.count()) == ("failed", 2)


def test_a_database_outage_puts_the_job_back_to_pending_and_propagates(monkeypatch):
    def lost_connection(text):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(extraction, "extract_quotes", lost_connection)
    source = pending_source(ARTICLE)
    with pytest.raises(OperationalError):
        extract_source(source.pk)
    source.refresh_from_db()
    assert source.extraction_status == Status.PENDING


def test_stored_html_is_reduced_to_text_before_extraction():
    html = f"<html><body><h1>Talks stall</h1><p>“{GALEOTTI},” said Mark Galeotti.</p><p>More.</p></body></html>"
    source = pending_source(html)
    run(source, html)
    claim = source.claims.get()
    assert source.text == f"Talks stall\n\n“{GALEOTTI},” said Mark Galeotti.\n\nMore."
    assert source.text[claim.start_offset:claim.end_offset] == GALEOTTI


def test_new_claims_are_handed_on_to_stance_scoring(monkeypatch):
    handed = []
    monkeypatch.setattr(extraction, "_claims_created", handed.append)
    source = pending_source(ARTICLE)
    run(source)
    run(source)
    assert handed == [sorted(source.claims.values_list("pk", flat=True))]


def test_the_sweeper_finds_sources_left_pending_by_a_broker_outage():
    now = timezone.now()
    stuck = pending_source(ARTICLE)
    fresh = pending_source(ARTICLE)
    Source.objects.filter(pk=stuck.pk).update(updated_at=now - timedelta(minutes=10))
    Source.objects.filter(pk=fresh.pk).update(updated_at=now)
    assert stalled_source_ids(now) == [stuck.pk]


def test_the_sweeper_hands_out_again_a_job_whose_worker_died():
    now = timezone.now()
    source = pending_source(ARTICLE)
    Source.objects.filter(pk=source.pk).update(extraction_status=Status.RUNNING, updated_at=now - timedelta(days=1))
    assert stalled_source_ids(now) == [source.pk]
    source.refresh_from_db()
    assert source.extraction_status == Status.PENDING


def test_the_sweeper_leaves_a_job_that_is_still_running():
    now = timezone.now()
    source = pending_source(ARTICLE)
    Source.objects.filter(pk=source.pk).update(extraction_status=Status.RUNNING, updated_at=now)
    assert stalled_source_ids(now) == []


def test_new_claims_are_queued_for_stance_scoring_after_commit(monkeypatch, django_capture_on_commit_callbacks):
    sent = []
    monkeypatch.setattr("forecasts.services.queue.send_now", lambda task, *args, **kw: sent.append((task.name, args)))
    source = pending_source(ARTICLE)
    with django_capture_on_commit_callbacks(execute=True):
        run(source)
    assert sent == [("forecasts.tasks.stance.score_claims", (sorted(source.claims.values_list("pk", flat=True)),))]


def test_an_extracted_claim_records_its_speakers_organization_at_the_time():
    rusi = OrganizationFactory(name="Royal United Services Institute", short_name="RUSI")
    galeotti = ExpertFactory(name="Mark Galeotti", aliases=["Galeotti"], organization=rusi)
    source = pending_source(ARTICLE)
    run(source)
    galeotti.organization = OrganizationFactory()
    galeotti.save()
    claims = {claim.expert.name: claim for claim in source.claims.all()}
    petrenko = Expert.objects.get(name="Olga Petrenko")
    assert claims["Mark Galeotti"].organization == rusi
    assert claims["Olga Petrenko"].organization == petrenko.organization is not None
