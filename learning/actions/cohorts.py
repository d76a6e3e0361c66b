"""Create cohorts and post in their shared space."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from credentials.models import MicroCredential
from credentials.uploads import check_upload, describe
from lib.errors import ActionError
from organisations.models import Organisation, Person

from ..models import Cohort, CohortMembership, CohortPost
from ..people import cohort_candidates, community_of
from ..pursuits import plan_template_choices

# Cohort files are documents and pictures people share with each other, never pages.
POST_FILE_KINDS = ["document", "image"]
POST_TEXT_LIMIT = 10_000


def _check(
    organisation: Organisation,
    name: str,
    facilitator: Person,
    members: list[Person],
    micro_credential: MicroCredential | None,
    plan_template_slug: str,
) -> str:
    """Return the cleaned name, or raise naming the first thing that is wrong."""
    name = name.strip()
    if not name:
        raise ActionError(_("Give the cohort a name, such as “Spring book study”."), field="name")
    community = community_of(organisation)
    allowed = set(cohort_candidates(organisation).values_list("pk", flat=True))
    if facilitator.pk not in allowed:
        raise ActionError(
            _("Choose a facilitator who works in %(org)s.") % {"org": community.name},
            field="facilitator",
        )
    outsiders = [p.full_name for p in members if p.pk not in allowed]
    if outsiders:
        raise ActionError(
            _("Only people in %(org)s can join this cohort; remove %(names)s.")
            % {"org": community.name, "names": ", ".join(outsiders)},
            field="members",
        )
    if micro_credential is not None and not micro_credential.is_published:
        raise ActionError(
            _("“%(title)s” is not published; choose a published micro-credential or none.")
            % {"title": micro_credential.title},
            field="micro_credential",
        )
    if plan_template_slug and plan_template_slug not in dict(plan_template_choices()):
        raise ActionError(
            _("That learning plan template is not offered any more; choose another or none."),
            field="plan_template",
        )
    return name[:200]


@transaction.atomic
def create_cohort(
    organisation: Organisation,
    name: str,
    facilitator: Person,
    members: list[Person],
    created_by: Person,
    description: str = "",
    micro_credential: MicroCredential | None = None,
    plan_template_slug: str = "",
) -> Cohort:
    """Gather colleagues of the organisation (a school's whole district) into a cohort."""
    name = _check(organisation, name, facilitator, members, micro_credential, plan_template_slug)
    cohort = Cohort.objects.create(
        organisation=organisation,
        name=name,
        description=description.strip(),
        facilitator=facilitator,
        micro_credential=micro_credential,
        plan_template_slug=plan_template_slug,
        created_by=created_by,
    )
    CohortMembership.objects.bulk_create(
        [CohortMembership(cohort=cohort, person=p) for p in {p.pk: p for p in members}.values()]
    )
    return cohort


@transaction.atomic
def update_cohort(
    cohort: Cohort,
    name: str,
    facilitator: Person,
    members: list[Person],
    description: str = "",
    micro_credential: MicroCredential | None = None,
    plan_template_slug: str = "",
) -> Cohort:
    """Rename the cohort, change its facilitator, members or what it pursues.

    People who leave keep their posts in the shared space; they no longer read it.
    """
    # Two saves at once take turns, so the second compares against the first's members.
    Cohort.objects.select_for_update().get(pk=cohort.pk)
    cohort.name = _check(
        cohort.organisation, name, facilitator, members, micro_credential, plan_template_slug
    )
    cohort.description = description.strip()
    cohort.facilitator = facilitator
    cohort.micro_credential = micro_credential
    cohort.plan_template_slug = plan_template_slug
    cohort.save(
        update_fields=[
            "name",
            "description",
            "facilitator",
            "micro_credential",
            "plan_template_slug",
        ]
    )
    wanted = {p.pk for p in members}
    current = set(cohort.memberships.values_list("person_id", flat=True))
    cohort.memberships.filter(person_id__in=current - wanted).delete()
    CohortMembership.objects.bulk_create(
        [CohortMembership(cohort=cohort, person_id=pk) for pk in sorted(wanted - current)]
    )
    return cohort


def _check_file(upload: UploadedFile) -> tuple[str, str, str]:
    """Check the file by its content, with a refusal worded for a cohort's shared space."""
    if upload.size <= settings.UPLOAD_MAX_BYTES:
        try:
            return check_upload(upload, POST_FILE_KINDS)
        except ActionError:
            # The shared check speaks of a micro-credential's requirement; say it our way.
            raise ActionError(
                _(
                    "“%(name)s” is not a kind of file cohorts can share. Share a document or "
                    "a picture (%(formats)s), or post a link to it instead."
                )
                % {"name": upload.name, "formats": describe(POST_FILE_KINDS)},
                field="file",
            ) from None
    return check_upload(upload, POST_FILE_KINDS)  # too large: its message names the limit


@transaction.atomic
def add_post(
    cohort: Cohort, author: Person, text: str, upload: UploadedFile | None = None
) -> CohortPost:
    """Post a message, a file, or both, to the cohort's shared space."""
    if (
        author.pk not in (cohort.facilitator_id, cohort.created_by_id)
        and not cohort.memberships.filter(person=author).exists()
    ):
        raise ActionError(_("Only the cohort's members and facilitator can post here."))
    text = text.strip()
    if not text and upload is None:
        raise ActionError(_("Write a message or attach a file before posting."), field="text")
    if len(text) > POST_TEXT_LIMIT:
        raise ActionError(
            _("Keep a post under %(limit)s characters; split a longer one into two.")
            % {"limit": POST_TEXT_LIMIT},
            field="text",
        )
    post = CohortPost(cohort=cohort, author=author, text=text)
    if upload is not None:
        _kind, content_type, digest = _check_file(upload)
        post.original_name = (upload.name or "file")[:255]
        post.content_type = content_type
        post.size = upload.size
        post.sha256 = digest
        post.file.save(post.original_name, upload, save=False)
    post.save()
    return post
