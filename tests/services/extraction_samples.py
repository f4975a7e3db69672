"""A short article shared by the extraction tests, and a fixture that runs Celery in-process.

The article is our own writing: two attributed quotes (one known-style speaker with an acronym,
one new speaker picked up through a pronoun), a byline, and an unattributed quote that must not
become a claim.
"""
import pytest

from tracker.celery import app

GALEOTTI = "These talks are far from over, and both sides know it"
PETRENKO = "The risk of a blockade is real and it grows every week"
ARTICLE = f"""Grain corridor talks stall in Istanbul

By Jane Reporter

“{GALEOTTI},” said Mark Galeotti, a senior associate fellow at the Royal United Services Institute (RUSI).

Olga Petrenko, head of the Kyiv Centre for Maritime Studies (KCMS), was blunter. “{PETRENKO},” she said.

Other observers said "nobody really knows what happens next in the Black Sea."
"""
WITHOUT_GALEOTTI = "\n\n".join(p for p in ARTICLE.split("\n\n") if GALEOTTI not in p)
KORTUNOV = "Now we will wait to see how the other side reacts to all this"
EXTRA = f"\n“{KORTUNOV},” said Andrei Kortunov, head of the Russian International Affairs Council.\n"


@pytest.fixture
def eager_celery():
    """Tasks run in-process even in the PostgreSQL + Redis pass (where a broker is configured)."""
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield app
    app.conf.task_always_eager = previous
