from forecasts.extraction import Affiliation, find_affiliation


def test_it_reads_role_organisation_and_acronym_from_an_appositive():
    text = "Andrei Kortunov, head of the Russian International Affairs Council (RIAC), said so."
    assert find_affiliation("Andrei Kortunov", text) == Affiliation(
        "Russian International Affairs Council", "RIAC", "head"
    )


def test_it_reads_a_senior_fellow_at_an_institute():
    text = (
        "Mark Galeotti, a senior associate fellow at the Royal United Services Institute (RUSI), "
        "said."
    )
    found = find_affiliation("Mark Galeotti", text)
    assert (found.organization, found.short_name, found.role) == (
        "Royal United Services Institute", "RUSI", "senior associate fellow"
    )


def test_it_drops_the_descriptor_before_an_organisation_name():
    text = "For Tatiana Stanovaya, founder of political consultancy R.Politik, the week was grim."
    expected = Affiliation("R.Politik", "R.Politik", "founder")
    assert find_affiliation("Tatiana Stanovaya", text) == expected


def test_it_reads_a_title_before_the_name():
    text = "Talks ended. Kremlin spokesman Dmitry Peskov declined to comment."
    assert find_affiliation("Dmitry Peskov", text).role == "Kremlin spokesman"


def test_it_expands_a_possessive_acronym_from_elsewhere_in_the_text():
    text = (
        "The Royal United Services Institute (RUSI) held a panel. "
        "\"Not over,\" said RUSI's Galeotti."
    )
    found = find_affiliation("Mark Galeotti", text)
    assert (found.organization, found.short_name) == ("Royal United Services Institute", "RUSI")


def test_another_person_with_the_same_surname_lends_nothing():
    text = (
        "Democratic Rep. Carol Johnson, head of the Budget Committee, spoke. "
        "Mark Johnson did not."
    )
    assert find_affiliation("Mark Johnson", text) is None


def test_a_name_the_text_does_not_describe_has_no_affiliation():
    assert find_affiliation("Jane Doe", "Jane Doe said the talks failed.") is None
