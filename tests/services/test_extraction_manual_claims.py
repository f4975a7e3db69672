"""A claim an analyst typed in by hand is not doubled when the article text is extracted later."""

import pytest

from forecasts.models import Claim, Source
from forecasts.models.sources import text_digest
from forecasts.services.extraction import extract_source
from tests.factories import ClaimFactory, ExpertFactory, SourceFactory
from tests.services.extraction_samples import ARTICLE, GALEOTTI

pytestmark = pytest.mark.django_db


def test_a_manual_claim_written_with_a_full_stop_and_straight_quotes_is_not_extracted_again():
    galeotti = ExpertFactory(name="Mark Galeotti")
    source = SourceFactory(text=ARTICLE, text_sha256=text_digest(ARTICLE),
                           extraction_status=Source.ExtractionStatus.PENDING)
    ClaimFactory(source=source, expert=galeotti, quote=f"{GALEOTTI}.", capture=Claim.Capture.MANUAL)
    extract_source(source.pk)
    assert source.claims.filter(quote__startswith="These talks").count() == 1
