"""manage.py score_stance: database-free scoring of (question, claim) pairs."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from forecasts.stance import model as stance_model
from tests.stance_support import TALKS, WAR, install_model, train_tiny, write_pairs_csv

KEYS = {"stance", "probabilities", "p_yes", "phrase"}


@pytest.fixture
def seeds(tmp_path) -> Path:
    return write_pairs_csv(tmp_path / "seed_pairs.csv")


def score(*args: str) -> tuple[list | str, str]:
    out, err = StringIO(), StringIO()
    call_command("score_stance", *args, stdout=out, stderr=err)
    text = out.getvalue()
    return (json.loads(text) if "--json" in args else text), err.getvalue()


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_it_prints_one_object_per_row_in_order(seeds, tmp_path):
    rows = f'question,claim\n"{TALKS}",These talks aren\'t over.\n"{WAR}",\n"{TALKS}",Yes.\n'
    result, _ = score(
        "--csv", str(write_csv(tmp_path / "in.csv", rows)), "--json", "--seeds", str(seeds)
    )
    assert [set(item) for item in result] == [KEYS, KEYS, KEYS]
    assert result[1] == {
        "stance": "neutral",
        "p_yes": None,
        "phrase": None,
        "probabilities": dict.fromkeys(stance_model.LABELS, 0.25),
    }


def test_the_probabilities_of_each_row_sum_to_one(seeds, tmp_path):
    rows = f'question,claim\n"{TALKS}",Another round is almost certain.\n"{WAR}",War is unlikely.\n'
    result, _ = score(
        "--csv", str(write_csv(tmp_path / "in.csv", rows)), "--json", "--seeds", str(seeds)
    )
    assert [round(sum(item["probabilities"].values()), 4) for item in result] == [1.0, 1.0]


def test_it_scores_one_pair_from_the_command_line(seeds):
    result, err = score(
        "--question",
        TALKS,
        "--claim",
        "Talks will almost certainly resume.",
        "--json",
        "--seeds",
        str(seeds),
    )
    assert (len(result), set(result[0]), "seed-trained" in err) == (1, KEYS, True)


def test_an_empty_csv_prints_an_empty_array(seeds, tmp_path):
    result, _ = score(
        "--csv",
        str(write_csv(tmp_path / "in.csv", "question,claim\n")),
        "--json",
        "--seeds",
        str(seeds),
    )
    assert result == []


def test_the_second_run_reuses_the_cached_seed_model(seeds, monkeypatch):
    trained = []
    real_train = stance_model.train
    monkeypatch.setattr(
        stance_model, "train", lambda *a, **k: trained.append(1) or real_train(*a, **k)
    )
    score("--question", TALKS, "--claim", "Yes.", "--json", "--seeds", str(seeds))
    score("--question", TALKS, "--claim", "No.", "--json", "--seeds", str(seeds))
    assert len(trained) == 1


def test_a_corrupted_cache_is_retrained_not_unpickled(seeds):
    score("--question", TALKS, "--claim", "Yes.", "--json", "--seeds", str(seeds))
    for cached in Path(settings.STANCE_ARTIFACT_DIR).glob("seed-*.joblib"):
        cached.write_bytes(b"tampered")
    result, _ = score("--question", TALKS, "--claim", "Yes.", "--json", "--seeds", str(seeds))
    assert set(result[0]) == KEYS


@pytest.mark.django_db
def test_it_uses_the_active_model_when_the_database_has_one(seeds):
    install_model(train_tiny(), version="tiny-active")
    _, err = score("--question", TALKS, "--claim", "Yes.", "--json", "--seeds", str(seeds))
    assert "tiny-active" in err


@pytest.mark.parametrize(
    ("content", "encoding", "message"),
    [
        ("q,c\n1,2\n", "utf-8", "missing column(s) question, claim"),
        ("question\nWill it?\n", "utf-8", "missing column(s) claim"),
        ("", "utf-8", "missing column(s) question, claim"),
        ("question,claim\nWill it rain?,Il pleuvra à coup sûr.\n", "latin-1", "not UTF-8"),
    ],
)
def test_a_bad_csv_is_a_readable_error(tmp_path, content, encoding, message):
    path = write_csv(tmp_path / "bad.csv", content, encoding)
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        score("--csv", str(path), "--json")


def test_a_missing_csv_is_a_readable_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        score("--csv", str(tmp_path / "absent.csv"), "--json")


@pytest.mark.parametrize(
    "args",
    [
        ("--question", TALKS),
        ("--claim", "Yes."),
        ("--csv", "x.csv", "--question", TALKS, "--claim", "Yes."),
    ],
)
def test_it_needs_either_a_csv_or_a_question_and_a_claim(args):
    with pytest.raises(CommandError, match="Give"):
        score(*args)


def test_it_runs_before_migrate_without_creating_the_database(seeds, tmp_path):
    database = tmp_path / "never-created.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "STANCE_ARTIFACT_DIR": str(tmp_path / "models"),
    }
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "score_stance",
            "--question",
            TALKS,
            "--claim",
            "Yes.",
            "--json",
            "--seeds",
            str(seeds),
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (done.returncode, set(json.loads(done.stdout)[0]), database.exists()) == (0, KEYS, False)
