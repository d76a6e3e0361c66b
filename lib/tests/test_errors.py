"""An action's error reaches the person beside the field it names, and never as a crash."""

from django import forms
from django.test import SimpleTestCase

from lib.errors import ActionError, attach_to_form


class PlaylistForm(forms.Form):
    title = forms.CharField()


def bound_form() -> PlaylistForm:
    form = PlaylistForm({"title": "Coaching peers"})
    assert form.is_valid()
    return form


class AttachToFormTests(SimpleTestCase):
    def test_it_puts_the_message_beside_a_field_the_form_has(self):
        form = bound_form()
        attach_to_form(form, ActionError("Choose another title.", field="title"))
        self.assertEqual(form.errors["title"], ["Choose another title."])
        self.assertEqual(form.non_field_errors(), [])
        self.assertNotIn("title", form.cleaned_data)

    def test_it_shows_a_field_the_form_lacks_above_the_form(self):
        form = bound_form()
        attach_to_form(form, ActionError("Add at least one resource.", field="resources"))
        self.assertEqual(form.non_field_errors(), ["Add at least one resource."])
        self.assertNotIn("resources", form.errors)
        self.assertNotIn("title", form.errors)

    def test_it_shows_an_error_without_a_field_above_the_form(self):
        form = bound_form()
        attach_to_form(form, ActionError("This playlist was deleted."))
        self.assertEqual(form.non_field_errors(), ["This playlist was deleted."])
        self.assertFalse(form.is_valid())

    def test_adding_an_unknown_field_by_hand_is_what_it_prevents(self):
        form = bound_form()
        with self.assertRaises(ValueError):
            form.add_error("resources", "Add at least one resource.")
