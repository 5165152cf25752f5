"""Wagtail's database search backend (the fallback without Elasticsearch), made
safe for any query text.

On SQLite the backend wraps each term in double quotes for FTS5 without escaping
quotes inside it, so a query such as `"><img` is an FTS5 syntax error and the
page answers 500. FTS5's tokenizer drops punctuation anyway, so quotes are
removed from the terms before the query is built."""

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import Phrase, PlainText

FTS5_QUOTE = '"'


def _strip_quotes(query):
    if isinstance(query, PlainText):
        return PlainText(
            query.query_string.replace(FTS5_QUOTE, " "),
            operator=query.operator,
            boost=query.boost,
        )
    if isinstance(query, Phrase):
        return Phrase(query.query_string.replace(FTS5_QUOTE, " "))
    return query


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a module
    backend = database_backend(params)
    compiler = backend.query_compiler_class
    if compiler.__module__.endswith(".sqlite"):

        class QuoteSafeCompiler(compiler):
            def build_search_query_content(self, query, config=None):
                return super().build_search_query_content(
                    _strip_quotes(query), config=config
                )

        backend.query_compiler_class = QuoteSafeCompiler
        autocomplete = getattr(backend, "autocomplete_query_compiler_class", None)
        if autocomplete is not None:

            class QuoteSafeAutocompleteCompiler(autocomplete):
                def build_search_query_content(self, query, config=None):
                    return super().build_search_query_content(
                        _strip_quotes(query), config=config
                    )

            backend.autocomplete_query_compiler_class = QuoteSafeAutocompleteCompiler
    return backend
