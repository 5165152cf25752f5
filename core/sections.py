"""The abstract section listing (acts, decisions, press, ...): its children,
newest first, paginated and filtered from a GET form."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .filters import DepartmentFilter, YearFilter, build_filter_form
from .sharing import SocialMetaMixin


class SectionIndexPage(SocialMetaMixin, Page):
    """Abstract listing of one section's children, newest first, paginated and
    filtered from a GET form; subclasses list their filters in `filters`."""

    intro = models.TextField(_("introduction"), blank=True)
    per_page = 20
    filters = [YearFilter(), DepartmentFilter()]

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + SocialMetaMixin.promote_panels
    api_fields = [APIField("intro")]
    max_count_per_parent = 1

    # --- translation (wagtail-localize) ---
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("intro"),
        SynchronizedField("social_image"),
        TranslatableField("social_text"),
    ]

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # Wagtail names a template per concrete class; fall back to the shared one.
        return [self.template, "core/section_index_page.html"]

    @classmethod
    def item_models(cls):
        return cls.allowed_subpage_models()

    def get_items(self, request):
        models = self.item_models()
        if len(models) == 1:
            # One type: query its table directly, no per-type `specific` lookups.
            items = models[0].objects.child_of(self)
        else:
            items = Page.objects.child_of(self).specific().defer_streamfields()
        return items.live().public().order_by("-first_published_at", "-pk")

    def filter_items(self, items, form):
        models = self.item_models()
        for index_filter in self.filters:
            value = form.cleaned_data.get(index_filter.name)
            if value not in (None, ""):
                items = index_filter.apply(items, value, models)
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.get_items(request)
        form = build_filter_form(self, self.item_models(), request.GET, items)
        context["filter_form"] = form
        context["status_code"] = 200
        if not form.is_valid():
            # A hand-edited or stale link: say what is wrong instead of guessing.
            context["status_code"] = 400
            items = items.none()
            for name in form.errors:
                if name in form.fields:
                    widget = form.fields[name].widget
                    widget.attrs["aria-describedby"] = f"id_{name}-error"
        else:
            items = self.filter_items(items, form)
        context["filtered"] = form.is_valid() and any(
            value not in (None, "") for value in form.cleaned_data.values()
        )
        context["query_string"] = urlencode(
            [
                (name, value)
                for name, value in request.GET.items()
                if name in form.fields and value
            ]
        )
        paginator = Paginator(items, self.per_page)
        number = request.GET.get("page", "1")
        try:
            context["items"] = paginator.page(number)
        except (PageNotAnInteger, EmptyPage):
            # No such page of results: a 404 that offers the first page.
            context["status_code"] = 404
            context["page_error"] = True
            context["items"] = paginator.page(1)
        context["paginator"] = paginator
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        response.status_code = context.get("status_code", response.status_code)
        return response
