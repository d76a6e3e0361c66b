from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from organisations.models import Membership, Person, StaffImport
from tests.base import TrellisTestCase

GOOD = (
    "email,given_name,family_name,role,school,title\n"
    "maria@clarendon.example,María,López,teacher,Walker-Gamble Elementary,Grade 3\n"
    "james@clarendon.example,James,Reed,administrator,St. Paul Middle,Principal\n"
    "not-an-email,Bad,Row,teacher,,\n"
    "maria@clarendon.example,María,Again,teacher,,\n"
    "sam@clarendon.example,Sam,Stone,principal-ish,,\n"
    "lee@clarendon.example,Lee,Lane,teacher,Nowhere High,\n"
)


class StaffImportTests(TrellisTestCase):
    def upload(self, content: bytes, name: str = "staff.csv"):
        self.client.force_login(self.dana)
        return self.client.post(
            reverse("organisations:import", args=[self.clarendon.pk]),
            {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
            follow=True,
        )

    def test_it_previews_then_imports_good_rows_and_names_each_bad_one(self) -> None:
        preview = self.upload(GOOD.encode())
        self.assertContains(preview, "2 rows are ready to import")
        self.assertContains(preview, "Line 4, email: “not-an-email” is not an email address.")
        self.assertContains(
            preview, "Line 5, email: maria@clarendon.example already appears on line 2"
        )
        self.assertContains(preview, "Line 6, role: “principal-ish” is not a role")
        self.assertContains(preview, "Line 7, school: there is no school called “Nowhere High”")
        self.assertFalse(Person.objects.filter(email="maria@clarendon.example").exists())
        pending = StaffImport.objects.get()
        self.client.post(
            reverse("organisations:import-preview", args=[self.clarendon.pk, pending.pk])
        )
        maria = Person.objects.get(email="maria@clarendon.example")
        self.assertEqual(maria.memberships.get().organisation, self.walker_gamble)
        self.assertEqual(
            Membership.objects.get(person__email="james@clarendon.example").role, "administrator"
        )
        self.assertFalse(maria.has_usable_password())

    def test_importing_the_same_file_again_creates_no_duplicates(self) -> None:
        for _ in range(2):
            self.upload(GOOD.encode())
            pending = StaffImport.objects.latest("pk")
            self.client.post(
                reverse("organisations:import-preview", args=[self.clarendon.pk, pending.pk])
            )
        self.assertEqual(Person.objects.filter(email="maria@clarendon.example").count(), 1)
        self.assertEqual(
            Membership.objects.filter(person__email="maria@clarendon.example").count(), 1
        )
        self.assertEqual(StaffImport.objects.latest("pk").summary["unchanged"], 2)

    def test_it_names_missing_columns(self) -> None:
        preview = self.upload(b"mail,name\nx@y.org,X\n")
        self.assertContains(preview, "missing the column(s) email, given_name, family_name, role")

    def test_it_refuses_a_file_that_is_not_utf8(self) -> None:
        response = self.upload(
            "email,given_name,family_name,role\nj@x.org,José,Núñez,teacher\n".encode("latin-1")
        )
        self.assertContains(response, "not UTF-8 text: line 2 has a character")
        self.assertContains(response, "CSV UTF-8")
        self.assertNotContains(response, "position")
        self.assertFalse(StaffImport.objects.exists())

    def test_it_refuses_a_file_that_is_not_csv(self) -> None:
        response = self.upload(b"\x89PNG....", name="photo.png")
        self.assertContains(response, "Upload a .csv file")

    def test_a_teacher_cannot_import(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.get(reverse("organisations:import", args=[self.walker_gamble.pk]))
        self.assertEqual(response.status_code, 404)

    def test_it_reads_a_file_separated_by_semicolons(self) -> None:
        preview = self.upload(
            "email;given_name;family_name;role;school\r\n"
            "maria@clarendon.example;María;López;teacher;Walker-Gamble Elementary\r\n".encode()
        )
        self.assertContains(preview, "1 row is ready to import")
        self.client.post(
            reverse(
                "organisations:import-preview",
                args=[self.clarendon.pk, StaffImport.objects.get().pk],
            )
        )
        self.assertEqual(
            Membership.objects.get(person__email="maria@clarendon.example").organisation,
            self.walker_gamble,
        )

    def test_it_hints_at_the_separator_when_the_header_is_one_column(self) -> None:
        preview = self.upload(b"email|given_name|family_name|role\nx@y.org|X|Y|teacher\n")
        self.assertContains(preview, "missing the column(s)")
        self.assertContains(preview, "reads as a single column")

    def test_it_names_the_line_a_row_starts_on_after_a_value_spanning_lines(self) -> None:
        preview = self.upload(
            b"email,given_name,family_name,role,title\n"
            b'ann@clarendon.example,Ann,Ames,teacher,"Grade 3\nand 4"\n'
            b"bad,Bad,Row,teacher,\n"
        )
        self.assertContains(preview, "Line 4, email: “bad” is not an email address.")

    def test_the_preview_separates_new_people_and_says_roles_are_kept(self) -> None:
        preview = self.upload(
            b"email,given_name,family_name,role,school\n"
            b"maria@clarendon.example,Maria,Lopez,teacher,Walker-Gamble Elementary\n"
            b"alice@clarendon.example,Alice,Avery,administrator,Walker-Gamble Elementary\n"
            b"carl@clarendon.example,Carl,Cole,teacher,Walker-Gamble Elementary\n"
        )
        plan = preview.context["plan"]
        self.assertEqual([row.email for row in plan.new_people], ["maria@clarendon.example"])
        self.assertEqual([row.email for row in plan.joining], ["carl@clarendon.example"])
        self.assertEqual(
            [(row.email, role) for row, role in plan.already_here],
            [("alice@clarendon.example", "teacher")],
        )
        self.assertContains(preview, "1 new person is invited by email to join.")
        self.assertContains(preview, "1 person already on Trellis is added here")
        self.assertContains(preview, "An import never changes the role someone already holds")
        self.assertContains(preview, "Already here as teacher; the role stays")
        self.client.post(
            reverse(
                "organisations:import-preview",
                args=[self.clarendon.pk, StaffImport.objects.get().pk],
            )
        )
        self.assertEqual(
            Membership.objects.get(person=self.alice, organisation=self.walker_gamble).role,
            "teacher",
        )
        self.assertEqual(StaffImport.objects.get().summary["roles_kept"], 1)
