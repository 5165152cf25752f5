import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SETUP = (
    "import sys; sys.path.insert(0, 'site'); import django; django.setup(); "
    "from django.conf import settings; print(settings.DEBUG)"
)


def run_with(settings_module, **extra_env):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(DJANGO_SETTINGS_MODULE=settings_module, **extra_env)
    return subprocess.run(
        [sys.executable, "-c", SETUP], cwd=REPO, env=env, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_with("portal.settings.production", WAGTAIL_SEARCH_BACKEND="database")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_secret_key():
    result = run_with(
        "portal.settings.production",
        SECRET_KEY="x" * 50,
        WAGTAIL_SEARCH_BACKEND="database",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_database_url_is_read_from_the_environment():
    code = (
        "import sys; sys.path.insert(0, 'site'); import django; django.setup(); "
        "from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/transparenca",
        "WAGTAIL_SEARCH_BACKEND": "database",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert "postgresql" in result.stdout, result.stderr
