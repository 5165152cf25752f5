"""Recall for citizens' own words: clauses the citizen query adds to its own.

`search/query.py` keeps its precise match; `clauses()` adds
- a forgiving alternative to the required match: the words that can name
  something (question words dropped, see search/lang/question_*.txt) plus
  their municipal synonyms (search/lang/synonyms_*.txt), most but not all of
  them required; so a full question, or everyday words where the page has the
  official ones, still finds the page, while pages matching the precise query
  keep scoring higher;
- ranking boosts: the synonyms in the weighted fields, the words near each
  other (phrase proximity), the municipality named in the query and its year.
Measured one by one with bench/relevance_eval.py (BENCHMARKS.md).

The expansion runs in Python rather than in a `synonym_graph` search
analyzer because the minimal development node has no such filter; the files
keep the Elasticsearch synonym format so a full cluster could load them.
"""

import re
import unicodedata
from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent / "lang"
LANGUAGES = ["sq", "sr", "tr", "en"]
# Of the remaining words, how many the forgiving pass needs: up to two words
# all of them, then all but a third (so one stray word of three is forgiven).
LOOSE_MATCH = "2<-34%"
# The forgiving alternative counts for little next to the precise ones, so it
# decides whether a page is found, hardly where it ranks.
LOOSE_BOOST = 0.3
SYNONYM_BOOST = 0.5
PROXIMITY_SLOP = 6
PROXIMITY_BOOST = 2
MUNICIPALITY_BOOST = 3
YEAR_BOOST = 1
# What the evaluation set supports (BENCHMARKS.md): the forgiving pass and the
# synonyms. Proximity, municipality and year boosts changed neither recall nor
# MRR there, so they stay off (each costs a clause); bench/relevance_eval.py
# --variants switches them on to measure them again.
ENABLED = {"loose", "synonyms"}

_CYRILLIC = dict(
    zip(
        "абвгдђежзијклмнопрстћуфхцчш",
        "abvgdđežzijklmnoprstćufhcčš",
        strict=True,
    )
)
_CYRILLIC.update({"љ": "lj", "њ": "nj", "џ": "dž"})


def fold(text):
    """Lower case, Cyrillic to Latin, no diacritics: how words are compared."""
    text = "".join(_CYRILLIC.get(c, c) for c in text.lower().replace("ı", "i"))
    text = text.replace("đ", "dj")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text):
    return re.findall(r"\w+", fold(text))


def _lines(name):
    path = LANG_DIR / name
    if not path.exists():
        return []
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


@cache
def question_words():
    return frozenset(
        word for code in LANGUAGES for line in _lines(f"question_{code}.txt")
        for word in words(line)
    )  # fmt: skip


@cache
def synonym_groups():
    """[(language, folded phrases of a group, the group as written)]."""
    groups = []
    for code in LANGUAGES:
        for line in _lines(f"synonyms_{code}.txt"):
            members = [m.strip() for m in line.split(",") if m.strip()]
            groups.append((code, [" ".join(words(m)) for m in members], members))
    return groups


@cache
def municipality_names():
    """[(folded spelling, every spelling of that municipality)], longest first."""
    names = []
    for line in _lines("municipalities.txt"):
        spellings = [s.strip() for s in line.split(",")[1:] if s.strip()]
        names += [(" ".join(words(s)), spellings) for s in spellings]
    return sorted(names, key=lambda pair: -len(pair[0]))


def _contains(haystack, phrase):
    return f" {phrase} " in f" {haystack} "


def synonyms(text):
    """{language: words of its groups the query touches that the query does
    not contain}, in the order of the synonym files."""
    folded = " ".join(words(text))
    extra = {}
    for code, phrases, members in synonym_groups():
        if any(_contains(folded, phrase) for phrase in phrases):
            found = extra.setdefault(code, [])
            found += [m for m, p in zip(members, phrases, strict=True)
                      if not _contains(folded, p) and m not in found]  # fmt: skip
    return {code: found for code, found in extra.items() if found}


def every(by_language):
    """The fields of every language, from {language: [fields]}."""
    return [name for names in by_language.values() for name in names]


def municipality(text):
    """Every spelling of the municipality the query names, or []."""
    folded = " ".join(words(text))
    for name, spellings in municipality_names():
        if _contains(folded, name):
            return spellings
    return []


def content_words(text):
    return [w for w in re.findall(r"\w+", text) if fold(w) not in question_words()]


def clauses(rest, visitor_locale, fields, fuzziness="AUTO"):
    """(alternatives to the required match, ranking boosts) for the words
    `rest`; `fields` are the whole-document fields (`all_sq`...) and the
    weighted ones (`title_sq^6`...) per language, as
    {"all": {language: [...]}, "weighted": {language: [...]}} (only the
    languages whose fields can score a hit: their synonyms boost, others not);
    `fuzziness` is the query's (its exact first pass asks with "0").
    """
    alternatives, boosts = [], []
    content = " ".join(content_words(rest))
    # A language's synonyms are searched in its own fields only: an Albanian
    # word for a Serbian document's field matched nothing but cost a term
    # lookup per field and segment (4x the clauses, BENCHMARKS.md).
    extra = synonyms(rest) if "synonyms" in ENABLED else {}
    if "loose" in ENABLED and content:
        loose = [
            {
                "multi_match": {
                    "query": content,
                    "fields": every(fields["all"]),
                    "fuzziness": fuzziness,
                    "prefix_length": 1,
                    "minimum_should_match": LOOSE_MATCH,
                    "boost": LOOSE_BOOST,
                }
            }
        ]
        # Everyday words for official ones: the query with its synonyms
        # needs as many matching words as the query alone would.
        needed = len(content.split())
        loose += [
            {
                "multi_match": {
                    "query": " ".join([content, *found]),
                    "fields": fields["all"][code],
                    "minimum_should_match": max(1, needed - needed // 3),
                    "boost": LOOSE_BOOST,
                }
            }
            for code, found in extra.items()
        ]
        alternatives += loose
    boosts += [
        {
            "multi_match": {
                "query": " ".join(found),
                "fields": fields["weighted"][code],
                "tie_breaker": 0.3,
                "boost": SYNONYM_BOOST,
            }
        }
        for code, found in extra.items()
        if code in fields["weighted"]
    ]
    if "proximity" in ENABLED and len(content.split()) > 1:
        boosts.append(
            {
                "multi_match": {
                    "query": content,
                    "type": "phrase",
                    "slop": PROXIMITY_SLOP,
                    "fields": every(fields["all"]),
                    "boost": PROXIMITY_BOOST,
                }
            }
        )
    spellings = municipality(rest) if "municipality" in ENABLED else []
    if spellings:
        boosts.append(
            {
                "bool": {
                    "should": [
                        {
                            "multi_match": {
                                "query": name,
                                "type": "phrase",
                                "fields": every(fields["all"]),
                            }
                        }
                        for name in spellings
                    ],
                    "boost": MUNICIPALITY_BOOST,
                }
            }
        )
    years = re.findall(r"\b(19[5-9]\d|20\d\d)\b", rest)
    if "year" in ENABLED and years:
        boosts.append(
            {
                "constant_score": {
                    "filter": {"terms": {"year": [int(y) for y in years]}},
                    "boost": YEAR_BOOST,
                }
            }
        )
    return alternatives, boosts
