"""Wagtail's admin search on the database: it can't drift from the pages (the
index rows are written in the same transaction as the page), and it finds title
words typed without diacritics or in another inflected form.

Wagtail's Elasticsearch backend was dropped for the admin: an index that the
node created on its own (a page saved while the mapping was missing, e.g. after
a late start) has no stored `pk`, and every search then fails with
`KeyError: 'fields'`. Citizens search the unified transparency index instead.

Both sides are folded the same way: the index stores each text with a folded
copy next to it ("buxhetë" also as "buxhete", Serbian Cyrillic also in Latin),
and each query word is folded and cut back to its stem, then matched as a
prefix, so "parkimin" finds "parkimit" and "buxhet" finds "buxhetë"."""

import copy
import re
import unicodedata

from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import Phrase, PlainText

FTS5_QUOTE = '"'
# Letters that Unicode does not decompose into a base letter and a mark.
SPECIAL_LETTERS = str.maketrans(
    {"đ": "dj", "Đ": "dj", "ı": "i", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae"}
)
CYRILLIC_LETTERS = "абвгдђежзијклљмнњопрстћуфхцчџш"
LATIN_LETTERS = "a b v g d dj e z z i j k l lj m n nj o p r s t c u f h c c dz s"
CYRILLIC = dict(zip(CYRILLIC_LETTERS, LATIN_LETTERS.split(), strict=True))
# Albanian case and definiteness endings, then Serbian and Turkish ones; one is
# removed from a (folded) query word if a stem of at least STEM_MIN remains.
ENDINGS_TEXT = (
    "ave eve ive ët ës së të në ën it in ut un ja je ve ri ra "
    "ima ama om em og ih ler lar leri ları nin nın si sı i a e u n t o"
)
STEM_MIN = 5


def fold(text):
    """Lower case without diacritics, Serbian Cyrillic in Latin letters."""
    text = unicodedata.normalize("NFKD", str(text).lower()).translate(SPECIAL_LETTERS)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return "".join(CYRILLIC.get(char, char) for char in text)


# Longest first, so "-it" is tried before "-t".
ENDINGS = sorted({fold(ending) for ending in ENDINGS_TEXT.split()}, key=len)[::-1]


def stem(word):
    """The word without one inflectional ending, if enough of it remains."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM_MIN:
            return word[: -len(ending)]
    return word


def with_folded_copy(value):
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(item) for item in value)
    if not isinstance(value, str):
        return value
    # Words only: PostgreSQL's parser keeps "04.01.2018" or "01-016/18" as one
    # token, but the query's words are "04", "01", "2018".
    folded = " ".join(re.findall(r"\w+", fold(value)))
    return value if folded == value.lower() else f"{value} {folded}"


def folding_field(field):
    """A copy of a search field whose value carries its folded copy."""
    folded = copy.copy(field)
    original = field.get_value
    if isinstance(field, RelatedFields):
        folded.fields = [folding_field(sub) for sub in field.fields]
        folded.get_value = lambda obj: original(getattr(obj, "wrapped", obj))
    elif isinstance(field, (SearchField, AutocompleteField)):
        folded.get_value = lambda obj: with_folded_copy(
            original(getattr(obj, "wrapped", obj))
        )
    return folded


class FoldedObject:
    """What the backend's indexer reads: the object, with folding fields."""

    def __init__(self, obj):
        self.wrapped = obj
        self.pk = obj.pk

    def get_search_fields(self):
        return [folding_field(field) for field in self.wrapped.get_search_fields()]

    def __getattr__(self, name):
        return getattr(self.wrapped, name)


def query_words(text):
    """Folded stems of the words; quotes and FTS/tsquery syntax removed."""
    words = re.findall(r"\w+", fold(text.replace(FTS5_QUOTE, " ")))
    return [stem(word) for word in words]


def folding_compiler(compiler, lexeme_class, method):
    """Subclass a query compiler so plain-text queries match folded stems."""

    def build(self, query, config=None, **kwargs):
        if isinstance(query, PlainText):
            words = query_words(query.query_string)
            if not words:
                return None  # as the backend answers a blank query
            invert = {"invert": kwargs["invert"]} if "invert" in kwargs else {}
            lexemes = None
            for word in words:
                lexeme = lexeme_class(word, prefix=True, **invert)
                if lexemes is None:
                    lexemes = lexeme
                elif query.operator.lower() == "and":
                    lexemes &= lexeme
                else:
                    lexemes |= lexeme
            return self.wrap_lexemes(lexemes, config)
        if isinstance(query, Phrase):
            query = Phrase(" ".join(re.findall(r"\w+", fold(query.query_string))))
        return getattr(super(subclass, self), method)(query, config=config, **kwargs)

    subclass = type(f"Folding{compiler.__name__}", (compiler,), {method: build})
    return subclass


def sqlite_lexemes(self, lexemes, config):
    from modelsearch.backends.database.sqlite.query import SearchQueryExpression

    return SearchQueryExpression(lexemes, config=config)


def postgres_lexemes(self, lexemes, config):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(lexemes, search_type="raw", config=config)


def folding_index(index_class):
    class FoldingIndex(index_class):
        def add_items(self, model, objs):
            return super().add_items(model, [FoldedObject(obj) for obj in objs])

    return FoldingIndex


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a module
    backend = database_backend(params)
    compiler = backend.query_compiler_class
    vendor = compiler.__module__.rsplit(".", 1)[-1]
    if vendor == "sqlite":
        from modelsearch.backends.database.sqlite.query import Lexeme

        method, wrap = "build_search_query_content", sqlite_lexemes
    elif vendor == "postgres":
        from modelsearch.backends.database.postgres.query import Lexeme

        method, wrap = "build_tsquery_content", postgres_lexemes
    else:  # MySQL or the plain fallback: no folding, but still a working search
        return backend
    for name in ("query_compiler_class", "autocomplete_query_compiler_class"):
        folded = folding_compiler(getattr(backend, name), Lexeme, method)
        folded.wrap_lexemes = wrap
        setattr(backend, name, folded)
    backend.index_class = folding_index(backend.index_class)
    search = backend._search

    def search_words(compiler_class, query, model_or_queryset, **kwargs):
        # Only punctuation (e.g. "*" or "-"): no word to match, not an error.
        text = query.query_string if isinstance(query, PlainText) else query
        if isinstance(text, str) and not query_words(text):
            return EmptySearchResults()
        return search(compiler_class, query, model_or_queryset, **kwargs)

    backend._search = search_words
    return backend
