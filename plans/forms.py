from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment
from credentials.models import MicroCredential
from frameworks.access import frameworks_for_user
from frameworks.models import Competency, ProficiencyLevel
from learning.models import LeadershipExperience, Playlist, Resource
from organisations.access import memberships_of, people_in, visible_q
from organisations.models import Organisation, Person

from .models import PlanItem, PlanTemplate

DATE = forms.DateInput(attrs={"type": "date"})


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Where do you keep this plan?")
    )

    def __init__(self, user: Person, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [m.organisation_id for m in memberships_of(user)]
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=ids)


class GoalForm(forms.Form):
    text = forms.CharField(
        label=_("Goal"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One goal in a sentence or two, for example “Lead my team's book study”."),
    )


class CompetencyChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Competency) -> str:
        return f"{obj.framework.title} — {obj.name}"


class LevelChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: ProficiencyLevel) -> str:
        return f"{obj.title} ({obj.framework.title})"


class TargetForm(forms.Form):
    competency = CompetencyChoice(queryset=Competency.objects.none(), label=_("Competency"))
    level = LevelChoice(queryset=ProficiencyLevel.objects.none(), label=_("Level I aim for"))

    def __init__(self, user: Person, *args, **kwargs):
        super().__init__(*args, **kwargs)
        frameworks = frameworks_for_user(user).values("pk")
        self.fields["competency"].queryset = Competency.objects.filter(
            framework__in=frameworks, retired_at__isnull=True
        ).select_related("framework")
        self.fields["level"].queryset = ProficiencyLevel.objects.filter(
            framework__in=frameworks
        ).select_related("framework")


class MicroCredentialChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: MicroCredential) -> str:
        if obj.status == MicroCredential.Status.RETIRED:
            return _("%(t)s (retired)") % {"t": obj.title}
        return obj.title


class ItemForm(forms.Form):
    kind = forms.ChoiceField(choices=PlanItem.Kind.choices, label=_("Kind"))
    # Retired versions pass the form so the action can say why they cannot be planned.
    micro_credential = MicroCredentialChoice(
        queryset=MicroCredential.objects.exclude(status=MicroCredential.Status.DRAFT),
        required=False,
        label=_("Micro-credential"),
        help_text=_("Only for a micro-credential item."),
    )
    resource = forms.ModelChoiceField(
        queryset=Resource.objects.none(), required=False, label=_("Resource from the library")
    )
    playlist = forms.ModelChoiceField(
        queryset=Playlist.objects.none(), required=False, label=_("Playlist")
    )
    experience = forms.ModelChoiceField(
        queryset=LeadershipExperience.objects.none(),
        required=False,
        label=_("Leadership experience"),
    )
    title = forms.CharField(
        max_length=500,
        required=False,
        label=_("Title"),
        help_text=_(
            "What you will read, do or meet about; taken from the micro-credential if empty."
        ),
    )
    start_on = forms.DateField(required=False, widget=DATE, label=_("Start"))
    due_on = forms.DateField(required=False, widget=DATE, label=_("Due"))
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Private note"),
        help_text=_("Only you see it."),
    )

    def __init__(self, user: Person, *args, **kwargs):
        super().__init__(*args, **kwargs)
        seen = visible_q(user, "organisation__")
        shared = Q(organisation__isnull=True) | seen
        self.fields["resource"].queryset = Resource.objects.filter(shared)
        self.fields["experience"].queryset = LeadershipExperience.objects.filter(shared).exclude(
            status=LeadershipExperience.Status.RETIRED
        )
        self.fields["playlist"].queryset = Playlist.objects.filter(
            Q(owner=user) | Q(visibility=Playlist.Visibility.SHARED) & seen
        )


class ItemUpdateForm(forms.Form):
    status = forms.ChoiceField(choices=PlanItem.Status.choices, label=_("Status"))
    start_on = forms.DateField(required=False, widget=DATE, label=_("Start"))
    due_on = forms.DateField(required=False, widget=DATE, label=_("Due"))
    note = forms.CharField(required=False, label=_("Private note"))


class AssignForm(forms.Form):
    template = forms.ModelChoiceField(
        queryset=PlanTemplate.objects.all(), label=_("Plan template"), empty_label=None
    )
    people = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("People"),
    )

    def __init__(self, organisation: Organisation, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people_in(organisation).order_by(
            "family_name", "given_name"
        )


class AssessmentChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Assessment) -> str:
        return f"{obj.title} — {obj.organisation.name} ({obj.get_status_display()})"


class RecommendForm(forms.Form):
    assessment = AssessmentChoice(queryset=Assessment.objects.none(), label=_("Team assessment"))

    def __init__(self, organisation: Organisation, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each school's latest assessment: an older one's growth areas are out of date, and a
        # district or a state would otherwise list every assessment it ever held.
        newer = Assessment.objects.filter(
            organisation=OuterRef("organisation"), created_at__gt=OuterRef("created_at")
        )
        self.fields["assessment"].queryset = (
            Assessment.objects.filter(organisation__path__startswith=organisation.path)
            .exclude(Exists(newer))
            .select_related("organisation")
            .order_by("organisation__name", "-created_at")
        )
