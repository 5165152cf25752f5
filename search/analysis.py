"""Settings and mappings of the transparency index.

Every language version is one document; its text goes into fields named after
its language (`title_sq`, `body_sr`, ...) so each is analysed by that language's
analyzer and a query is analysed once per language. Choices were measured on
tests/search/test_relevance.py (see README, "Search").
"""

from django.conf import settings

from core.search_registry import registry

LANGUAGES = ["sq", "sr", "tr", "en"]
TEXT_FIELDS = ["title", "summary", "body", "attachments"]
# The texts whose highlighting reads stored offsets (index_mappings).
OFFSET_FIELDS = ["summary", "body", "attachments"]

# Both spellings: stop filters run before (sq) or after (sr) folding.
ALBANIAN_STOP = [
    "e", "i", "të", "te", "së", "se", "në", "ne", "për", "per", "dhe", "me", "nga",
    "që", "qe", "një", "nje", "u", "si", "ka", "do", "jo", "ose", "apo", "mbi",
    "pa", "deri", "tek", "ku", "kjo", "ky", "këtë", "kete", "ai", "ajo", "janë",
    "jane", "është", "eshte", "edhe",
]  # fmt: skip
SERBIAN_STOP = [
    "i", "u", "o", "na", "za", "je", "da", "se", "su", "od", "do", "sa", "iz",
    "po", "ili", "a", "ne", "kao", "koji", "koja", "koje", "ili", "pa", "ali",
]  # fmt: skip
TURKISH_STOP = [
    "ve", "ile", "bir", "bu", "için", "da", "de", "mi", "ne", "o", "şu", "ya",
    "ki", "gibi", "her",
]  # fmt: skip

# Per language: the filters after the standard tokenizer. Albanian has no
# Lucene stemmer: Debian's hunspell sq_AL reduces many inflected forms
# ("vendimi" → "vendim", "komunës" → "komunë") and a five-letter prefix
# subfield catches the rest ("buxhetin"/"buxhetit" → "buxhe").
LANGUAGE_FILTERS = {
    "sq": ["lowercase", "sq_stop", "sq_hunspell", "asciifolding"],
    "sr": [
        "lowercase",
        "sr_stemmer",
        "serbian_normalization",
        "sr_stop",
        "asciifolding",
    ],
    "tr": ["apostrophe", "tr_lowercase", "tr_stop", "tr_stemmer", "asciifolding"],
    "en": [
        "en_possessive",
        "lowercase",
        "en_stop",
        "en_stemmer",
        "asciifolding",
    ],
}
# Lower-casing, stop words and folding, no stemming, for the prefix subfields.
# Without the stop words a query's "per" (or "za", "ve") was a word the prefix
# match required and the scoring read from one of the longest posting lists.
LANGUAGE_FOLDING = {
    "sq": ["lowercase", "sq_stop", "asciifolding"],
    "sr": ["lowercase", "serbian_normalization", "sr_stop", "asciifolding"],
    "tr": ["apostrophe", "tr_lowercase", "tr_stop", "asciifolding"],
    "en": ["lowercase", "en_stop", "asciifolding"],
}
PREFIX_LENGTH = 5


def index_settings():
    filters = {
        "sq_stop": {"type": "stop", "stopwords": ALBANIAN_STOP},
        "sq_hunspell": {"type": "hunspell", "locale": "sq_AL", "dedup": True},
        "sr_stop": {"type": "stop", "stopwords": SERBIAN_STOP},
        "sr_stemmer": {"type": "stemmer", "language": "serbian"},
        "tr_lowercase": {"type": "lowercase", "language": "turkish"},
        "tr_stop": {"type": "stop", "stopwords": TURKISH_STOP},
        "tr_stemmer": {"type": "stemmer", "language": "turkish"},
        "en_possessive": {"type": "stemmer", "language": "possessive_english"},
        "en_stop": {"type": "stop", "stopwords": "_english_"},
        "en_stemmer": {"type": "stemmer", "language": "english"},
        # Truncation by another name: keeps the first letters of long words and
        # short words whole (the minimal node has no `truncate` filter).
        "prefix": {
            "type": "edge_ngram",
            "min_gram": PREFIX_LENGTH,
            "max_gram": PREFIX_LENGTH,
            "preserve_original": True,
        },
        "autocomplete_ngram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
    }
    analyzers = {}
    for code in LANGUAGES:
        analyzers[code] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": LANGUAGE_FILTERS[code],
        }
        analyzers[f"{code}_prefix"] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*LANGUAGE_FOLDING[code], "prefix"],
        }
    folding = ["lowercase", "serbian_normalization", "asciifolding"]
    analyzers["folded"] = {"type": "custom", "tokenizer": "standard", "filter": folding}
    analyzers["autocomplete"] = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": [*folding, "autocomplete_ngram"],
    }
    return {
        "index": {
            "number_of_shards": getattr(settings, "SEARCH_SHARDS", 1),
            "number_of_replicas": getattr(settings, "SEARCH_REPLICAS", 0),
        },
        "analysis": {"filter": filters, "analyzer": analyzers},
    }


def index_mappings():
    keyword = {"type": "keyword"}
    properties = {
        "type": keyword,
        "locale": keyword,
        "group": keyword,
        # Only documents that may share a group within one language
        # (search/facets.py): for the facets' distinct count.
        "repeatable_group": keyword,
        "translation_key": keyword,
        "page_id": {"type": "integer"},
        "parent_page": {"type": "integer"},
        "title": {
            "type": "text",
            "analyzer": "folded",
            "fields": {
                "suggest": {
                    "type": "text",
                    "analyzer": "autocomplete",
                    "search_analyzer": "folded",
                },
                "raw": {"type": "keyword", "ignore_above": 256},
            },
        },
        "summary": {"type": "text", "index": False},
        "spell": {"type": "text", "analyzer": "folded"},
        "url": {"type": "keyword", "index": False},
        "date": {"type": "date"},
        "key_date": {"type": "date"},
        "year": {"type": "integer"},
        "department": keyword,
        "department_key": keyword,
        "issuing_body": keyword,
        "reference_number": {
            "type": "text",
            "analyzer": "folded",
            "fields": {"key": keyword},
        },
        "reference_display": {"type": "keyword", "index": False},
        "status": keyword,
        # Where a document comes from ("local" or another source's slug) and
        # for which municipality: the index is source-neutral.
        "source": keyword,
        "municipality": keyword,
        "tags": keyword,
        "languages": {"type": "object", "enabled": False},
        "attachment_titles": {"type": "text", "analyzer": "folded"},
        "indexed_at": {"type": "date"},
        "revision": keyword,
    }
    for code in LANGUAGES:
        # Each text is analysed for its own field and again for `all_<lang>`;
        # only titles and the whole document also get a prefix copy (prefix
        # copies of summary/body/attachments made the index 2.2x slower to
        # build: BENCHMARKS.md, "The mapping, measured"). The long texts keep
        # their words' offsets, so the highlighter reads them instead of
        # analysing every hit's text again (hunspell, for Albanian): ~40 % of
        # the highlighting saved for an index 11 % larger, built as fast
        # (BENCHMARKS.md, fifth round).
        prefix = {"prefix": {"type": "text", "analyzer": f"{code}_prefix"}}
        for field in TEXT_FIELDS:
            properties[f"{field}_{code}"] = {
                "type": "text",
                "analyzer": code,
                "copy_to": f"all_{code}",
                **({"fields": prefix} if field == "title" else {}),
                **({"index_options": "offsets"} if field in OFFSET_FIELDS else {}),
            }
        # Everything in one field, so every word of a query must occur somewhere
        # in the document but not necessarily in the same field.
        properties[f"all_{code}"] = {"type": "text", "analyzer": code, "fields": prefix}
    # The fields page types registered for their own filters and states.
    for name, mapping in registry.fields().items():
        properties.setdefault(name, mapping)
    return {"dynamic": "strict", "properties": properties}
