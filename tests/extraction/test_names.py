import pytest

from forecasts.extraction.names import NameBook, parse_person


@pytest.mark.parametrize(
    ("run", "name"),
    [
        ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
        ("European Commission Vice-President Katrin van der Berg", "Katrin van der Berg"),
        ("Energy Minister Khalid al-Rashed", "Khalid al-Rashed"),
        ("Dr. Amara Okonkwo", "Amara Okonkwo"),
        ("RUSI's Galeotti", "Galeotti"),
    ],
)
def test_it_strips_titles_and_owners_from_a_name(run, name):
    assert parse_person(run).name == name


NOT_PEOPLE = ["Royal United Services Institute", "NATO", "In December", "Tech UK"]


@pytest.mark.parametrize("run", NOT_PEOPLE)
def test_organisations_places_and_dates_are_not_people(run):
    assert parse_person(run) is None


def test_a_surname_resolves_to_the_latest_full_name_before_it():
    text = "John Smith spoke. Later Jane Smith spoke. Smith said."
    book = NameBook(text)
    positions = (-1, text.index("Later") - 1, text.index("Smith said"))
    resolved = [book.resolve("Smith", position) for position in positions]
    assert resolved == ["Smith", "John Smith", "Jane Smith"]


def test_an_east_asian_family_name_resolves_to_the_full_name():
    book = NameBook("Defence Minister Chen Wei-lun spoke. Chen said more.")
    assert book.resolve("Chen", 40) == "Chen Wei-lun"
