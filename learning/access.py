"""The one permission-checked way to reach resources, playlists, experiences and cohorts.

Built-in resources and experiences (no organisation) are open to every signed-in person. An
organisation's own resources, experiences and shared playlists reach its members, the
organisations below it (a district's reach its schools) and those above it (a district sees
its schools'). Any playlist also reaches the colleagues and cohorts its owner shares it with,
while they stay in the playlist's district; otherwise a private one is its owner's alone. A
cohort's space is its members', its facilitator's and its creator's; an experience someone
takes on is theirs, their mentor's and their leaders'.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from organisations.access import LEADER_ROLES, can_lead, memberships_of
from organisations.models import Organisation, Person

from .models import (
    Cohort,
    CohortPost,
    ExperienceEnrolment,
    LeadershipExperience,
    Playlist,
    Resource,
)

COACH_WORDS = ("coach",)


def related_q(user: Person, prefix: str = "organisation__") -> Q:
    """Match organisations at, below or above any of the user's memberships."""
    condition = Q(pk__in=[])
    for membership in memberships_of(user):
        condition |= Q(**{f"{prefix}path__startswith": membership.organisation.path})
        condition |= Q(**{f"{prefix}id__in": membership.organisation.ancestor_ids()})
    return condition


def contributor_organisations(user: Person) -> list[Organisation]:
    """Return organisations where the user may add resources: where they lead or coach."""
    return sorted(
        {
            m.organisation
            for m in memberships_of(user)
            if m.role in LEADER_ROLES or any(w in m.title.lower() for w in COACH_WORDS)
        },
        key=lambda org: (org.depth, org.name),
    )


def can_contribute(user: Person, organisation: Organisation) -> bool:
    """Say whether the user leads or coaches in the organisation or above it."""
    return any(organisation.path.startswith(o.path) for o in contributor_organisations(user))


def resources_for_user(user: Person) -> QuerySet[Resource]:
    if not user.is_authenticated:
        return Resource.objects.none()
    return Resource.objects.filter(Q(organisation__isnull=True) | related_q(user))


def get_resource_for_user(user: Person, resource_id: int) -> Resource:
    """Return the resource, or "not found" alike for missing and forbidden ones."""
    resource = (
        resources_for_user(user).select_related("organisation").filter(pk=resource_id).first()
    )
    if resource is None:
        raise Http404("No such resource.")
    return resource


def community_q(user: Person, prefix: str = "organisation__") -> Q:
    """Match organisations in the districts (or other top communities) the user works in."""
    condition = Q(pk__in=[])
    for membership in memberships_of(user):
        organisation = membership.organisation
        ids = organisation.ancestor_ids()
        if organisation.kind == Organisation.Kind.SCHOOL and len(ids) > 1:
            ids = ids[:-1]
        community_path = "/" + "".join(f"{pk}/" for pk in ids)
        condition |= Q(**{f"{prefix}path__startswith": community_path})
        condition |= Q(**{f"{prefix}id__in": ids})
    return condition


def shared_directly_q(user: Person) -> Q:
    """Match playlists shared with the user or a cohort of theirs, within their district."""
    people = Playlist.shared_with_people.through.objects.filter(person=user)
    cohorts = Playlist.shared_with_cohorts.through.objects.filter(cohort__in=cohorts_for_user(user))
    # Someone who has left the playlist's district loses what was shared with them there.
    return (
        Q(pk__in=people.values("playlist_id")) | Q(pk__in=cohorts.values("playlist_id"))
    ) & community_q(user)


def playlists_for_user(user: Person) -> QuerySet[Playlist]:
    """Return the user's own playlists, those shared with them, and those of their organisations."""
    if not user.is_authenticated:
        return Playlist.objects.none()
    return Playlist.objects.filter(
        Q(owner=user)
        | (Q(visibility=Playlist.Visibility.SHARED) & related_q(user))
        | shared_directly_q(user)
    )


def get_playlist_for_user(user: Person, playlist_id: int) -> Playlist:
    playlist = (
        playlists_for_user(user)
        .select_related("owner", "organisation")
        .filter(pk=playlist_id)
        .first()
    )
    if playlist is None:
        raise Http404("No such playlist.")
    return playlist


def get_own_playlist_for_user(user: Person, playlist_id: int) -> Playlist:
    """Return a playlist the user owns and so may change; others are "not found"."""
    playlist = get_playlist_for_user(user, playlist_id)
    if playlist.owner_id != user.pk:
        raise Http404("No such playlist.")
    return playlist


def experiences_for_user(user: Person) -> QuerySet[LeadershipExperience]:
    if not user.is_authenticated:
        return LeadershipExperience.objects.none()
    return LeadershipExperience.objects.filter(Q(organisation__isnull=True) | related_q(user))


def get_experience_for_user(user: Person, experience_id: int) -> LeadershipExperience:
    experience = (
        experiences_for_user(user).select_related("organisation").filter(pk=experience_id).first()
    )
    if experience is None:
        raise Http404("No such leadership experience.")
    return experience


def get_experience_to_manage(user: Person, experience_id: int) -> LeadershipExperience:
    """Return an organisation's own experience that the user leads over; others are "not found"."""
    experience = (
        experiences_for_user(user)
        .select_related("organisation")
        .filter(pk=experience_id, organisation__isnull=False)
        .first()
    )
    if experience is None or not can_lead(user, experience.organisation):
        raise Http404("No such leadership experience.")
    return experience


def get_enrolment_for_user(user: Person, enrolment_id: int) -> ExperienceEnrolment:
    """Return an experience taken on by the user, mentored by them, or led over by them."""
    enrolment = (
        ExperienceEnrolment.objects.select_related("experience", "person", "mentor", "organisation")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None or not user.is_authenticated:
        raise Http404("No such leadership experience.")
    if user.pk not in (enrolment.person_id, enrolment.mentor_id) and not can_lead(
        user, enrolment.organisation
    ):
        raise Http404("No such leadership experience.")
    return enrolment


def cohorts_for_user(user: Person) -> QuerySet[Cohort]:
    """Return the cohorts the user belongs to, facilitates or started."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    return Cohort.objects.filter(
        Q(facilitator=user) | Q(created_by=user) | Q(memberships__person=user)
    ).distinct()


def get_cohort_for_user(user: Person, cohort_id: int) -> Cohort:
    cohort = (
        cohorts_for_user(user)
        .select_related("organisation", "facilitator", "micro_credential")
        .filter(pk=cohort_id)
        .first()
    )
    if cohort is None:
        raise Http404("No such cohort.")
    return cohort


def get_cohort_to_manage(user: Person, cohort_id: int) -> Cohort:
    """Return a cohort the user facilitates or leads over; others are "not found"."""
    cohort = (
        Cohort.objects.select_related("organisation", "facilitator", "micro_credential")
        .filter(pk=cohort_id)
        .first()
    )
    if cohort is None or not user.is_authenticated:
        raise Http404("No such cohort.")
    if cohort.facilitator_id != user.pk and not can_lead(user, cohort.organisation):
        raise Http404("No such cohort.")
    return cohort


def get_post_for_user(user: Person, post_id: int) -> CohortPost:
    """Return a post of a cohort the user belongs to or facilitates."""
    post = (
        CohortPost.objects.filter(pk=post_id, cohort__in=cohorts_for_user(user))
        .select_related("cohort")
        .first()
    )
    if post is None:
        raise Http404("No such post.")
    return post
