"""Forms for the library, playlists, experiences and cohorts; the actions check the rest."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from organisations.models import Person
from organisations.people_picker import Describe, PeopleField, PersonField, PicksPeople

from .models import Playlist, Resource


def organisation_choices(organisations) -> list[tuple[int, str]]:
    """Return the organisations as choices, indented by their place in the tree."""
    top = min((o.depth for o in organisations), default=1)
    return [(o.pk, ("— " * (o.depth - top)) + o.name) for o in organisations]


def competency_choices(competencies) -> list[tuple[str, list[tuple[int, str]]]]:
    """Return the competencies grouped under their framework's title, in the order given."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for competency in competencies:
        groups.setdefault(competency.framework.title, []).append((competency.pk, competency.name))
    return list(groups.items())


def any_choice(label, choices) -> list[tuple[str, str]]:
    return [("", label), *choices]


class ResourceSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=any_choice(_("Any kind"), Resource.Kind.choices)
    )
    cost = forms.ChoiceField(
        label=_("Cost"),
        required=False,
        choices=any_choice(_("Free or paid"), Resource.Cost.choices),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=any_choice(_("Any format"), Resource.Format.choices),
    )
    competency = forms.TypedChoiceField(
        label=_("Competency"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, competencies=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["competency"].choices = any_choice(
            _("Any competency"), [(c.pk, c.name) for c in competencies]
        )


class ResourceForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Add to the library of"), coerce=int)
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Resource.Kind.choices)
    cost = forms.ChoiceField(label=_("Cost"), choices=Resource.Cost.choices)
    format = forms.ChoiceField(label=_("Format"), choices=Resource.Format.choices)
    author = forms.CharField(label=_("Author or publisher"), max_length=300, required=False)
    # A plain text field: the action checks the address and explains what is wrong with it.
    url = forms.CharField(
        label=_("Web address"),
        max_length=1000,
        required=False,
        help_text=_("Starts with https:// or http://. Leave empty for a printed book."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What it is, and when a colleague would use it."),
    )
    competencies = forms.TypedMultipleChoiceField(
        label=_("Competencies it helps with"), coerce=int, required=False
    )

    def __init__(self, *args, organisations, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = organisation_choices(organisations)
        self.fields["competencies"].choices = competency_choices(competencies)
        self.fields["competencies"].widget.attrs["size"] = 8
        self.fields["competencies"].help_text = _(
            "Hold Ctrl (or Cmd on a Mac) to choose several; on a phone, tap each one."
        )


class ExperienceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the work is for, and who it suits."),
    )
    what_you_do = forms.CharField(
        label=_("What it involves"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One step a line, for example “Meet the Grade 3–5 team to agree a goal”."),
    )
    duration_weeks = forms.IntegerField(
        label=_("About how many weeks it takes"), min_value=1, max_value=52, initial=6
    )
    reflection_prompt = forms.CharField(
        label=_("Question to reflect on when finishing"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    expects_mentor_sign_off = forms.BooleanField(
        label=_("Ask for a mentor’s sign-off"),
        required=False,
        help_text=_("People who complete it must name a colleague to read their reflection."),
    )
    competencies = forms.TypedMultipleChoiceField(
        label=_("Competencies it builds"), coerce=int, required=False
    )

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competencies"].choices = competency_choices(competencies)
        self.fields["competencies"].widget.attrs["size"] = 8
        self.fields["competencies"].help_text = _(
            "Hold Ctrl (or Cmd on a Mac) to choose several; on a phone, tap each one."
        )


class NewExperienceForm(ExperienceForm):
    organisation = forms.TypedChoiceField(label=_("Offered by"), coerce=int)
    field_order = ["organisation"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = organisation_choices(organisations)
        self.fields["organisation"].help_text = _(
            "Everyone in it, and in the schools below it, can take the experience on."
        )


class PlaylistForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=Playlist.Visibility.choices,
        widget=forms.RadioSelect,
        initial=Playlist.Visibility.PRIVATE,
    )


class NewPlaylistForm(PlaylistForm):
    organisation = forms.TypedChoiceField(label=_("Share within"), coerce=int)
    field_order = ["title", "description", "organisation", "visibility"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = organisation_choices(organisations)


class SharePlaylistForm(PicksPeople):
    people = PeopleField(label=_("Colleagues"), required=False)
    cohorts = forms.TypedMultipleChoiceField(
        label=_("Cohorts"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Everyone in the cohort, and its facilitator, can open the playlist."),
    )

    def __init__(self, *args, people: QuerySet[Person], describe: Describe, cohorts, **kwargs):
        """Offer the people by searching for them, so a district of thousands stays quick."""
        super().__init__(*args, **kwargs)
        self.fields["people"].offer(people, describe)
        self.fields["cohorts"].choices = [(c.pk, c.name) for c in cohorts]
        if not cohorts:
            del self.fields["cohorts"]


class AddToPlaylistForm(forms.Form):
    playlist = forms.TypedChoiceField(label=_("Playlist"), coerce=int)
    note = forms.CharField(
        label=_("Note for the reader"),
        required=False,
        max_length=1000,
        help_text=_("Optional: why this resource, or what to look for."),
    )

    def __init__(self, *args, playlists, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["playlist"].choices = [(p.pk, p.title) for p in playlists]


class MoveForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    offset = forms.TypedChoiceField(coerce=int, choices=[(-1, _("Up")), (1, _("Down"))])


class RemoveForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)


class CompleteForm(PicksPeople):
    reflection = forms.CharField(label=_("Reflection"), widget=forms.Textarea(attrs={"rows": 6}))
    mentor = PersonField(
        label=_("Mentor who signs it off"),
        required=False,
        none_label=_("No mentor"),
        help_text=_("Optional. They are asked to read your reflection and sign it off."),
    )

    def __init__(self, *args, mentors: QuerySet[Person], describe: Describe, prompt="", **kwargs):
        """Offer the mentors by searching for them, so a district of thousands stays quick."""
        super().__init__(*args, **kwargs)
        self.fields["mentor"].offer(mentors, describe)
        if prompt:
            self.fields["reflection"].help_text = prompt


class SignOffForm(forms.Form):
    note = forms.CharField(
        label=_("A note for your colleague"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed for “Not yet”: say what is missing and what would show it."),
    )


class CohortForm(PicksPeople):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("What the cohort works on"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    facilitator = PersonField(label=_("Facilitator"))
    members = PeopleField(label=_("Members"), required=False)
    micro_credential = forms.TypedChoiceField(
        label=_("Micro-credential pursued together"), coerce=int, required=False, empty_value=None
    )
    plan_template = forms.ChoiceField(
        label=_("Learning plan worked through together"), required=False
    )

    def __init__(
        self,
        *args,
        people: QuerySet[Person],
        describe: Describe,
        micro_credentials,
        plan_templates=(),
        **kwargs,
    ):
        """Offer the people by searching for them, so a district of thousands stays quick."""
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].offer(people, describe)
        self.fields["members"].offer(people, describe)
        self.fields["micro_credential"].choices = any_choice(
            _("None"), [(m.pk, m.title) for m in micro_credentials]
        )
        if plan_templates:
            self.fields["plan_template"].choices = any_choice(_("None"), plan_templates)
        else:
            del self.fields["plan_template"]


class PostForm(forms.Form):
    text = forms.CharField(
        label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    file = forms.FileField(
        label=_("Attach a file"),
        required=False,
        help_text=_("A document or picture, such as a lesson plan, notes or a photo."),
    )
