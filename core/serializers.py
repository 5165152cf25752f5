"""API representations of the translatable snippets that pages point to."""

from rest_framework.fields import Field


def snippet_data(snippet):
    return {"id": snippet.pk, "name": snippet.name}


class SnippetField(Field):
    """A department (or any snippet with a name) as {"id", "name"}, not a bare id."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return snippet_data(value) if value is not None else None


class SnippetListField(SnippetField):
    def get_attribute(self, instance):
        return getattr(instance, self.source).all()

    def to_representation(self, value):
        return [snippet_data(snippet) for snippet in value]
