"""People pickers: a search box and the few people it finds, whatever the size of the district."""

from django import forms
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from organisations.access import people_in
from organisations.actions import create_organisation
from organisations.models import Organisation
from organisations.people_picker import (
    FIND,
    SHOWN,
    PeopleField,
    PersonField,
    PicksPeople,
    listed,
)
from tests.base import TrellisTestCase

from .helpers import add_teachers


class TeamForm(PicksPeople):
    name = forms.CharField()
    lead = PersonField(label="Lead")
    team = PeopleField(label="Team", required=False)
    mentor = PersonField(label="Mentor", required=False, none_label="No mentor")

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("lead", "team", "mentor"):
            self.fields[name].offer(people)


def posted(**fields) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


class PeoplePickerTests(TrellisTestCase):
    def offered(self) -> object:
        return people_in(self.clarendon)

    def test_a_large_district_lists_only_the_first_few_and_says_how_to_find_the_others(
        self,
    ) -> None:
        add_teachers(self.st_paul, SHOWN + 30)
        total = self.offered().count()
        form = TeamForm(people=self.offered())
        self.assertEqual(len(listed(form["team"])), SHOWN)
        html = str(form["team"])
        self.assertIn(f"The first {SHOWN} of {total} people are listed.", html)
        self.assertIn('name="team_query"', html)
        self.assertEqual(html.count('type="checkbox"'), SHOWN)

    def test_a_search_finds_everyone_whose_name_or_email_holds_every_word(self) -> None:
        form = TeamForm(
            posted(name="", team_query="  ALICE   avery ", **{FIND: "team"}), people=self.offered()
        )
        self.assertEqual(list(listed(form["team"])), [self.alice.pk])
        form = TeamForm(posted(name="", team_query="clarendon.example"), people=self.offered())
        self.assertEqual(
            set(listed(form["team"])),
            set(
                self.offered()
                .filter(email__endswith="clarendon.example")
                .values_list("pk", flat=True)
            ),
        )
        nobody = TeamForm(posted(team_query="oscar"), people=self.offered())
        self.assertEqual(listed(nobody["team"]), {})
        self.assertIn("Nobody matches “oscar”.", str(nobody["team"]))

    def test_the_people_chosen_stay_listed_and_ticked_above_what_a_search_finds(self) -> None:
        data = posted(
            team=[str(self.carl.pk), str(self.bob.pk)], team_query="dana", **{FIND: "team"}
        )
        form = TeamForm(data, people=self.offered())
        self.assertEqual(list(listed(form["team"])), [self.bob.pk, self.carl.pk, self.dana.pk])
        html = str(form["team"])
        self.assertIn(f'value="{self.bob.pk}" checked', html)
        self.assertIn(f'value="{self.dana.pk}">', html)
        self.assertIn("autofocus", html)
        self.assertNotIn("autofocus", str(form["lead"]))

    def test_find_saves_nothing_shows_no_errors_and_keeps_what_was_typed(self) -> None:
        data = posted(name="Book study", team=[str(self.carl.pk)], **{FIND: "lead"})
        form = TeamForm(data, people=self.offered())
        self.assertFalse(form.is_valid())
        self.assertEqual(form.errors, {})
        self.assertIn('value="Book study"', str(form["name"]))
        self.assertIn(f'value="{self.carl.pk}" checked', str(form["team"]))

    def test_a_submission_takes_the_people_chosen_from_everyone_offered(self) -> None:
        add_teachers(self.st_paul, SHOWN + 5)
        last = self.offered().order_by("family_name", "given_name").last()
        data = posted(name="Team", lead=str(last.pk), team=[str(self.alice.pk), str(last.pk)])
        form = TeamForm(data, people=self.offered())
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.cleaned_data["lead"], last)
        self.assertEqual(set(form.cleaned_data["team"]), {self.alice, last})
        self.assertIsNone(form.cleaned_data["mentor"])

    def test_someone_outside_the_people_offered_is_refused_and_never_listed(self) -> None:
        data = posted(name="Team", lead=str(self.oscar.pk), team=[str(self.olivia.pk)])
        form = TeamForm(data, people=self.offered())
        self.assertFalse(form.is_valid())
        self.assertEqual(set(form.errors), {"lead", "team"})
        self.assertNotIn(self.oscar.pk, listed(form["lead"]))
        self.assertNotIn(self.olivia.pk, listed(form["team"]))

    def test_an_optional_single_choice_offers_nobody_first(self) -> None:
        html = str(TeamForm(people=self.offered())["mentor"])
        self.assertIn('type="radio" name="mentor" value="" checked> No mentor', html)
        self.assertNotIn("No mentor", str(TeamForm(people=self.offered())["lead"]))

    def test_a_search_with_a_nul_byte_or_thousands_of_characters_still_answers(self) -> None:
        # PostgreSQL refuses text holding a NUL byte; the search drops it.
        form = TeamForm(posted(team_query="ali\x00ce", **{FIND: "team"}), people=self.offered())
        self.assertEqual(list(listed(form["team"])), [self.alice.pk])
        form = TeamForm(posted(team_query="alice" * 2_000, **{FIND: "team"}), people=self.offered())
        self.assertEqual(listed(form["team"]), {})
        self.assertEqual(len(form.fields["team"].widget.query), 100)

    def test_rendering_costs_the_same_queries_for_a_school_and_a_district_of_thousands(
        self,
    ) -> None:
        small = create_organisation("Small District", Organisation.Kind.DISTRICT, self.california)
        large = create_organisation("Large District", Organisation.Kind.DISTRICT, self.california)
        small_school = create_organisation("Small School", Organisation.Kind.SCHOOL, small)
        large_school = create_organisation("Large School", Organisation.Kind.SCHOOL, large)
        add_teachers(small_school, 3)
        chosen = add_teachers(large_school, 2_000)

        def queries(district: Organisation, data: QueryDict | None) -> int:
            form = TeamForm(data, people=people_in(district))
            with CaptureQueriesContext(connection) as captured:
                str(form["lead"]), str(form["team"]), str(form["mentor"])
            return len(captured)

        for data in [
            None,
            posted(team=[str(p.pk) for p in chosen[:2]], team_query="given", **{FIND: "team"}),
        ]:
            self.assertEqual(queries(small, data), queries(large, data))

    def test_the_picker_speaks_spanish(self) -> None:
        add_teachers(self.st_paul, SHOWN + 5)
        with translation.override("es"):
            html = str(TeamForm(people=self.offered())["team"])
            searched = str(
                TeamForm(posted(team_query="alice", **{FIND: "team"}), people=self.offered())[
                    "team"
                ]
            )
        self.assertIn("Busque personas por nombre o correo electrónico", html)
        self.assertIn(f"Se muestran las primeras {SHOWN} de", html)
        self.assertIn("1 persona coincide con «alice».", searched)

    def test_forged_ids_are_refused_and_never_reach_the_database_as_a_server_error(self) -> None:
        # An id beyond the database's integer range must not become a 500 on PostgreSQL.
        forged = ["99999999999999999999999", "-1", "abc", "1.5", "", "²"]
        data = posted(name="Team", lead=forged[0], team=forged, **{FIND: "team"})
        form = TeamForm(data, people=self.offered())
        self.assertEqual(listed(form["team"]), listed(TeamForm(people=self.offered())["team"]))
        submitted = TeamForm(
            posted(name="Team", lead=forged[0], team=forged), people=self.offered()
        )
        self.assertFalse(submitted.is_valid())
        self.assertEqual(set(submitted.errors), {"lead", "team"})
