from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Page


def search_page(request):
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().filter(depth__gt=2)
        if locale:
            pages = pages.filter(locale=locale)
        results = pages.search(query)
    paginator = Paginator(results, 20)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return render(request, "search/search.html", {"query": query, "results": page})
