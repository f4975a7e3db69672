"""Closed word lists used to tell people from titles, organisations and places.

The lists are generic English news vocabulary, not tuned to any particular article.
Everything is lower case with dots removed.
"""
from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _words(
    """
    president vice-president vice prime minister deputy foreign defence defense finance economy
    interior justice health energy trade culture education transport infrastructure agriculture
    secretary under-secretary undersecretary general attorney-general state spokesman spokeswoman
    spokesperson press chancellor vice-chancellor senator sen rep representative congressman
    congresswoman governor gov lieutenant mayor ambassador envoy chairman chairwoman chair chief
    executive ceo cfo coo cto director director-general head leader king queen prince princess
    sheikh emir sultan pope cardinal archbishop bishop rabbi imam dr mr mrs ms mx miss prof
    professor sir dame lord lady judge justice commissioner high commander colonel col gen lt
    maj major captain capt admiral adm sergeant sgt officer adviser advisor counsel economist
    analyst strategist founder co-founder fellow senior junior associate national security central
    treasury opposition speaker first former acting interim incoming outgoing caretaker
    superintendent inspector marshal field crown adm cmdr cpl pvt hon amb supt insp det brig
    federal deputy-head mp mep mla presidential
    st saint worker employee resident coach manager pastor father rev reverend detective sheriff
    trooper corporal nurse doctor journalist reporter columnist editor author writer lawyer
    activist actor actress singer scientist researcher surgeon neurosurgeon expert historian
    lecturer diplomat negotiator curator campaigner attorney district prosecutor
    """
)

ORG_WORDS = _words(
    """
    ministry ministries department office council institute institution university college
    school academy centre center foundation fund bank agency authority commission committee
    association federation union party group holdings capital securities partners research
    consulting consultancy company corporation corp inc ltd llc plc co gmbh ag sa times post
    journal news press television radio tv network service services board court parliament
    congress senate assembly duma rada government administration command forces army navy
    force police guard republic kingdom states nations league alliance organization
    organisation observatory forum initiative program programme project society club church
    county city province region district exchange market markets commodities industries
    industry technologies systems media magazine review daily weekly herald tribune gazette
    """
)

NATIONALITIES = _words(
    """
    russian american british english french german italian spanish chinese japanese korean
    indian pakistani iranian iraqi israeli palestinian saudi turkish ukrainian polish hungarian
    dutch belgian swiss swedish norwegian danish finnish estonian latvian lithuanian belarusian
    georgian armenian azerbaijani kazakh syrian lebanese egyptian taiwanese european western
    eastern african asian arab canadian mexican brazilian argentine australian austrian greek
    portuguese czech slovak romanian bulgarian serbian croatian irish scottish welsh nigerian
    kenyan south north democratic republican conservative liberal socialist
    """
)

# Capitalised words that are never (part of) a speaker's name.
NOT_NAMES = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec reuters afp ap bloomberg tass interfax xinhua ria bbc cnn the a an this that these
    those it its he she they we i you his her their our my your there here one two three some
    many most several other others another each every all both no none any in on at for from
    with by to of as after before since during under over about against among between into
    through despite unlike like and but or yet so still also then now later earlier
    meanwhile however moreover separately nonetheless nevertheless instead indeed asked
    speaking writing according while when where if although though because once until
    russia ukraine china taiwan moscow kyiv kiev beijing washington london paris berlin
    brussels tokyo geneva vienna europe america iran israel gaza turkey ankara istanbul india
    japan korea seoul taipei france germany britain poland hungary arabia riyadh syria iraq
    nato eu un us usa uk opec g7 g20 who imf kremlin pentagon whitehall downing west east
    north south god christmas easter ramadan covid internet twitter facebook
    """
)

PRONOUNS = frozenset({"he", "she"})

DETERMINERS = _words(
    "a an the one two three four five some several many most other others another each every "
    "all both no any this that these those such certain few"
)

PREPOSITIONS = _words(
    "in on at for from with by to of as after before since during under over about against "
    "among between into through despite unlike like near across around amid within without "
    "when while earlier later last this next"
)

PARTICLES = _words("van von der den de da del della di du la le dos das ter ten bin ibn al el")

# Verbs that introduce speech or its report.  The present forms cover profile pieces
# ("Galeotti expects ..."); "told" is followed by a listener.
SPEECH_VERBS = _words(
    """
    said says told tells added adds warned warns argued argues noted notes stressed stresses
    insisted insists explained explains wrote writes replied continued claimed claims cautioned
    acknowledged conceded predicted predicts suggested suggests echoed declared announced
    remarked observed concluded maintained believes expects contended contends asserted asked
    """
)

# Verbs after which the reported clause must be introduced by "that".
THAT_VERBS = _words(
    "noted notes stressed stresses claimed claims cautioned acknowledged conceded echoed declared "
    "announced remarked observed concluded maintained explained explains contended contends "
    "asserted replied continued wrote writes asked"
)

# Time words that may sit between a speech verb and its clause ("said Thursday that ...").
TIME_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight "
    "afterwards again recently previously"
)

ABBREVIATIONS = _words(
    """mr mrs ms dr prof sen rep gov gen col lt capt sgt st jr sr no vs etc inc corp ltd co
    jan feb mar apr jun jul aug sep sept oct nov dec approx est fig dept univ ave mt ft
    adm maj cmdr cpl pvt hon amb supt insp det brig lieut"""
)
