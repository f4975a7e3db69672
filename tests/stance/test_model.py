from pathlib import Path

import numpy as np
import pytest

from forecasts.stance.model import (
    LABELS,
    ArtifactError,
    Evaluation,
    StanceClassifier,
    StanceConfig,
    evaluate,
    load,
    save,
    train,
)

TALKS = "Will senior U.S. and Russian officials hold a new round of talks before March?"
WAR = "Will Russia launch a large-scale military offensive into Ukraine before July?"
NATO = "Will NATO guarantee that Ukraine will never be admitted before December?"

CLAIMS = {
    "agree": [
        "{topic} is almost certain to happen, officials said.",
        "Analysts expect {topic} within weeks; it is very likely.",
        "The diplomat confirmed {topic} is coming and will happen.",
    ],
    "disagree": [
        "There will be no {topic}; the minister ruled it out.",
        "{topic} will never happen, the spokesman denied the reports.",
        "Officials said {topic} is not going to happen and is off the table.",
    ],
    "neutral": [
        "Reporters asked about {topic} but the spokesman declined to comment.",
        "It is unclear whether {topic} is being discussed, sources said.",
        "Commentators debated {topic} on television last night.",
    ],
    "unrelated": [
        "The football club signed a striker from Brazil for the season.",
        "A new bakery opened downtown selling sourdough bread.",
        "Heavy rain flooded several streets in the old town on Sunday.",
    ],
}
TOPICS = {TALKS: "new talks between officials", WAR: "a military offensive into Ukraine",
          NATO: "a NATO guarantee on Ukraine"}
FAST = StanceConfig("test", lsa_components=5, lsa_output=3, max_iter=30,
                   min_samples_leaf=2, calibrate=True)


def labelled_pairs():
    rows = [(question, template.format(topic=topic), label)
            for question, topic in TOPICS.items()
            for label, templates in CLAIMS.items() for template in templates]
    questions, claims, labels = zip(*rows, strict=True)
    return list(questions), list(claims), list(labels)


@pytest.fixture(scope="module")
def classifier() -> StanceClassifier:
    return train(*labelled_pairs(), config=FAST)


def test_probabilities_come_in_the_fixed_label_order_and_sum_to_one(classifier):
    questions, claims, _ = labelled_pairs()
    proba = classifier.predict_proba(questions, claims)
    assert proba.shape == (len(claims), len(LABELS))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)


def test_predictions_are_stance_labels(classifier):
    questions, claims, _ = labelled_pairs()
    assert set(classifier.predict(questions, claims)) <= set(LABELS)


def test_a_class_missing_from_training_gets_probability_zero():
    questions, claims, labels = labelled_pairs()
    kept = [i for i, label in enumerate(labels) if label != "neutral"]
    model = train([questions[i] for i in kept], [claims[i] for i in kept],
                  [labels[i] for i in kept], config=FAST)
    proba = model.predict_proba(questions[:3], claims[:3])
    np.testing.assert_array_equal(proba[:, LABELS.index("neutral")], 0.0)


def test_training_data_is_mostly_predicted_correctly(classifier):
    questions, claims, labels = labelled_pairs()
    assert np.mean(classifier.predict(questions, claims) == np.array(labels)) > 0.6


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate(*labelled_pairs(), folds=3, config=FAST)


def test_evaluation_confusion_matrix_accounts_for_every_pair(evaluation):
    labels = labelled_pairs()[2]
    matrix = np.array(evaluation.confusion)
    assert matrix.sum() == len(labels)
    assert list(matrix.sum(axis=1)) == [labels.count(label) for label in LABELS]


def test_evaluation_accuracy_matches_its_confusion_matrix(evaluation):
    matrix = np.array(evaluation.confusion)
    assert evaluation.accuracy == pytest.approx(np.trace(matrix) / matrix.sum())


def test_evaluation_reports_f1_for_every_label(evaluation):
    assert set(evaluation.as_dict()["per_class_f1"]) == set(LABELS)


def test_evaluation_grouped_by_question_keeps_each_question_in_one_fold():
    result = evaluate(*labelled_pairs(), folds=3, config=FAST, group_by_question=True)
    assert result.grouped_by_question and np.array(result.confusion).sum() == 36


def test_evaluation_can_score_a_subset_while_training_on_every_pair(evaluation):
    questions, claims, labels = labelled_pairs()
    everything = evaluate(questions, claims, labels, folds=3, config=FAST,
                          scored=[True] * len(labels))
    assert everything == evaluation  # the same folds and models as without ``scored``
    scored = [i % 3 != 0 for i in range(len(labels))]
    part = evaluate(questions, claims, labels, folds=3, config=FAST, scored=scored)
    assert np.array(part.confusion).sum() == part.n == sum(scored)
    # Every pair was still trained on: the subset's confusion is a part of the whole one.
    assert (np.array(part.confusion) <= np.array(evaluation.confusion)).all()


def test_training_rejects_unknown_labels():
    questions, claims, labels = labelled_pairs()
    with pytest.raises(ValueError, match="unknown stance labels"):
        train(questions, claims, ["maybe"] + labels[1:], config=FAST)


def test_training_rejects_an_unknown_config_name():
    with pytest.raises(ValueError, match="unknown stance config"):
        train(*labelled_pairs(), config="no-such-config")


def test_save_and_load_round_trip(classifier, tmp_path: Path):
    questions, claims, _ = labelled_pairs()
    info = save(classifier, tmp_path / "stance.joblib", version="2026.1")
    loaded = load(info.path, info.sha256)
    np.testing.assert_allclose(loaded.predict_proba(questions, claims),
                               classifier.predict_proba(questions, claims))
    assert loaded.metadata["version"] == "2026.1"


def test_saved_metadata_records_versions_and_checksum(classifier, tmp_path: Path):
    info = save(classifier, tmp_path / "stance.joblib", version="v1")
    assert set(info.versions) >= {"sklearn", "numpy", "python"}
    assert len(info.sha256) == 64


def test_a_tampered_artifact_is_refused(classifier, tmp_path: Path):
    info = save(classifier, tmp_path / "stance.joblib", version="v1")
    data = bytearray(Path(info.path).read_bytes())
    data[len(data) // 2] ^= 0xFF
    Path(info.path).write_bytes(bytes(data))
    with pytest.raises(ArtifactError, match="checksum mismatch"):
        load(info.path, info.sha256)


def test_a_missing_artifact_is_refused(tmp_path: Path):
    with pytest.raises(ArtifactError, match="cannot read"):
        load(tmp_path / "absent.joblib", "0" * 64)


def test_an_artifact_from_another_sklearn_version_is_refused(classifier, tmp_path, monkeypatch):
    info = save(classifier, tmp_path / "stance.joblib", version="v1")
    monkeypatch.setattr("forecasts.stance.model.sklearn.__version__", "0.1.0")
    with pytest.raises(ArtifactError, match="retrain"):
        load(info.path, info.sha256)


@pytest.mark.parametrize("claim", [
    "", "   ", "No.", None, 42, "x" * 100_000, "Переговоры продолжатся в феврале.",
    "谈判将在二月继续", "!!! ??? ...", "talks " * 20_000,
])
def test_bad_claims_still_get_probabilities(classifier, claim):
    proba = classifier.predict_proba([TALKS], [claim])
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)


def test_an_empty_batch_gives_an_empty_probability_matrix(classifier):
    assert classifier.predict_proba([], []).shape == (0, len(LABELS))


@pytest.mark.parametrize("name", ["default", "default-ngrams", "ibm"])
def test_the_named_linear_configs_train_on_a_small_set(name):
    questions, claims, _ = labelled_pairs()
    model = train(*labelled_pairs(), config=name)
    assert model.predict_proba(questions[:2], claims[:2]).shape == (2, len(LABELS))


def test_the_linear_model_trains_with_relative_cues():
    questions, claims, _ = labelled_pairs()
    config = StanceConfig("test-relative", classifier="linear", lsa_components=5,
                          relative_cues=True, relative_weight=0.5)
    model = train(*labelled_pairs(), config=config)
    assert set(model.predict(questions, claims)) <= set(LABELS)
