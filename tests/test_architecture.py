"""Imports point down the floors of docs/architecture.md, so there are no import cycles."""

import ast
from pathlib import Path

from django.conf import settings

# The floor of each app: code may import apps on lower floors only (tests may import anything).
FLOORS = {
    "lib": 0,
    "organisations": 1,
    "frameworks": 2,
    "assessments": 2,
    "credentials": 3,
    "learning": 4,
    "plans": 5,
    "api": 6,
    "web": 6,
    "trellis": 7,
}
ROOT = Path(settings.BASE_DIR)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def test_every_app_has_a_floor():
    packages = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"lib", "trellis"}
    assert packages - FLOORS.keys() == set(), "Give the new app a floor here and in the docs."


def test_code_imports_only_apps_on_lower_floors():
    upward = []
    for app, floor in FLOORS.items():
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if {"tests", "migrations"} & set(relative.parts):
                continue
            for line, module in imported_modules(path):
                top = module.split(".")[0]
                if top != app and FLOORS.get(top, -1) >= floor:
                    upward.append(f"{relative}:{line} imports {module}")
    assert upward == [], "Imports must point down (docs/architecture.md):\n" + "\n".join(upward)


def test_every_app_with_tests_is_collected_and_packaged():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    testpaths = set(project["tool"]["pytest"]["ini_options"]["testpaths"])
    packaged = {p.rstrip("*") for p in project["tool"]["setuptools"]["packages"]["find"]["include"]}
    with_tests = {path.parent.parent.name for path in ROOT.glob("*/tests/__init__.py")}
    assert with_tests - testpaths == set(), "Add these apps to testpaths in pyproject.toml."
    assert set(FLOORS) - packaged == set(), "Add these apps to the packages in pyproject.toml."
