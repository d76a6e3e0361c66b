"""Trellis reads in Spanish, the choice sticks, and every shipped catalog is complete."""

import ast
import gettext
import re
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from assessments.models import Rating
from assessments.tests.helpers import answer_all, seat, start
from organisations.models import Role
from tests.base import TrellisTestCase

ROOT = Path(settings.BASE_DIR)
# Apps with pages but no Spanish yet. Translate one, then remove it here (docs/i18n.md).
KNOWN_GAPS: set[str] = set()
PO_FIELD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?) (.*)$")


class SpanishPagesTests(TrellisTestCase):
    def test_the_sign_in_page_follows_the_browser_language(self) -> None:
        self.spanish(reverse("login"), "Inicie sesión en Trellis", "Contraseña")

    def test_home_and_the_assessments_list_are_in_spanish(self) -> None:
        self.client.force_login(self.alice)
        self.spanish(reverse("home"), "Hola, Alice", "Evaluaciones de condiciones", "Cerrar sesión")
        self.spanish(reverse("assessments:list"), "Evaluaciones de condiciones", "Etapa")

    def test_a_team_report_is_in_spanish_around_the_english_content(self) -> None:
        assessment = start(
            self.walker_gamble,
            self.rubric,
            self.paula,
            [(self.alice, Role.TEACHER), (self.paula, Role.ADMINISTRATOR)],
        )
        answer_all(seat(assessment, self.alice), Rating.MEETS)
        self.client.force_login(self.alice)
        self.spanish(
            reverse("assessments:report", args=[assessment.pk]),
            "Informe del equipo",
            "El panorama completo",
            "Área de enfoque",
            "Cumple",
        )

    def test_the_frameworks_list_is_in_spanish(self) -> None:
        self.client.force_login(self.alice)
        self.spanish(reverse("frameworks:list"), "Marcos de competencias", "Marcos compartidos")

    def test_the_javascript_catalog_carries_the_scripts_spanish(self) -> None:
        response = self.client.get(
            reverse("javascript-catalog"), {"language": "es"}, headers={"accept-language": "es"}
        )
        self.assertContains(response, "Subiendo")

    def test_a_chosen_language_sticks_across_pages(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.post(reverse("set_language"), {"language": "es", "next": "/"})
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        page = self.client.get(reverse("assessments:list"))
        self.assertContains(page, '<html lang="es"')
        self.assertContains(page, "Evaluaciones de condiciones")
        self.client.post(reverse("set_language"), {"language": "en", "next": "/"})
        self.assertContains(self.client.get(reverse("home")), '<html lang="en"')

    def test_the_language_form_is_labelled_and_posts_with_csrf(self) -> None:
        page = self.client.get(reverse("login")).content.decode()
        form = re.search(r'<form action="/i18n/setlang/".*?</form>', page, re.S).group(0)
        self.assertIn('<label for="language-select">', form)
        self.assertIn('name="csrfmiddlewaretoken"', form)
        self.assertIn('<button type="submit"', form)


def catalog_entries(path: Path) -> list[dict]:
    """Return a .po file's entries as dicts of msgid, msgid_plural, msgstr[n] and flags."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry: dict = {"flags": set(), "msgstr": {}}
        field = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#~"):
                entry["obsolete"] = True
            elif match := re.match(
                r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?) (.*)$", line
            ):
                name, index, text = match.groups()
                field = ("msgstr", int(index or 0)) if name.startswith("msgstr") else name
                _store(entry, field, ast.literal_eval(text))
            elif line.startswith('"') and field:
                _store(entry, field, ast.literal_eval(line), append=True)
        if "msgid" in entry:
            entries.append(entry)
    return entries


def _store(entry: dict, field, text: str, append: bool = False) -> None:
    if isinstance(field, tuple):
        entry["msgstr"][field[1]] = entry["msgstr"].get(field[1], "") * append + text
    else:
        entry[field] = entry.get(field, "") * append + text


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[sd]|\{\w*\}", text))


class CatalogTests(SimpleTestCase):
    def catalogs(self) -> list[Path]:
        found = sorted(ROOT.glob("*/locale/*/LC_MESSAGES/*.po"))
        self.assertTrue(found)
        return found

    def test_every_catalog_is_fully_translated_and_nothing_is_fuzzy(self) -> None:
        for path in self.catalogs():
            for entry in catalog_entries(path)[1:]:
                where = f"{path.relative_to(ROOT)}: {entry['msgid'][:60]!r}"
                with self.subTest(where):
                    self.assertNotIn("fuzzy", entry["flags"])
                    self.assertNotIn("obsolete", entry)
                    forms = entry["msgstr"]
                    self.assertTrue(forms and all(forms.values()), "untranslated")
                    if "msgid_plural" in entry:
                        self.assertEqual(len(forms), 3, "Spanish needs three plural forms")
                    for index, text in forms.items():
                        # The singular answers the English singular; the other forms the
                        # English plural, which may name the count where the singular doesn't.
                        source = entry["msgid"] if index == 0 else entry["msgid_plural"]
                        self.assertEqual(placeholders(text), placeholders(source))

    def test_no_text_is_marked_inside_an_f_string(self) -> None:
        # makemessages does not see gettext calls inside f-string expressions, so such text
        # would never be translated: give it a name on a line of its own first.
        marked = re.compile(r"\{\s*(_|gettext|ngettext|pgettext)\(")
        found = [
            f"{path.relative_to(ROOT)}:{number}"
            for path in ROOT.glob("*/**/*.py")
            if ".venv" not in path.parts and "node_modules" not in path.parts
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if marked.search(line)
        ]
        self.assertEqual(found, [])

    def test_no_catalog_takes_text_from_the_demo_data(self) -> None:
        # Demo text is data, like content: makemessages runs with -i demo.py (docs/i18n.md).
        for path in self.catalogs():
            lines = path.read_text(encoding="utf-8").splitlines()
            from_demo = [line for line in lines if line.startswith("#:") and "demo.py" in line]
            with self.subTest(str(path.relative_to(ROOT))):
                self.assertEqual(from_demo, [])

    def test_every_catalog_is_compiled_from_its_current_text(self) -> None:
        for path in self.catalogs():
            with self.subTest(str(path.relative_to(ROOT))):
                mo = path.with_suffix(".mo")
                self.assertTrue(mo.exists(), "run compilemessages")
                with mo.open("rb") as handle:
                    compiled = gettext.GNUTranslations(handle)
                for entry in catalog_entries(path)[1:]:
                    if "msgid_plural" in entry:
                        got = compiled.ngettext(entry["msgid"], entry["msgid_plural"], 1)
                    elif "msgctxt" in entry:
                        got = compiled.pgettext(entry["msgctxt"], entry["msgid"])
                    else:
                        got = compiled.gettext(entry["msgid"])
                    self.assertEqual(got, entry["msgstr"][0], "run compilemessages")

    def test_each_text_reads_at_runtime_as_its_catalog_says(self) -> None:
        # Django merges the apps' catalogs, the first installed app winning a clash, so one
        # English text with two Spanish ones needs a context (see docs/i18n.md).
        with translation.override("es"):
            for path in ROOT.glob("*/locale/es/LC_MESSAGES/django.po"):
                for entry in catalog_entries(path)[1:]:
                    if "msgid_plural" in entry:
                        got = ngettext(entry["msgid"], entry["msgid_plural"], 1)
                    elif "msgctxt" in entry:
                        got = pgettext(entry["msgctxt"], entry["msgid"])
                    else:
                        got = _(entry["msgid"])
                    with self.subTest(f"{path.relative_to(ROOT)}: {entry['msgid'][:60]!r}"):
                        self.assertEqual(got, entry["msgstr"][0])

    def test_the_apps_without_spanish_are_the_known_gaps(self) -> None:
        apps_with_pages = {p.parent.name for p in ROOT.glob("*/templates") if p.is_dir()}
        translated = {p.parent.parent.name for p in ROOT.glob("*/locale/es") if p.is_dir()}
        existing = {p.parent.name for p in ROOT.glob("*/apps.py")}
        without_spanish = apps_with_pages - translated
        # An app still being written (not in the tree yet) counts as a gap too.
        self.assertEqual(
            without_spanish | (KNOWN_GAPS - existing),
            KNOWN_GAPS,
            "An app gained Spanish (remove it from KNOWN_GAPS) or has pages without it.",
        )
