"""Acts, decisions, sessions and minutes of January–June 2018 in every language.

The office publishes each of them in Albanian, Serbian and Turkish (and most in
English), so every item carries its own text and slug per language; the texts
are in demo_texts/official.toml. Serbian is written in Latin script, as on the
municipality's website; slugs are ASCII.
"""

import tomllib
from pathlib import Path

LANGS = ("sq", "sr", "tr", "en")
TEXTS = tomllib.loads(
    (Path(__file__).parent / "demo_texts" / "official.toml").read_text()
)
# Strings shared by several items (place, legal basis, agenda): {sq: {lang: text}}.
COMMON = TEXTS["common"]
# Acts and decisions whose English courtesy translation is still to come.
NOT_IN_ENGLISH = {"winter-roads", "office-hours", "honours", "business-hours"}
FIELDS = ("slug", "title", "summary")


def _numbered(table, number):
    return {
        field: {code: by_lang[code].format(n=number) for code in LANGS}
        for field, by_lang in table.items()
    }


def session_texts(number):
    return _numbered(TEXTS["session"], number)


def minutes_texts(number):
    return _numbered(TEXTS["minutes"], number)


def _by_field(row):
    return {
        field: {code: row[code][index] for code in LANGS}
        for index, field in enumerate(FIELDS)
    }


def acts():
    """Dicts with key, number, type, adopted, status, amends and texts."""
    return [{**row, "texts": _by_field(row)} for row in TEXTS["acts"]]


def decisions():
    """Dicts with key, number, date (None: the session's), session, topic and
    texts; the subject rows get their titles from [forms]."""
    found = [{**row, "texts": _by_field(row)} for row in TEXTS["decisions"]]
    forms = TEXTS["forms"]
    for row in TEXTS["subjects"]:
        texts = {field: {} for field in FIELDS}
        for code in LANGS:
            stem, subject = row[code]
            prefix, title, assembly, mayor = forms[code]
            title = title.format(s=subject)
            texts["slug"][code] = f"{prefix}-{stem}"
            texts["title"][code] = title[0].upper() + title[1:]
            session = row.get("session")
            texts["summary"][code] = assembly.format(n=session) if session else mayor
        found.append({**row, "texts": texts})
    for index, row in enumerate(found):
        if "number" not in row:
            # Assembly decisions are numbered 01-…/18, the Mayor's 02-…/18.
            row["number"] = f"{'01' if row.get('session') else '02'}-{200 + index}/18"
    return found
