import pytest

from forecasts.extraction import KnownExpert, match_expert

EXPERTS = [
    KnownExpert(1, "Mark Galeotti", ("Galeotti", "RUSI's Galeotti"), "RUSI"),
    KnownExpert(2, "Tatiana Stanovaya", (), "R.Politik"),
    KnownExpert(3, "John Smith", (), "IISS"),
    KnownExpert(4, "Jane Smith", (), "Chatham House"),
    KnownExpert(5, "Selin Aydın", (), None),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mark Galeotti", 1),
        ("mark  galeotti", 1),
        ("Dr. Mark Galeotti", 1),
        ("RUSI's Galeotti", 1),
        ("Galeotti", 1),
        ("Stanovaya", 2),
        ("R.Politik's Stanovaya", 2),
        ("Selin Aydin", 5),
        ("M. Galeotti", 1),
        ("J. Smith", None),
        ("Smith", None),
        ("Peter Smith", None),
        ("IISS's Smith", 3),
        ("Chatham House's Smith", 4),
        ("RUSI's Stanovaya", None),
        ("Sergei Lavrov", None),
        ("", None),
    ],
)
def test_it_matches_only_the_one_expert_the_name_can_mean(name, expected):
    assert match_expert(name, EXPERTS) == expected


def test_it_matches_nothing_against_an_empty_list():
    assert match_expert("Mark Galeotti", []) is None
