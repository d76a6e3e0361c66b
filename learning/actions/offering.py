"""Offer an organisation's own leadership experiences, change them, and retire them."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from frameworks.models import Competency
from lib.errors import ActionError
from organisations.models import Organisation, Person

from ..models import LeadershipExperience

LONGEST_WEEKS = 52


def _unique_slug(organisation: Organisation, title: str) -> str:
    base = slugify(title)[:90] or "experience"
    taken = set(
        LeadershipExperience.objects.filter(
            organisation=organisation, slug__startswith=base
        ).values_list("slug", flat=True)
    )
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _clean(data: dict) -> dict:
    """Return the experience's fields from the form's data, or raise naming what is wrong."""
    title = (data.get("title") or "").strip()
    if not title:
        raise ActionError(
            _("Give the experience a title, such as “Lead our Grade 3–5 reading plan”."),
            field="title",
        )
    steps = data.get("what_you_do") or []
    if isinstance(steps, str):
        steps = steps.splitlines()
    steps = [step.strip() for step in steps if step.strip()]
    if not steps:
        raise ActionError(
            _("Say what the person does, one step a line, so they know what taking it on means."),
            field="what_you_do",
        )
    weeks = data.get("duration_weeks")
    if not isinstance(weeks, int) or not 1 <= weeks <= LONGEST_WEEKS:
        raise ActionError(
            _("Give the length in weeks, from 1 to %(most)s.") % {"most": LONGEST_WEEKS},
            field="duration_weeks",
        )
    return {
        "title": title[:300],
        "summary": (data.get("summary") or "").strip(),
        "what_you_do": steps,
        "duration_weeks": weeks,
        "reflection_prompt": (data.get("reflection_prompt") or "").strip(),
        "expects_mentor_sign_off": bool(data.get("expects_mentor_sign_off")),
    }


@transaction.atomic
def offer_experience(
    organisation: Organisation,
    data: dict,
    competencies: Iterable[Competency],
    person: Person,
) -> LeadershipExperience:
    """Offer a new experience to the people of the organisation and the schools below it."""
    fields = _clean(data)
    # The organisation's row guards its slugs: two offers with one title get two addresses.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    now = timezone.now()
    experience = LeadershipExperience.objects.create(
        organisation=organisation,
        slug=_unique_slug(organisation, fields["title"]),
        created_by=person,
        created_at=now,
        updated_at=now,
        **fields,
    )
    experience.competencies.set(list(competencies))
    return experience


def _own(experience: LeadershipExperience) -> None:
    if experience.is_builtin:
        raise ActionError(
            _("Built-in experiences are shared by every organisation and cannot be changed here.")
        )


@transaction.atomic
def update_experience(
    experience: LeadershipExperience, data: dict, competencies: Iterable[Competency]
) -> LeadershipExperience:
    """Change what the experience asks; people already taking it on see the new text."""
    _own(experience)
    fields = _clean(data)
    for name, value in fields.items():
        setattr(experience, name, value)
    experience.updated_at = timezone.now()
    experience.save(update_fields=[*fields, "updated_at"])
    experience.competencies.set(list(competencies))
    return experience


@transaction.atomic
def retire_experience(experience: LeadershipExperience) -> LeadershipExperience:
    """Stop offering the experience; those who already took it on can still complete it."""
    _own(experience)
    if not experience.is_offered:
        raise ActionError(_("“%(title)s” is already retired.") % {"title": experience.title})
    experience.status = LeadershipExperience.Status.RETIRED
    experience.updated_at = timezone.now()
    experience.save(update_fields=["status", "updated_at"])
    return experience


@transaction.atomic
def offer_again(experience: LeadershipExperience) -> LeadershipExperience:
    """Offer a retired experience again."""
    _own(experience)
    if experience.is_offered:
        raise ActionError(_("“%(title)s” is already offered.") % {"title": experience.title})
    experience.status = LeadershipExperience.Status.OFFERED
    experience.updated_at = timezone.now()
    experience.save(update_fields=["status", "updated_at"])
    return experience
