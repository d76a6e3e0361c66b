"""Demo learning: playlists, experiences taken and completed, one Clarendon cohort with posts."""

from datetime import timedelta

from django.utils import timezone

from credentials.models import MicroCredential
from organisations.models import Person

from .content_loader import load_builtin_learning
from .models import (
    Cohort,
    CohortMembership,
    CohortPost,
    ExperienceEnrolment,
    LeadershipExperience,
    Playlist,
    PlaylistItem,
    Resource,
)

REFLECTION = (
    "I expected to run the meetings myself, but by the third week two colleagues were leading "
    "them. The plan we ended with is better than the one I brought, and more of us own it."
)
POSTS = [
    "Welcome! We meet every other Thursday in the library. Bring one piece of student work.",
    "Chapter 2 made me rethink how we use our common planning time. Who wants to try the "
    "protocol with me next week?",
    "I tried the protocol with my fourth graders' writing. Notes are in my planning folder; "
    "happy to walk anyone through them.",
    "Reminder: the evidence for the micro-credential is due before spring break. Ask me if "
    "you want a second pair of eyes on your reflection.",
]
PLAYLISTS = {
    "principal": (
        "New teacher leaders: start here",
        "What our leadership team reads first, in this order.",
        ["leading-together"],
    ),
    "district": (
        "Sharing leadership across the district",
        "For school teams planning next year's professional learning.",
        [],
    ),
    "teacher": ("My summer reading", "", []),
}


def _playlists(demo, resources: list[Resource], now) -> None:
    by_slug = {r.slug: r for r in resources}
    playlists, items = [], []
    for account, (title, description, first) in PLAYLISTS.items():
        owner = demo.accounts[account]
        organisation = demo.district if account == "district" else demo.schools[0]
        playlist = Playlist(
            owner=owner,
            organisation=organisation,
            title=title,
            description=description,
            visibility=Playlist.Visibility.PRIVATE
            if account == "teacher"
            else Playlist.Visibility.SHARED,
            created_at=now,
            updated_at=now,
        )
        chosen = [by_slug[s] for s in first if s in by_slug]
        chosen += [r for r in resources if r not in chosen][len(playlists) * 4 :][: 5 - len(chosen)]
        playlists.append((playlist, chosen))
    Playlist.objects.bulk_create([p for p, _chosen in playlists])
    for playlist, chosen in playlists:
        items += [
            PlaylistItem(playlist=playlist, resource=r, position=n) for n, r in enumerate(chosen)
        ]
    PlaylistItem.objects.bulk_create(items)


def _enrolments(demo, experiences: list[LeadershipExperience], now) -> None:
    school = demo.schools[0]
    teacher, principal = demo.accounts["teacher"], demo.accounts["principal"]
    colleagues = [t for t in demo.teachers.get(school.pk, []) if t.pk != teacher.pk][:6]
    rows = [
        # In progress, and completed with the principal's sign-off still to come.
        ExperienceEnrolment(
            person=teacher,
            experience=experiences[0],
            organisation=school,
            started_at=now - timedelta(days=20),
        ),
        ExperienceEnrolment(
            person=teacher,
            experience=experiences[1],
            organisation=school,
            status=ExperienceEnrolment.Status.COMPLETED,
            started_at=now - timedelta(days=90),
            completed_at=now - timedelta(days=3),
            reflection=REFLECTION,
            mentor=principal,
        ),
    ]
    for n, colleague in enumerate(colleagues):
        rows.append(
            ExperienceEnrolment(
                person=colleague,
                experience=experiences[(n + 2) % len(experiences)],
                organisation=school,
                status=ExperienceEnrolment.Status.COMPLETED,
                started_at=now - timedelta(days=120 - n),
                completed_at=now - timedelta(days=30 - n),
                reflection=REFLECTION,
                mentor=principal,
                mentor_signed_off_at=now - timedelta(days=25 - n),
            )
        )
    ExperienceEnrolment.objects.bulk_create(rows)


def _cohort(demo, now) -> None:
    school = demo.schools[0]
    teacher, principal = demo.accounts["teacher"], demo.accounts["principal"]
    members = [teacher] + [t for t in demo.teachers.get(school.pk, []) if t.pk != teacher.pk][:7]
    micro_credential = (
        MicroCredential.objects.filter(status=MicroCredential.Status.PUBLISHED)
        .order_by("title")
        .first()
    )
    cohort = Cohort.objects.create(
        organisation=school,
        name="Collective leadership cohort",
        description="Teachers at our school earning a micro-credential together this spring.",
        facilitator=principal,
        micro_credential=micro_credential,
        created_by=principal,
        created_at=now - timedelta(days=40),
    )
    CohortMembership.objects.bulk_create(
        [CohortMembership(cohort=cohort, person=p, joined_at=cohort.created_at) for p in members]
    )
    authors: list[Person] = [principal, (members[1:] or [teacher])[0], teacher, principal]
    CohortPost.objects.bulk_create(
        [
            CohortPost(
                cohort=cohort,
                author=author,
                text=text,
                created_at=now - timedelta(days=35 - 9 * n),
            )
            for n, (author, text) in enumerate(zip(authors, POSTS, strict=True))
        ]
    )


def build_learning(districts) -> None:
    """Give Clarendon playlists, experiences taken and completed, and a cohort with posts."""
    if not Resource.objects.filter(organisation__isnull=True).exists():
        load_builtin_learning()
    resources = list(Resource.objects.filter(organisation__isnull=True).order_by("title"))
    experiences = list(
        LeadershipExperience.objects.filter(organisation__isnull=True).order_by("title")
    )
    now = timezone.now()
    for demo in districts:
        if demo.prefix != "clarendon":
            continue
        _playlists(demo, resources, now)
        _enrolments(demo, experiences, now)
        _cohort(demo, now)
