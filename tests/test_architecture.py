"""Imports and template links point down the floors of docs/architecture.md: no cycles."""

import ast
import re
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


# URL names without a namespace that belong to the site as a whole, not to one app: any page may
# link to the home page, the language switch and the script catalogue.
SITE_URL_NAMES = {"home", "set_language", "javascript-catalog"}
# Un-namespaced URL names an app defines in its own URL module (organisations.account_urls).
APP_URL_NAMES = {
    "login": "organisations",
    "logout": "organisations",
    "password_reset": "organisations",
    "password_reset_done": "organisations",
    "password_reset_confirm": "organisations",
    "password_reset_complete": "organisations",
    "invitation-accept": "organisations",
}
URL_TAG = re.compile(r"""{%\s*url\s+['"]([\w:-]+)['"]""")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Return (line, absolute module) for every import in the file, relative ones resolved."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, resolve_relative(package, node.level, node.module)))
    return found


def resolve_relative(package: str, level: int, module: str | None) -> str:
    """Return the absolute name of `from <level dots><module> import …` inside `package`."""
    parts = package.split(".")
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, *([module] if module else [])])


def app_of_url_name(name: str) -> str | None:
    """Return the app that defines a URL name: its namespace, or the owner of a bare name."""
    if ":" in name:
        return name.split(":")[0]
    return APP_URL_NAMES.get(name)


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


def test_relative_imports_are_resolved_before_checking_the_floors():
    reviewers = ROOT / "credentials" / "views" / "manage" / "reviewers.py"
    modules = [module for _, module in imported_modules(reviewers)]
    assert "lib.errors" in modules
    assert "credentials.access" in modules  # from ...access import …
    assert not [module for module in modules if module.startswith(".") or not module]


def test_a_relative_import_that_climbs_into_another_app_is_caught():
    # From credentials/views/manage/x.py, "from ....plans import models" names plans.models.
    assert resolve_relative("credentials.views.manage", 4, "plans.models") == "plans.models"
    assert resolve_relative("credentials.views.manage", 2, "earning") == "credentials.views.earning"
    assert resolve_relative("credentials.views", 1, None) == "credentials.views"


def test_templates_link_only_to_apps_on_lower_floors():
    upward = []
    for app, floor in FLOORS.items():
        for path in (ROOT / app).rglob("templates/**/*.html"):
            text = path.read_text(encoding="utf-8")
            for match in URL_TAG.finditer(text):
                name = match.group(1)
                owner = app_of_url_name(name)
                if name in SITE_URL_NAMES or owner in (None, app):
                    if owner is None and name not in SITE_URL_NAMES:
                        upward.append(f"{path.relative_to(ROOT)} names unknown URL {name!r}")
                    continue
                # Sideways links (web's menu to api's pages) create no cycle; upward ones do.
                if FLOORS.get(owner, FLOORS["web"]) > floor:
                    line = text.count("\n", 0, match.start()) + 1
                    upward.append(f"{path.relative_to(ROOT)}:{line} links to {name}")
    assert upward == [], (
        "Templates may name URLs of lower floors only; offer a link through an AppConfig hook "
        "(see organisations/links.py) instead:\n" + "\n".join(upward)
    )


def test_every_app_with_tests_is_collected_and_packaged():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    testpaths = set(project["tool"]["pytest"]["ini_options"]["testpaths"])
    packaged = {p.rstrip("*") for p in project["tool"]["setuptools"]["packages"]["find"]["include"]}
    with_tests = {path.parent.parent.name for path in ROOT.glob("*/tests/__init__.py")}
    assert with_tests - testpaths == set(), "Add these apps to testpaths in pyproject.toml."
    assert set(FLOORS) - packaged == set(), "Add these apps to the packages in pyproject.toml."
