"""Choose people from a district of thousands: a search box and the few it finds, never them all.

A form field lists the people already chosen and at most `SHOWN` others: the first by name, or
those matching what was typed in the field's search box. Its Find button posts the form with
`find_people`, which a `PicksPeople` form answers by showing what it found and saving nothing;
`people-picker.js` sends the same post as the person types and swaps in the new list. Choices
are checked against the whole set offered, in one query, whatever its size.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.forms.utils import ErrorDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Person

SHOWN = 20  # people listed besides those already chosen
FIND = "find_people"  # the button (and the script's post) that asks to search, not to save
QUERY_LIMIT = 100  # characters of a search that are used
WORDS_LIMIT = 5  # words of a search that are used, each a filter

# Labels for the people shown, by id; given the people as a query, so it may join what it needs.
Describe = Callable[[QuerySet[Person]], Mapping[int, str]]


def names_and_emails(people: QuerySet[Person]) -> dict[int, str]:
    """Label each person with their name and email address."""
    return {person.pk: f"{person.full_name} ({person.email})" for person in people}


def clean_query(text: str) -> str:
    """Return the search as used: without NUL bytes, which PostgreSQL refuses, and bounded."""
    return " ".join(text.replace("\x00", "").split())[:QUERY_LIMIT]


def search_people(people: QuerySet[Person], query: str) -> QuerySet[Person]:
    """Return the people whose name or email contains every word of the query."""
    for word in query.split()[:WORDS_LIMIT]:
        people = people.filter(
            Q(given_name__icontains=word)
            | Q(family_name__icontains=word)
            | Q(email__icontains=word)
        )
    return people


# Ids are 64-bit integers: a larger number from a forged post would overflow the query.
LARGEST_ID = 2**63 - 1


def _ids(value: Any) -> list[int]:
    """Return the person ids in a field's value: one id, a list of ids, or nothing."""
    values = value if isinstance(value, list | tuple) else [value]
    numbers = [int(v) for v in values if v is not None and str(v).isdecimal()]
    return [n for n in numbers if 0 < n <= LARGEST_ID]


class PeoplePicker(forms.Widget):
    """A search box, its Find button, and the chosen and found people as boxes to tick."""

    template_name = "organisations/people_picker.html"
    use_fieldset = True

    class Media:
        css = {"all": ["organisations/people-picker.css"]}
        js = [forms.Script("organisations/people-picker.js", defer=True)]

    def __init__(self, multiple: bool = False, attrs: dict | None = None):
        super().__init__(attrs)
        self.multiple = multiple
        self.people: QuerySet[Person] = Person.objects.none()
        self.describe: Describe = names_and_emails
        self.query = ""
        self.searched = False
        self.none_label: str | None = None

    def value_from_datadict(self, data, files, name: str) -> Any:
        if self.multiple and hasattr(data, "getlist"):
            return data.getlist(name)
        return data.get(name)

    def value_omitted_from_data(self, data, files, name: str) -> bool:
        # Unticking every box posts nothing, which still means "nobody".
        return False if self.multiple else super().value_omitted_from_data(data, files, name)

    def id_for_label(self, id_: str) -> str:
        # The picker as a whole, where a link to the field's error lands; its box has its own label.
        return id_

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        by_name = ("family_name", "given_name", "pk")
        wanted = _ids(value)
        chosen = (
            list(self.people.filter(pk__in=wanted).order_by(*by_name).values_list("pk", flat=True))
            if wanted
            else []
        )[: None if self.multiple else 1]
        others = search_people(self.people.exclude(pk__in=chosen), self.query)
        found = list(others.order_by(*by_name).values_list("pk", flat=True)[:SHOWN])
        labels = self.describe(self.people.filter(pk__in=chosen + found)) if chosen or found else {}
        context["picker"] = {
            "input_type": "checkbox" if self.multiple else "radio",
            "query_name": f"{name}_query",
            "query": self.query,
            "searched": self.searched,
            "find": FIND,
            "none_label": self.none_label,
            "none_chosen": not chosen,
            "rows": [
                {"pk": pk, "label": labels.get(pk, ""), "chosen": pk in chosen}
                for pk in chosen + found
            ],
            "status": self.status(len(found), others.values("pk").count()),
        }
        return context

    def status(self, shown: int, total: int) -> str:
        """Say how many people the list shows, of how many, and how to find the others."""
        if self.query:
            if not total:
                return _("Nobody matches “%(query)s”. Try part of a name or an email address.") % {
                    "query": self.query
                }
            if shown < total:
                return _(
                    "The first %(shown)s of %(total)s people matching “%(query)s” are listed. "
                    "Type more of the name to narrow the search."
                ) % {"shown": shown, "total": total, "query": self.query}
            return ngettext(
                "%(n)s person matches “%(query)s”.", "%(n)s people match “%(query)s”.", total
            ) % {"n": total, "query": self.query}
        if shown < total:
            return _(
                "The first %(shown)s of %(total)s people are listed. "
                "Type part of a name or an email address to find someone else."
            ) % {"shown": shown, "total": total}
        return ""


def listed(field: forms.BoundField) -> dict[int, str]:
    """Return the people a picker lists, chosen first, by id with their labels."""
    context = field.field.widget.get_context(field.html_name, field.value(), {"id": field.auto_id})
    return {row["pk"]: row["label"] for row in context["picker"]["rows"]}


class OffersPeople(forms.ModelChoiceField):
    """What both people fields share: the people offered, and how each shown one is labelled."""

    widget: PeoplePicker

    def offer(self, people: QuerySet[Person], describe: Describe = names_and_emails) -> None:
        """Offer these people, each labelled by `describe` when shown."""
        self.queryset = people
        self.widget.people = self.queryset
        self.widget.describe = describe


class PersonField(OffersPeople):
    """One person, found by searching; checked against everyone offered."""

    def __init__(self, *, none_label: str | None = None, **kwargs):
        super().__init__(queryset=Person.objects.none(), widget=PeoplePicker(), **kwargs)
        # Not choosing anyone is a choice of its own when the field is optional.
        self.widget.none_label = None if self.required else none_label


class PeopleField(OffersPeople, forms.ModelMultipleChoiceField):
    """Several people, found by searching; checked against everyone offered in one query."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Person.objects.none(), widget=PeoplePicker(multiple=True), **kwargs
        )


class PicksPeople(forms.Form):
    """A form with people pickers: a post from a Find button shows who matches, saving nothing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.searching = self.is_bound and FIND in self.data
        for name, field in self.fields.items():
            if isinstance(field.widget, PeoplePicker) and self.is_bound:
                html_name = self.add_prefix(name)
                field.widget.query = clean_query(self.data.get(f"{html_name}_query", ""))
                field.widget.searched = self.data.get(FIND) == html_name

    def full_clean(self) -> None:
        if self.searching:
            # A search is not a submission: keep what was typed and ticked, and show no errors.
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def is_valid(self) -> bool:
        return not self.searching and super().is_valid()
