"""The demo loader finds each app's demo provider and orders them (core.demo)."""

from types import SimpleNamespace

import pytest

from core import demo


def labels():
    return [label for label, _module in demo.providers()]


def test_every_app_with_demo_content_provides_it():
    assert labels() == [
        "assembly_sessions",
        "municipal_acts",
        "press",
        "access_requests",
    ]


def test_providers_come_after_what_they_refer_to():
    order = labels()
    for label, module in demo.providers():
        for dependency in getattr(module, "AFTER", ()):
            assert order.index(dependency) < order.index(label)


def fake_modules(monkeypatch, after):
    """Every installed app gets a provider with the given dependencies."""

    def fake(config):
        return SimpleNamespace(load=lambda d: None, AFTER=after.get(config.label, ()))

    monkeypatch.setattr(demo, "_demo_module", fake)


def test_dependencies_reorder_installed_apps(monkeypatch):
    fake_modules(monkeypatch, {"core": ("wagtailcore",)})
    order = labels()
    assert order.index("wagtailcore") < order.index("core")


def test_a_cycle_is_refused(monkeypatch):
    fake_modules(
        monkeypatch, {"press": ("municipal_acts",), "municipal_acts": ("press",)}
    )
    with pytest.raises(ValueError, match="depend on each other"):
        demo.providers()


def test_run_calls_each_step_in_order(monkeypatch):
    calls = []

    def fake(config):
        if config.label not in ("press", "municipal_acts"):
            return None
        return SimpleNamespace(
            load=lambda d: calls.append(("load", config.label)),
            translate=lambda d: calls.append(("translate", config.label)),
        )

    monkeypatch.setattr(demo, "_demo_module", fake)
    demo.run(None, "translate")
    assert calls == [("translate", "municipal_acts"), ("translate", "press")]
