"""Demo content providers: each app builds its own demo pages.

An installed app with demo content has a `demo` module defining

- `load(demo)`: create its pages in the default language,
- optionally `translate(demo)`: their translations,
- optionally `AFTER`: labels of the apps whose demo pages it refers to.

The site's `load_demo_content` command builds the `Demo` context (locales,
snippets, home and section pages, and `texts`: the municipality's own seed
texts, which the site keeps), then calls every provider's `load` and then
every `translate`, dependencies first and otherwise in INSTALLED_APPS order,
so the output does not depend on the order modules happen to be imported in.
A provider stores what later ones need in `demo.pages[<its label>]`.
"""

import importlib
from dataclasses import dataclass, field

from django.apps import apps


@dataclass
class Demo:
    locales: dict
    departments: dict
    topics: dict
    home: object
    sections: dict
    texts: object
    pages: dict = field(default_factory=dict)


def _demo_module(config):
    name = f"{config.name}.demo"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise  # the module exists but imports something missing
        return None


def providers():
    """[(app label, demo module)] in loading order."""
    found = {}
    for config in apps.get_app_configs():
        module = _demo_module(config)
        if module is not None and hasattr(module, "load"):
            found[config.label] = module
    ordered, done = [], set()
    while len(ordered) < len(found):
        ready = [
            label
            for label, module in found.items()
            if label not in done
            and all(
                dep in done or dep not in found for dep in getattr(module, "AFTER", ())
            )
        ]
        if not ready:
            raise ValueError(f"demo providers depend on each other: {found.keys()}")
        ordered.append((ready[0], found[ready[0]]))
        done.add(ready[0])
    return ordered


def run(demo, step):
    """Call `step` ("load" or "translate") of every provider that has it."""
    for _label, module in providers():
        function = getattr(module, step, None)
        if function is not None:
            function(demo)
