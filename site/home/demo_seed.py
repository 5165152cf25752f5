"""The Gjilan seed texts the apps' demo providers read (`Demo.texts`, see
core.demo): the site keeps the municipality's own words, places and rows; each
app's demo.py knows only how to turn them into its pages."""

from datetime import date

from home import demo_data, demo_official, demo_press

# Translated in this order; the source language is the default locale.
TARGETS = ("sr", "tr", "en")
# The press releases waiting in the queue were requested in these languages.
REQUESTED = ("sr", "tr")
# The half-year the seed report covers.
PERIOD = (date(2018, 1, 1), date(2018, 6, 30))
# Which demo department (demo_data.DEPARTMENTS key) answers for what.
DEPARTMENT = {
    "assembly": "assembly",
    "mayor": "zip",
    "competition": "education",
    "tender": "finance",
}
PLACE = "Salla e Kuvendit Komunal, Gjilan"
LEGAL_BASIS = "Ligji nr. 03/L-040 për vetëqeverisjen lokale, neni 12"
AGENDA = [
    (
        "Miratimi i procesverbalit të seancës së kaluar",
        "Kryesuesi i Kuvendit",
        "0:05:00",
    ),
    ("Informata e Kryetarit për punën e ekzekutivit", "Kryetari i Komunës", "0:20:00"),
]
HALL = {
    "sq": "Salla e konferencave e Komunës, Gjilan",
    "sr": "Konferencijska sala Opštine, Gnjilane",
    "tr": "Belediye konferans salonu, Gilan",
    "en": "Municipal conference room, Gjilan",
}
CONTACT = "Zyra për Informim Publik, tel. 0280 320 000"
FACEBOOK_URL = "https://www.facebook.com/KomunaGjilan"
# The closing line of a competition's summary ("Deadline: 30.06.2018.").
DEADLINE = "Afati: {:%d.%m.%Y}."

SESSIONS = demo_data.SESSIONS
COMPETITIONS = demo_data.COMPETITIONS
COMPETITION_SR = demo_data.COMPETITION_SR
session_texts = demo_official.session_texts
minutes_texts = demo_official.minutes_texts
acts = demo_official.acts
decisions = demo_official.decisions
NOT_IN_ENGLISH = demo_official.NOT_IN_ENGLISH
communications = demo_press.communications
ascii_slug = demo_press.ascii_slug
CLOSING = demo_press.CLOSING


def common(code):
    """Strings shared by several official items, {sq text: text in `code`}."""
    return {sq: by_lang[code] for sq, by_lang in demo_official.COMMON.items()}
