"""manage.py train_stance: seeds, optional corpora, explicit activation."""

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from forecasts.models import StanceModel
from tests.stance_support import TALKS, TINY_PAIRS, write_pairs_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(tmp_path) -> Path:
    return write_pairs_csv(tmp_path / "seed_pairs.csv")


def train(*args: str) -> str:
    out = StringIO()
    call_command("train_stance", *args, stdout=out)
    return out.getvalue()


def write_fnc1(folder: Path) -> Path:
    folder.mkdir()
    with open(folder / "train_bodies.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(
            [
                ("Body ID", "articleBody"),
                ("1", "Talks resumed in Geneva."),
                ("2", "A storm hit the coast."),
            ]
        )
    with open(folder / "train_stances.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(
            [
                ("Headline", "Body ID", "Stance"),
                (TALKS, "1", "agree"),
                (TALKS, "2", "unrelated"),
                ("Talks collapse", "1", "disagree"),
                ("Talks collapse", "2", "discuss"),
            ]
        )
    return folder


def write_ibm(path: Path) -> Path:
    header = ("split", "topicText", "claims.stance", "claims.claimCorrectedText")
    rows = [
        ("train", "Video games should be banned", "PRO", "They cause aggression"),
        ("train", "Video games should be banned", "CON", "They are harmless fun"),
        ("test", "Nuclear power is good", "PRO", "It is low-carbon"),
    ]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def test_it_trains_an_inactive_model_from_the_seeds(seeds):
    output = train("--seeds", str(seeds), "--folds", "2", "--no-analyst-labels")
    model = StanceModel.objects.get()
    assert (model.status, model.is_active, model.training_size) == ("ready", False, len(TINY_PAIRS))
    assert "macro-F1" in output


def test_activate_makes_it_the_active_model(seeds, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        train("--seeds", str(seeds), "--folds", "0", "--activate")
    assert StanceModel.objects.get().is_active is True


def test_fnc1_and_ibm_are_added_with_their_counts(seeds, tmp_path):
    fnc1, ibm = write_fnc1(tmp_path / "fnc-1"), write_ibm(tmp_path / "ibm.csv")
    train("--seeds", str(seeds), "--fnc1", str(fnc1), "--ibm", str(ibm), "--folds", "0")
    provenance = StanceModel.objects.get().provenance
    assert (provenance["fnc1"]["rows"], provenance["ibm"]["rows"]) == (4, 2)


@pytest.mark.parametrize(
    ("option", "name", "message"),
    [
        ("--fnc1", "absent-folder", "no such folder"),
        ("--ibm", "absent.csv", "no such file"),
    ],
)
def test_a_missing_corpus_is_a_readable_error(seeds, tmp_path, option, name, message):
    with pytest.raises(CommandError, match=message):
        train("--seeds", str(seeds), option, str(tmp_path / name))


def test_a_corpus_without_its_columns_is_a_readable_error(seeds, tmp_path):
    bad = tmp_path / "ibm.csv"
    bad.write_text("topic,claim\nx,y\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing column"):
        train("--seeds", str(seeds), "--ibm", str(bad), "--folds", "0")
    assert not StanceModel.objects.exists()
