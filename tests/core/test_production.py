"""Production settings, exercised in a subprocess (they refuse to import here)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

HEADERS_SCRIPT = """
import json, sys
sys.path.insert(0, "site")
import django
django.setup()
from django.test import Client
client = Client(HTTP_X_FORWARDED_PROTO="https")
public = client.get("/sq/does-not-exist/", secure=True)
admin = client.get("/admin/login/", secure=True)
plain = Client().get("/sq/")
print(json.dumps({
    "public": dict(public.headers),
    "admin": dict(admin.headers),
    "plain_status": plain.status_code,
    "plain_location": plain.headers.get("Location", ""),
}))
"""


def production_env(tmp_path):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-key-for-tests-0123456789",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "WAGTAIL_SEARCH_BACKEND": "database",
        "ALLOWED_HOSTS": "testserver,localhost",
        "STATIC_ROOT": str(tmp_path / "static"),
    }


@pytest.fixture(scope="module")
def deployed_env(tmp_path_factory):
    """A production database after the README's deploy steps, made once: the
    database cache needs its table, the pages their static files."""
    env = production_env(tmp_path_factory.mktemp("production"))
    for command in (["migrate"], ["createcachetable"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v", "0"],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
        )
    return env


def run_script(env, script):
    """Run `script` under the production settings; returns the JSON it prints."""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_is_clean(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_security_headers_on_public_pages_and_admin(deployed_env):
    data = run_script(deployed_env, HEADERS_SCRIPT)
    public = {k.lower(): v for k, v in data["public"].items()}
    assert "max-age=31536000" in public["strict-transport-security"]
    assert public["x-content-type-options"] == "nosniff"
    assert public["referrer-policy"] == "same-origin"
    assert public["x-frame-options"] == "DENY"
    csp = public["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-src https://www.youtube-nocookie.com" in csp
    admin = {k.lower(): v for k, v in data["admin"].items()}
    assert "content-security-policy" not in admin
    # Plain HTTP is redirected to HTTPS.
    assert data["plain_status"] == 301
    assert data["plain_location"].startswith("https://")


DATABASE_SCRIPT = """
import json, sys
sys.path.insert(0, "site")
import django
django.setup()
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
cache.add("probe", 0, 60)
cache.incr("probe")
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    journal = cursor.fetchone()[0]
    cursor.execute("PRAGMA busy_timeout")
    busy = cursor.fetchone()[0]
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "counted": cache.get("probe"),
    "journal": journal,
    "busy_ms": busy,
    "mode": connection.transaction_mode,
}))
"""


def test_sqlite_and_the_shared_cache_are_set_up_for_several_workers(deployed_env):
    data = run_script(deployed_env, DATABASE_SCRIPT)
    # Rate limits count in the database, shared by every gunicorn worker.
    assert data["cache"] == "core.database_cache.DatabaseCache"
    assert data["counted"] == 1
    assert data["journal"] == "wal"
    assert data["busy_ms"] == 15000
    assert data["mode"] == "IMMEDIATE"
