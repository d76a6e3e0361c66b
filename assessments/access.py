"""The one permission-checked way to reach assessments."""

from django.db.models import Q, QuerySet
from django.http import Http404

from organisations.access import LEADER_ROLES, can_lead, led_organisations, memberships_of
from organisations.models import Organisation, Person

from .models import Assessment, Instrument, TeamMember


def get_assessment_for_user(user: Person, assessment_id: int) -> Assessment:
    """Return the assessment if the user is on its team or leads its organisation."""
    assessment = (
        Assessment.objects.select_related("organisation", "instrument")
        .filter(pk=assessment_id)
        .first()
    )
    if assessment is None or not user.is_authenticated:
        raise Http404("No such assessment.")
    if not (seat_of(user, assessment) or can_lead(user, assessment.organisation)):
        raise Http404("No such assessment.")
    return assessment


def get_managed_assessment_for_user(user: Person, assessment_id: int) -> Assessment:
    """Return the assessment if the user leads its organisation."""
    assessment = get_assessment_for_user(user, assessment_id)
    if not can_lead(user, assessment.organisation):
        raise Http404("No such assessment.")
    return assessment


def seat_of(user: Person, assessment: Assessment) -> TeamMember | None:
    """Return the user's seat on the team, cached on the assessment."""
    cache = assessment.__dict__.setdefault("_seats", {})
    if user.pk not in cache:
        cache[user.pk] = (
            TeamMember.objects.filter(assessment=assessment, person=user).first()
            if user.is_authenticated
            else None
        )
    return cache[user.pk]


def can_see_team_answers(user: Person, assessment: Assessment) -> bool:
    """Say whether the user may see colleagues' answers: only after giving their own.

    While answers are being collected, nobody reads them but members who have submitted: not
    even a leader overseeing from outside the team, who could otherwise read them and then
    join the team and answer. Leaders see who has submitted, and move the team on to
    discussing when they are ready; from then on everyone who may open the assessment sees it.
    """
    if assessment.status != Assessment.Status.COLLECTING:
        return True
    seat = seat_of(user, assessment)
    return seat is not None and seat.submitted_at is not None


def assessments_for_user(user: Person) -> QuerySet[Assessment]:
    """Return assessments the user sits on or oversees as a leader."""
    led_paths = Q(pk__in=[])
    for membership in memberships_of(user):
        if membership.role in LEADER_ROLES:
            led_paths |= Q(organisation__path__startswith=membership.organisation.path)
    # A subquery, not a join on members: a join would leave only the user's own seat for
    # counting the team (the list's "submitted" figures) and needs DISTINCT.
    seats = TeamMember.objects.filter(person=user).values("assessment_id")
    return Assessment.objects.filter(Q(pk__in=seats) | led_paths)


# A team assessment looks at the conditions in a school or a district, nowhere else.
ASSESSED_KINDS = (Organisation.Kind.SCHOOL, Organisation.Kind.DISTRICT)


def organisations_to_assess(user: Person) -> QuerySet[Organisation]:
    """Return the schools and districts where the user may start a team assessment.

    Those are the ones the user leads, and those below an organisation the user leads.
    """
    led = Q(pk__in=[])
    for organisation in led_organisations(user):
        led |= Q(path__startswith=organisation.path)
    return Organisation.objects.filter(led, kind__in=ASSESSED_KINDS)


def instruments_for_user(user: Person) -> QuerySet[Instrument]:
    """Return built-in instruments and those of organisations the user belongs to or below."""
    owned = Q(pk__in=[])
    for membership in memberships_of(user):
        owned |= Q(organisation__path__startswith=membership.organisation.path)
        owned |= Q(organisation_id__in=membership.organisation.ancestor_ids())
    return Instrument.objects.filter(Q(organisation__isnull=True) | owned)


def get_instrument_for_user(user: Person, instrument_id: int) -> Instrument:
    instrument = instruments_for_user(user).filter(pk=instrument_id).first()
    if instrument is None:
        raise Http404("No such instrument.")
    return instrument
