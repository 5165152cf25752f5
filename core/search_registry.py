"""What the unified search needs from each page type, declared by its own app.

A page type registers its type key, the extra fields of its index document
(with their Elasticsearch mapping), the filters it answers and its
time-dependent states. The `search` app reads only this registry, so a new
page type touches one app and `search` never names a domain type or field.

A state (a competition is upcoming, open, closed or has results) is written
once, as conditions on the document's fields; the Python test (pages, the
database fallback, reports), the database filter and the Elasticsearch clause
are all derived from those same conditions, so they cannot drift apart.
"""

import contextvars
import operator
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.text import capfirst

# Attached documents are indexed as results of their own; core owns the type.
DOCUMENT_KEY = "document"
# Every index document carries these: where it comes from and for which
# municipality (see README, "Search"); this site's own pages are "local".
LOCAL_SOURCE = "local"
# The filters every type answers, through the fields TransparencyPage fills.
COMMON_FILTERS = ("date", "year", "locale", "department", "issuing_body", "status")


# {site id: slug} while a rebuild or a sync batch runs (municipality_memo()).
_memo = contextvars.ContextVar("search_municipality_memo", default=None)


@contextmanager
def municipality_memo():
    """Within this block municipality(page) reads each site's setting once: a
    rebuild otherwise paid a site query and a settings query per page."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def municipality(page=None):
    """The municipality slug of the site a page belongs to (its admin setting,
    else settings.TRANSPARENCA_MUNICIPALITY; see core/municipality.py)."""
    memo = _memo.get()
    if memo is None or page is None:
        return _site_slug(page.get_site() if page is not None else None)
    # The site's id from the cached site root paths (no query), as get_site()
    # finds it; an unroutable page has none and gets the default site's.
    parts = page.get_url_parts()
    site_id = parts[0] if parts else None
    if site_id not in memo:
        memo[site_id] = _site_slug(page.get_site())
    return memo[site_id]


def _site_slug(site):
    from core.municipality import municipality as site_municipality

    return site_municipality(site=site).slug or LOCAL_SOURCE


def moment_field(name, value=None):
    """A date field; by default the model field of the same name."""
    return IndexField(
        name,
        {"type": "date"},
        value or operator.attrgetter(name),
        None if value else name,
    )


@dataclass(frozen=True)
class IndexField:
    """An extra field of a type's index document.

    `value(page)` gives the Python value (a datetime, bool, str ...); `lookup`
    is the database path for the same value, when there is one (`None` for
    computed values), so a state over it can also become a queryset filter."""

    name: str
    mapping: dict
    value: Callable[[Any], Any]
    lookup: str | None = None


# --- conditions: one rule, three readings ----------------------------------
# As Elasticsearch's range query and Django's lookups both spell them.
COMPARISONS = {"gt": operator.gt, "lte": operator.le}


@dataclass(frozen=True)
class Compare:
    """The field's moment compared with `now` (a missing value never matches)."""

    field: str
    op: str

    def test(self, values, moment):
        value = values.get(self.field)
        return value is not None and COMPARISONS[self.op](value, moment)

    def clause(self, now="now"):
        return {"range": {self.field: {self.op: now}}}

    def condition(self, lookups, moment):
        return Q(**{f"{lookups[self.field]}__{self.op}": moment})


def Later(field):  # noqa: N802 - reads as a rule, like Present/Absent
    """The field's moment lies after `now`."""
    return Compare(field, "gt")


def NotLater(field):  # noqa: N802
    """The field's moment is `now` or before."""
    return Compare(field, "lte")


@dataclass(frozen=True)
class Present:
    """A boolean field is true (a related object exists)."""

    field: str

    def test(self, values, moment):
        return bool(values.get(self.field))

    def clause(self, now="now"):
        return {"term": {self.field: True}}

    def condition(self, lookups, moment):
        return Q(**{f"{lookups[self.field]}__isnull": False})


@dataclass(frozen=True)
class Absent(Present):
    """A boolean field is false or missing."""

    def test(self, values, moment):
        return not super().test(values, moment)

    def clause(self, now="now"):
        return {"bool": {"must_not": super().clause(now)}}

    def condition(self, lookups, moment):
        return ~super().condition(lookups, moment)


@dataclass(frozen=True)
class State:
    """A time-dependent state; its conditions exclude every other state's."""

    value: str
    label: Any
    conditions: tuple

    def test(self, values, moment):
        return all(rule.test(values, moment) for rule in self.conditions)

    def clause(self, now="now"):
        return [rule.clause(now) for rule in self.conditions]


@dataclass
class SearchType:
    """One page type in the unified search."""

    model: type
    fields: tuple = ()
    states: tuple = ()
    filters: tuple = COMMON_FILTERS

    @property
    def key(self):
        return self.model.content_type_key

    @property
    def label(self):
        # The page type's own verbose name: one translation of "decision".
        return capfirst(self.model._meta.verbose_name)

    def values(self, page):
        """{field name: Python value} of this type's extra fields."""
        return {spec.name: spec.value(page) for spec in self.fields}

    def state_of(self, page_or_values, moment):
        """The state at `moment`, or "" for a type without states."""
        values = (
            page_or_values
            if isinstance(page_or_values, dict)
            else self.values(page_or_values)
        )
        for state in self.states:
            if state.test(values, moment):
                return state.value
        return ""

    def state_condition(self, value, moment):
        """The state as a queryset filter (fields with a database lookup only)."""
        lookups = {spec.name: spec.lookup for spec in self.fields}
        state = self.state(value)
        condition = Q()
        for rule in state.conditions:
            condition &= rule.condition(lookups, moment)
        return condition

    def state(self, value):
        return next(state for state in self.states if state.value == value)


@dataclass
class Registry:
    types: dict = field(default_factory=dict)
    # Who published the results of other sources: the app that brings them
    # sets a callable {source key: {"name": ..., "municipality": ...}} (so
    # search shows readable names without importing it).
    origin_namer: Callable[[list], dict] | None = None

    def origins(self, keys):
        keys = sorted({key for key in keys if key and key != LOCAL_SOURCE})
        return self.origin_namer(keys) if keys and self.origin_namer else {}

    def register(self, model, fields=(), states=(), filters=COMMON_FILTERS):
        return self.add(SearchType(model, tuple(fields), tuple(states), tuple(filters)))

    def add(self, entry):
        """Register a SearchType built beforehand (its model may read it)."""
        model = entry.model
        if not entry.key:
            raise ValueError(f"{model.__name__} has no content_type_key")
        self.types[entry.key] = entry
        return entry

    def keys(self):
        return [*self.types, DOCUMENT_KEY]

    def page_models(self):
        return [entry.model for entry in self.types.values()]

    def for_model(self, model):
        return self.types.get(getattr(model, "content_type_key", ""))

    def for_page(self, page):
        return self.for_model(type(page))

    def fields(self):
        """Every registered extra field, once: {name: mapping}."""
        mappings = {}
        for entry in self.types.values():
            for spec in entry.fields:
                if mappings.setdefault(spec.name, spec.mapping) != spec.mapping:
                    raise ValueError(f"{spec.name} is mapped two ways")
        return mappings

    def state_values(self):
        """Every state any type has, in registration order, once."""
        values = []
        for entry in self.types.values():
            values += [s.value for s in entry.states if s.value not in values]
        return values

    def with_state(self, value):
        return [
            entry
            for entry in self.types.values()
            if any(state.value == value for state in entry.states)
        ]


registry = Registry()
register = registry.register
