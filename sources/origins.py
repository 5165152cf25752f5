"""The readable names of the sources, for the citizen search's results and its
"municipality / source" facet (the index keeps only the slugs, so a renamed
source reads right without a reindex)."""

from .models import Source


def origin_names(slugs):
    """{source slug: {"name": the source's name, "municipality": its
    municipality's name (may be empty)}} of the sources in `slugs`."""
    rows = Source.objects.filter(slug__in=list(slugs)).values_list(
        "slug", "name", "municipality_name"
    )
    return {
        slug: {"name": name, "municipality": municipality}
        for slug, name, municipality in rows
    }
