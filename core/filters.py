"""Filters for section index pages, applied from a plain GET form (no JavaScript).

A SectionIndexPage subclass lists the filters it offers in `filters`; each one
adds a form field and knows how to narrow the queryset of the section's items.
When the section holds several page types, a filter on a field of the items is
applied to each type's table and the matching ids are combined."""

from django import forms
from django.apps import apps
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


def narrow(queryset, models, **lookups):
    """queryset.filter(**lookups) for the item models that have those fields."""
    if queryset.model is not Page:
        return queryset.filter(**lookups)
    matching = Q(pk__in=[])
    for model in models:
        matching |= Q(pk__in=model.objects.filter(**lookups).values("pk"))
    return queryset.filter(matching)


class IndexFilter:
    name = ""
    label = ""

    def __init__(self, name=None, label=None):
        self.name = name or self.name
        self.label = label or self.label

    def form_field(self, index, models, items):
        return forms.TypedChoiceField(
            label=self.label,
            required=False,
            choices=[("", _("All"))] + list(self.choices(index, models, items)),
            coerce=self.coerce,
            empty_value=None,
        )

    def choices(self, index, models, items):
        """(value, label) pairs; `items` are the section's live, public items."""
        return []

    def coerce(self, value):
        return value

    def apply(self, queryset, value, models):
        raise NotImplementedError


class YearFilter(IndexFilter):
    name = "year"
    label = _("Year")
    field = "publication_date"

    def choices(self, index, models, items):
        years = set()
        for model in models:
            listed = (
                items
                if items.model is model
                else model.objects.filter(pk__in=items.values("pk"))
            )
            years.update(day.year for day in listed.dates(self.field, "year"))
        return [(str(year), str(year)) for year in sorted(years, reverse=True)]

    def coerce(self, value):
        return int(value)

    def apply(self, queryset, value, models):
        return narrow(queryset, models, **{f"{self.field}__year": value})


class ModelChoiceFilter(IndexFilter):
    """A filter on a model field with `choices` (act type, status, kind, ...)."""

    def field(self, models):
        for model in models:
            try:
                return model._meta.get_field(self.name)
            except Exception:  # noqa: S112 - another item type may have it
                continue
        raise LookupError(f"No item type of this index has a field '{self.name}'")

    def form_field(self, index, models, items):
        field = super().form_field(index, models, items)
        field.label = self.label or capfirst(self.field(models).verbose_name)
        return field

    def choices(self, index, models, items):
        return self.field(models).choices

    def apply(self, queryset, value, models):
        having = [m for m in models if self.name in {f.name for f in m._meta.fields}]
        return narrow(queryset, having, **{self.name: value})


class DepartmentFilter(IndexFilter):
    name = "department"
    label = _("Department")

    def form_field(self, index, models, items):
        # Looked up, not imported: core.models imports the filters.
        department = apps.get_model("core", "Department")
        return forms.ModelChoiceField(
            label=self.label,
            required=False,
            empty_label=_("All"),
            queryset=department.objects.filter(locale_id=index.locale_id),
        )

    def apply(self, queryset, value, models):
        return narrow(queryset, models, department=value)


class PageTypeFilter(IndexFilter):
    """Which of the section's page types (press release, notice, invitation)."""

    name = "type"
    label = _("Type")

    def choices(self, index, models, items):
        return [
            (model._meta.model_name, capfirst(model._meta.verbose_name))
            for model in models
        ]

    def apply(self, queryset, value, models):
        chosen = [model for model in models if model._meta.model_name == value]
        return queryset.type(*chosen)


def build_filter_form(index, models, data, items):
    form = forms.Form(data=data)
    for index_filter in index.filters:
        form.fields[index_filter.name] = index_filter.form_field(index, models, items)
    return form
