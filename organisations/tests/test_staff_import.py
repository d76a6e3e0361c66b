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
        self.assertContains(response, "not UTF-8 text")
        self.assertFalse(StaffImport.objects.exists())

    def test_it_refuses_a_file_that_is_not_csv(self) -> None:
        response = self.upload(b"\x89PNG....", name="photo.png")
        self.assertContains(response, "Upload a .csv file")

    def test_a_teacher_cannot_import(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.get(reverse("organisations:import", args=[self.walker_gamble.pk]))
        self.assertEqual(response.status_code, 404)
