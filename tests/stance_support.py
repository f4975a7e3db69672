"""A tiny stance model for tests: a handful of pairs, trained once per test module.

The fixtures at the end are shared by the stance service and task tests; a module uses them by
importing them (``from tests.stance_support import _eager, active, tiny``).
"""

import csv
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings

from forecasts.models import StanceModel
from forecasts.services.stance import registry
from forecasts.stance import model as stance_model
from forecasts.stance.model import LABELS
from tracker.celery import app as celery_app

TALKS = "Will the United States and Russia hold new talks before March?"
WAR = "Will Russia launch a military offensive into Ukraine before July?"
TINY_PAIRS = [
    (TALKS, "These talks aren't over; another round is almost certain.", "agree"),
    (TALKS, "Both delegations will meet again very soon.", "agree"),
    (TALKS, "I expect the envoys to sit down together again next month.", "agree"),
    (TALKS, "No further talks with the U.S. are in the pipeline.", "disagree"),
    (TALKS, "Negotiations are over and will not resume.", "disagree"),
    (TALKS, "A new round of talks is highly unlikely.", "disagree"),
    (TALKS, "It depends on what Washington offers next week.", "neutral"),
    (TALKS, "Now we'll wait to see how Russia reacts.", "neutral"),
    (TALKS, "The central bank raised interest rates again.", "unrelated"),
    (TALKS, "The football final drew a record crowd.", "unrelated"),
    (WAR, "The risk of war is real and it grows every day.", "agree"),
    (WAR, "An invasion is almost certain within weeks.", "agree"),
    (WAR, "Russia will not invade; the troops are exercising.", "disagree"),
    (WAR, "An offensive is very unlikely this year.", "disagree"),
    (WAR, "Whether troops cross the border depends on the talks.", "neutral"),
    (WAR, "Analysts disagree about what the build-up means.", "neutral"),
    (WAR, "Wheat prices fell on strong harvest forecasts.", "unrelated"),
    (WAR, "A new smartphone went on sale on Friday.", "unrelated"),
]


def train_tiny() -> stance_model.StanceClassifier:
    questions, claims, labels = zip(*TINY_PAIRS, strict=True)
    return stance_model.train(questions, claims, labels, config="default")


def write_pairs_csv(path: Path, pairs=TINY_PAIRS) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["question", "claim", "label"])
        writer.writerows(pairs)
    return path


def install_model(classifier, *, active: bool = True, version: str = "tiny-1") -> StanceModel:
    """Save ``classifier`` under the (per-test) artifact folder and record its row."""
    info = stance_model.save(classifier, registry.artifact_file(version), version)
    registry.forget_loaded()
    return StanceModel.objects.create(
        version=version,
        status=StanceModel.Status.READY,
        config="default",
        artifact_path=registry.stored_path(Path(info.path)),
        artifact_sha256=info.sha256,
        library_versions=info.versions,
        is_active=active,
        training_size=len(TINY_PAIRS),
    )


class FixedClassifier:
    """Stands in for a StanceClassifier: every pair gets the row chosen for its question."""

    def __init__(self, rows_by_question: dict[str, list[float]], default=(0.05, 0.05, 0.1, 0.8)):
        self.rows_by_question = rows_by_question
        self.default = list(default)
        self.calls = 0

    def predict_proba(self, questions, claims) -> np.ndarray:
        self.calls += 1
        rows = [self.rows_by_question.get(q, self.default) for q in questions]
        return np.asarray(rows, dtype=float).reshape(len(rows), len(LABELS))

    def decide(self, proba: np.ndarray) -> np.ndarray:
        return np.asarray(LABELS, dtype=object)[proba.argmax(axis=1)]


def artifact_dir() -> Path:
    return Path(settings.STANCE_ARTIFACT_DIR)


@contextmanager
def eager_tasks():
    """Tasks run in-process even in the PostgreSQL + Redis pass (where a broker is configured)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _eager():
    """Every test of a module that imports this fixture runs its tasks eagerly."""
    with eager_tasks():
        yield


@pytest.fixture(scope="module")
def tiny():
    return train_tiny()


@pytest.fixture
def active(db, tiny):
    return install_model(tiny)
