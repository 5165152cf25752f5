#!/usr/bin/env python
import os
import sys
from pathlib import Path

# site/ is a source root (a folder named "site" cannot be a package: the stdlib
# module of that name is imported first).
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
