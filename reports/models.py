import csv
import io

from django.db import models
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.models import SocialMetaMixin

from .charts import bar_chart
from .figures import compute_figures, flat_rows, last_full_half_year
from .labels import label_context


def default_period_start():
    return last_full_half_year()[0]


def default_period_end():
    return last_full_half_year()[1]


class FrozenReportFigures(models.Model):
    """Figures of a published report, shared by all its translations.

    Kept outside the page so that republishing an old revision can't reset them.
    """

    translation_key = models.UUIDField(unique=True)
    figures = models.JSONField()
    frozen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("frozen report figures")


class TransparencyReportPage(RoutablePageMixin, SocialMetaMixin, Page):
    period_start = models.DateField(_("period start"), default=default_period_start)
    period_end = models.DateField(_("period end"), default=default_period_end)
    introduction = RichTextField(_("introduction"), blank=True)
    achievements = RichTextField(_("achievements"), blank=True)
    objectives = RichTextField(_("objectives for the next period"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("introduction"),
        FieldPanel("achievements"),
        FieldPanel("objectives"),
    ]
    promote_panels = Page.promote_panels + SocialMetaMixin.promote_panels
    subpage_types = []
    template = "reports/transparency_report_page.html"

    class Meta:
        verbose_name = _("transparency report")

    def frozen(self):
        return FrozenReportFigures.objects.filter(
            translation_key=self.translation_key
        ).first()

    def figures(self):
        """Frozen figures once published; live figures for a draft."""
        frozen = self.frozen()
        if frozen is not None:
            return frozen.figures
        return compute_figures(self.period_start, self.period_end)

    def freeze(self):
        frozen, _created = FrozenReportFigures.objects.get_or_create(
            translation_key=self.translation_key,
            defaults={"figures": compute_figures(self.period_start, self.period_end)},
        )
        return frozen

    def clean(self):
        super().clean()
        if (
            self.period_start
            and self.period_end
            and self.period_start > self.period_end
        ):
            from django.core.exceptions import ValidationError

            raise ValidationError(
                {"period_end": _("The period ends before it starts.")}
            )

    def chart_context(self, figures):
        labels = label_context(figures)
        return {
            **labels,
            "month_chart": bar_chart(labels["month_rows"]),
            "department_chart": bar_chart(labels["department_rows"]),
        }

    @path("")
    def report(self, request):
        figures = self.figures()
        context = self.get_context(request)
        context.update(figures=figures, **self.chart_context(figures))
        return TemplateResponse(request, self.template, context)

    @path("print/")
    def printable(self, request):
        figures = self.figures()
        context = self.get_context(request)
        context.update(figures=figures, printable=True, **self.chart_context(figures))
        return TemplateResponse(request, self.template, context)

    @path("data/json/")
    def data_json(self, request):
        return JsonResponse(self.figures(), json_dumps_params={"ensure_ascii": False})

    @path("data/csv/")
    def data_csv(self, request):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["figure", "value"])
        for name, value in flat_rows(self.figures()):
            writer.writerow([name, "" if value is None else value])
        response = HttpResponse(
            buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.csv"'
        return response
