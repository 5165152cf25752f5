from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Department, Topic


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    list_display = ["name", "short_name", "email"]
    search_fields = ["name", "short_name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name"]
    search_fields = ["name"]


class OrganisationGroup(SnippetViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "group"
    items = (DepartmentViewSet, TopicViewSet)


register_snippet(OrganisationGroup)
