"""Fuzz every operation that /api/schema/ describes, in-process over WSGI.

Schemathesis generates valid and invalid parameters from the OpenAPI description;
each response must pass every schemathesis check (`--checks all`): no 5xx, and it
matches what the description documents. Endpoints merged later (e.g. the search
API) are fuzzed as soon as they register their paths. Hypothesis runs
derandomized without its example database, so a run is repeatable and bounded.
"""

from collections import Counter
from pathlib import Path

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.config import SchemathesisConfig

from core.openapi import get_schema

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
MINIMUM_REQUESTS = 1000
# Examples per operation and mode; Hypothesis stops earlier when an operation's
# parameter space is exhausted (e.g. /api/schema/ has no parameters).
EXAMPLES = {GenerationMode.POSITIVE: 110, GenerationMode.NEGATIVE: 50}
# Every check schemathesis has (`--checks all`): no 5xx, documented status
# codes, content types and bodies, invalid input refused, valid input accepted
# (save the period rules that schemathesis.toml declares).
load_all_checks()
ALL_CHECKS = list(CHECKS.get_all())
CHECKS_BY_MODE = dict.fromkeys(GenerationMode, ALL_CHECKS)


def fuzz_operation(operation, mode, app, sent):
    """Run Hypothesis on one operation; return the first failure's text or None."""

    @hypothesis_settings(
        max_examples=EXAMPLES[mode],
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = case.call(app=app)
        sent.append((operation.label, response.status_code))
        case.validate_response(response, checks=CHECKS_BY_MODE[mode])

    try:
        run()
    except Unsatisfiable:
        # No parameter to make invalid (e.g. /api/schema/): nothing to send.
        if mode is not GenerationMode.NEGATIVE:
            raise
    except (Exception, BaseExceptionGroup) as error:  # every failure is reported
        return f"{operation.label} ({mode.value}): {error}"
    return None


@pytest.fixture
def wsgi_app():
    """Django's WSGI handler, minus the connection recycling that would close
    the test transaction (Django's own test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_api_operation_survives_fuzzing(demo_site, settings, wsgi_app):
    # The limits have their own tests; here they would only turn requests into 429s.
    settings.RATE_LIMITS = {}
    config = SchemathesisConfig.from_path(REPO / "schemathesis.toml")
    schema = schemathesis.openapi.from_dict(get_schema(), config=config)
    operations = [result.ok() for result in schema.get_all_operations()]
    labels = {operation.label for operation in operations}
    assert {"GET /api/v2/pages/", "GET /api/access-requests/stats/"} <= labels

    app = wsgi_app
    sent, failures = [], []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            failure = fuzz_operation(operation, mode, app, sent)
            if failure:
                failures.append(failure)

    assert not failures, "\n\n".join(failures)
    assert len(sent) >= MINIMUM_REQUESTS, f"only {len(sent)} requests were generated"
    assert not [status for _label, status in sent if status >= 500]
    print(f"{len(sent)} requests:", dict(Counter(status for _l, status in sent)))
