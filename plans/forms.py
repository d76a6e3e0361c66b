from django import forms
from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.forms.models import ModelChoiceIterator
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment
from credentials.models import MicroCredential
from frameworks.access import frameworks_for_user
from frameworks.models import Competency, Framework, FrameworkAdoption, ProficiencyLevel
from learning.models import LeadershipExperience, Playlist, Resource
from organisations.access import memberships_of, people_in, visible_q
from organisations.models import Membership, Organisation, Person
from organisations.people_picker import PeopleField, PicksPeople

from .models import LearningPlan, PlanItem, PlanTemplate, TargetCompetency

DATE = forms.DateInput(attrs={"type": "date"})
NOTE_LIMIT = 2000


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Where do you keep this plan?")
    )

    def __init__(self, user: Person, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [m.organisation_id for m in memberships_of(user)]
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=ids)


class GoalForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "goal-%s")
        super().__init__(*args, **kwargs)

    text = forms.CharField(
        label=_("Goal"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One goal in a sentence or two, for example “Lead my team's book study”."),
    )


def flag(condition: Q) -> Case:
    """Return the condition as true or false, never null, so databases sort it alike.

    `organisation_id IN (…)` is null for a framework without an organisation, and PostgreSQL
    sorts nulls first in descending order where SQLite sorts them last.
    """
    return Case(When(condition, then=Value(True)), default=Value(False))


def frameworks_offered(user: Person, plan: LearningPlan) -> list[Framework]:
    """Return the frameworks the user may aim at, those the plan's place uses first.

    A framework is used at the plan's organisation when it or one above it owns or has adopted
    it, or when the plan already aims at one of its competencies; its own come first. Built-in
    frameworks come next, then every other one the user may see. Each carries `used`.
    """
    places = plan.organisation.ancestor_ids()
    adopted = FrameworkAdoption.objects.filter(framework=OuterRef("pk"), organisation_id__in=places)
    aimed_at = TargetCompetency.objects.filter(plan=plan, competency__framework=OuterRef("pk"))
    own = Q(organisation_id__in=places)
    used = own | Exists(adopted) | Exists(aimed_at)
    built_in = Q(origin=Framework.Origin.BUILT_IN)
    return list(
        frameworks_for_user(user)
        .annotate(used=flag(used), own=flag(own), built_in=flag(built_in))
        .order_by("-used", "-own", "-built_in", "title", "pk")
    )


class TargetForm(forms.Form):
    """Aim at a competency: first its framework, then one of its competencies and levels.

    Only the chosen framework's competencies and levels are offered; without JavaScript the
    framework is chosen with its own small form, and the server checks that the three agree.
    """

    framework = forms.ModelChoiceField(queryset=Framework.objects.none(), label=_("Framework"))
    competency = forms.ModelChoiceField(queryset=Competency.objects.none(), label=_("Competency"))
    level = forms.ModelChoiceField(
        queryset=ProficiencyLevel.objects.none(), label=_("Level I aim for")
    )

    def __init__(
        self, user: Person, plan: LearningPlan, *args, framework_id: str | None = None, **kwargs
    ):
        kwargs.setdefault("auto_id", "target-%s")
        super().__init__(*args, **kwargs)
        offered = frameworks_offered(user, plan)
        visible = [f.pk for f in offered]
        self.fields["framework"].queryset = Framework.objects.filter(pk__in=visible)
        self.fields["competency"].queryset = Competency.objects.filter(
            framework_id__in=visible, retired_at__isnull=True
        ).select_related("framework")
        self.fields["level"].queryset = ProficiencyLevel.objects.filter(framework_id__in=visible)
        wanted = self.data.get("framework") if self.is_bound else framework_id
        by_pk = {str(f.pk): f for f in offered}
        chosen = by_pk.get(str(wanted)) or (offered[0] if offered else None)
        self.chosen_framework = chosen
        self.initial.setdefault("framework", chosen and chosen.pk)
        self.fields["framework"].choices = framework_groups(offered, plan.organisation)
        self.fields["framework"].widget.attrs.update(
            {
                # Bring the chosen framework's lists in place (the whole form stays usable
                # without JavaScript: see plans/_target_form.html).
                "hx-get": reverse("plans:detail", args=[plan.pk]),
                "hx-trigger": "change",
                "hx-select": "#target-fields",
                "hx-target": "#target-fields",
                "hx-swap": "outerHTML",
            }
        )
        self.fields["competency"].choices = competency_choices(chosen)
        self.fields["level"].choices = [("", _("Choose a level"))] + [
            (level.pk, level.title) for level in ProficiencyLevel.objects.filter(framework=chosen)
        ]

    def clean(self) -> dict:
        data = super().clean()
        framework, competency, level = (data.get(f) for f in ("framework", "competency", "level"))
        if framework and competency and competency.framework_id != framework.pk:
            self.add_error(
                "competency",
                _("“%(c)s” is not part of “%(f)s”; choose one of that framework's competencies.")
                % {"c": competency.name, "f": framework.title},
            )
        elif competency and level and level.framework_id != competency.framework_id:
            self.add_error(
                "level",
                _("Choose one of the levels of “%(f)s”, the framework “%(c)s” belongs to.")
                % {"f": competency.framework.title, "c": competency.name},
            )
        return data


def framework_groups(offered: list[Framework], organisation: Organisation) -> list:
    """Return the framework choices in groups: used here first, then the others."""
    used = [(f.pk, f.title) for f in offered if f.used]
    others = [(f.pk, f.title) for f in offered if not f.used]
    if not used:
        return others
    groups = [(_("Used at %(o)s or in my plan") % {"o": organisation.name}, used)]
    return groups + ([(_("Other frameworks"), others)] if others else [])


def competency_choices(framework: Framework | None) -> list:
    """Return one framework's current competencies, indented under their parents."""
    if framework is None:
        return [("", _("Choose a competency"))]
    competencies = Competency.objects.filter(framework=framework, retired_at__isnull=True)
    options = [
        (c.pk, "\u2003" * len(c.ancestor_ids()) + f"{c.code} {c.name}".strip())
        for c in competencies.only("pk", "code", "title", "statement", "ancestors")
    ]
    return [("", _("Choose a competency")), (framework.title, options)]


class CurrentMicroCredentials(ModelChoiceIterator):
    """List only micro-credentials that can still be planned; retired ones are not offered."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.exclude(status=MicroCredential.Status.RETIRED):
            yield self.choice(obj)


class MicroCredentialChoice(forms.ModelChoiceField):
    iterator = CurrentMicroCredentials


class ItemForm(forms.Form):
    kind = forms.ChoiceField(choices=PlanItem.Kind.choices, label=_("Kind"))
    # Retired versions are not offered but still pass the form, so that a page opened before
    # the retirement hears from the action why they cannot be planned.
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
            "What you will read, do or meet about; if empty, the title of what you chose above."
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
        kwargs.setdefault("auto_id", "item-%s")
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
    """Progress on one item; its fields are written in the page, with ids like `due_on-7`."""

    status = forms.ChoiceField(choices=PlanItem.Status.choices, label=_("Status"))
    start_on = forms.DateField(required=False, widget=DATE, label=_("Start"))
    due_on = forms.DateField(required=False, widget=DATE, label=_("Due"))
    note = forms.CharField(
        required=False, max_length=NOTE_LIMIT, widget=forms.Textarea, label=_("Private note")
    )

    def __init__(self, item: PlanItem, *args, **kwargs):
        kwargs.setdefault("auto_id", f"%s-{item.pk}")
        super().__init__(*args, **kwargs)


class AssignForm(PicksPeople):
    template = forms.ModelChoiceField(
        queryset=PlanTemplate.objects.all(), label=_("Plan template"), empty_label=None
    )
    people = PeopleField(label=_("People"))

    def __init__(self, organisation: Organisation, *args, **kwargs):
        kwargs.setdefault("auto_id", "assign-%s")
        super().__init__(*args, **kwargs)
        self.fields["people"].offer(
            people_in(organisation), lambda people: describe_here(organisation, people)
        )


def describe_here(organisation: Organisation, people: QuerySet[Person]) -> dict[int, str]:
    """Label each person with their role here, and the plan and templates they already have."""
    shown = list(people)
    about = people_here(organisation, [person.pk for person in shown])
    labels = {}
    for person in shown:
        facts = about.get(person.pk, {})
        templates = facts.get("templates", [])
        if templates:
            status = _("already has %(t)s") % {"t": ", ".join(f"“{t}”" for t in templates)}
        elif facts.get("has_plan"):
            status = _("has a plan, no template yet")
        else:
            status = _("no plan yet")
        labels[person.pk] = format_html(
            '{} <span class="person-about">{} · {}</span>',
            person.full_name,
            ", ".join(facts.get("roles", [])),
            status,
        )
    return labels


def people_here(organisation: Organisation, person_ids: list[int]) -> dict[int, dict]:
    """Return, for these people in the organisation or below, their roles, plan and templates.

    Three queries whatever the number of people.
    """
    within = organisation.path
    about: dict[int, dict] = {}

    def of(person_id: int) -> dict:
        return about.setdefault(person_id, {"roles": [], "has_plan": False, "templates": []})

    for membership in Membership.objects.filter(
        organisation__path__startswith=within, person_id__in=person_ids
    ).select_related("organisation"):
        role = membership.get_role_display()
        if membership.organisation_id != organisation.pk:
            role = _("%(r)s at %(o)s") % {"r": role, "o": membership.organisation.name}
        of(membership.person_id)["roles"].append(str(role))
    for owner_id in LearningPlan.objects.filter(
        organisation__path__startswith=within, owner_id__in=person_ids
    ).values_list("owner_id", flat=True):
        of(owner_id)["has_plan"] = True
    for owner_id, title in (
        PlanItem.objects.filter(
            plan__organisation__path__startswith=within,
            plan__owner_id__in=person_ids,
            template__isnull=False,
        )
        .values_list("plan__owner_id", "template__title")
        .distinct()
        .order_by("template__title")
    ):
        of(owner_id)["templates"].append(title)
    return about


class AssessmentChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Assessment) -> str:
        return f"{obj.title} — {obj.organisation.name} ({obj.get_status_display()})"


class RecommendForm(forms.Form):
    assessment = AssessmentChoice(
        queryset=Assessment.objects.none(),
        label=_("Team assessment"),
        empty_label=_("Choose a team assessment"),
        error_messages={
            "required": _(
                "Choose which team assessment to turn into suggestions, then press "
                "“Propose plan items”."
            ),
            "invalid_choice": _("Choose one of your school's latest team assessments."),
        },
    )

    def __init__(self, organisation: Organisation, *args, **kwargs):
        kwargs.setdefault("auto_id", "recommend-%s")
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
        # Listed once, so the page can also say when there is nothing to choose from.
        field = self.fields["assessment"]
        offered = list(field.queryset)
        self.has_assessments = bool(offered)
        field.choices = [("", field.empty_label)] + [
            (a.pk, field.label_from_instance(a)) for a in offered
        ]
