import pytest

from search import backend
from tests.search_index import demo_index, refresh  # noqa: F401


@pytest.fixture(scope="session")
def search_index(elasticsearch_url, django_db_setup, django_db_blocker):
    """The demo content indexed once per test session under a unique prefix."""
    with demo_index(django_db_blocker) as alias:
        yield alias


@pytest.fixture(autouse=True)
def _closed_breaker():
    backend.reset_breakers()
    yield
    backend.reset_breakers()
