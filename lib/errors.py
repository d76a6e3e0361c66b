"""The error actions raise when input is wrong; views show its message beside the field."""

from django.forms import BaseForm


class ActionError(Exception):
    """A user's request that cannot be carried out, with a sentence saying how to fix it."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def attach_to_form(form: BaseForm, error: ActionError) -> None:
    """Show the error beside the field it names, or above the form when the form lacks it."""
    # Django raises on a field the form does not have, which would turn a clear sentence
    # into a server error; an action may name a field only some of its forms show.
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
