"""The app boundaries of issue 13: search knows no domain, core imports no
domain app, domain apps import nothing of the site.

The import rules are import-linter contracts (pyproject.toml); the string rule
("no string in search names a domain type or field") is a scan of search's
source here, against what the domain apps registered."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Page

from core.models import TransparencyPage
from core.search_registry import COMMON_FILTERS, DOCUMENT_KEY, registry

ROOT = Path(__file__).resolve().parents[2]
DOMAIN_APPS = [
    "municipal_acts",
    "press",
    "sessions",
    "access_requests",
    "reports",
    "sources",
]
# search's own words that a domain also happens to use as a state: the
# answer's "results" list, a file opened, the circuit breaker "open".
SEARCH_VOCABULARY = {"results", "open"}
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def lint_imports(root=ROOT, config=None):
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{root / 'site'}"}
    command = [str(Path(sys.executable).with_name("lint-imports"))]
    if config:
        command += ["--config", str(config)]
    return subprocess.run(
        command, cwd=root, env=env, capture_output=True, text=True, timeout=300
    )


def test_import_contracts_are_kept():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_import_contracts_catch_a_forbidden_import(tmp_path):
    """The same contracts on a copy where core imports a domain app: broken."""
    for name in ["core", "municipal_acts", "press", "sessions", "search"]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("")
    for name in ["access_requests", "reports", "sources", "site"]:
        (tmp_path / name).mkdir()
    for name in ["access_requests", "reports", "sources"]:
        (tmp_path / name / "__init__.py").write_text("")
    for name in ["portal", "home", "media_library", "accounts"]:
        (tmp_path / "site" / name).mkdir()
        (tmp_path / "site" / name / "__init__.py").write_text("")
    (tmp_path / "core" / "bad.py").write_text("def f():\n    import press\n")
    config = tmp_path / "pyproject.toml"
    config.write_text((ROOT / "pyproject.toml").read_text())
    result = lint_imports(tmp_path, config)
    assert result.returncode != 0
    assert "core imports no domain app BROKEN" in result.stdout


def core_names():
    """Field names core and search own: every page's, and the index's own."""
    from search.analysis import index_mappings

    common = {field.name for field in TransparencyPage._meta.get_fields()}
    common |= {field.name for field in Page._meta.get_fields()}
    common |= set(COMMON_FILTERS)
    return common | (set(index_mappings()["properties"]) - set(registry.fields()))


def domain_names():
    """(names, words): what the domain apps registered or define.

    `names` (type keys, registered fields, app labels) may not occur in any
    string; `words` (model fields, state values, often plain English such as
    "open" or "number") may not be a whole string, i.e. a key or value."""
    common = core_names()
    names, words = set(DOMAIN_APPS), set()
    for entry in registry.types.values():
        names.add(entry.key)
        names.add(entry.model._meta.app_label)
        names |= {spec.name for spec in entry.fields}
        words |= {state.value for state in entry.states}
        for field in entry.model._meta.get_fields():
            if "_ptr" not in field.name:
                words.add(field.name)
    ours = common | {DOCUMENT_KEY}
    return names - ours, words - ours - SEARCH_VOCABULARY


def string_constants(tree):
    """Every string in the code, docstrings left out (prose, not code)."""
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                docstrings.add(id(value))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.lineno, node.value


def search_sources():
    return sorted(
        path
        for path in (ROOT / "search").rglob("*.py")
        if "migrations" not in path.parts
    )


def domain_strings(path):
    names, words = domain_names()
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for line, text in string_constants(tree):
        found += [(line, word) for word in WORD.findall(text) if word in names]
        if text in words:
            found.append((line, text))
    return found


def test_the_registry_knows_the_domains():
    names, words = domain_names()
    # Sanity: the scan below has something to look for.
    assert {"act", "competition", "session", "opens_at", "has_results"} <= names
    assert {"municipal_acts", "press", "assembly_sessions"} <= names
    assert {"upcoming", "ended", "results_document", "official_number"} <= words


@pytest.mark.parametrize(
    "path", search_sources(), ids=lambda path: str(path.relative_to(ROOT))
)
def test_search_names_no_domain(path):
    found = domain_strings(path)
    assert not found, f"{path.name} names domain types or fields: {found}"


def test_the_scan_finds_domain_names(tmp_path):
    """The scan is not blind: the strings the old search held are found."""
    path = tmp_path / "old.py"
    path.write_text(
        '"""Docstrings are prose: act, competition."""\n'
        'TYPES = ["act", "decision"]\n'
        'FIELDS = f"{name}_at" if kind == "competition" else "closes_at"\n'
        'STATES = ["upcoming", "closed"]\n'
        'TEXT = "open the door"\n'
    )
    assert set(domain_strings(path)) == {
        (2, "act"),
        (2, "decision"),
        (3, "competition"),
        (3, "closes_at"),
        (4, "upcoming"),
        (4, "closed"),
    }
