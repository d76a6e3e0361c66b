"""An educator starts a micro-credential, gathers evidence over days, and submits it."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.constraints import refused_as
from lib.errors import ActionError
from organisations.access import memberships_of
from organisations.models import Organisation, Person

from ..models import (
    Answer,
    Artifact,
    MicroCredential,
    Requirement,
    Submission,
    SubmissionEvent,
    SubmissionRound,
)
from ..uploads import check_upload, upload_size
from .reviewing import assign_reviewers

OPEN = (Submission.Status.DRAFT, Submission.Status.SUBMITTED, Submission.Status.NOT_YET)


def home_organisation(person: Person) -> Organisation:
    """Return the school the person works in, else their first organisation."""
    memberships = memberships_of(person)
    if not memberships:
        raise ActionError(
            _("You need to belong to a school or district to earn micro-credentials.")
        )
    schools = [
        m.organisation for m in memberships if m.organisation.kind == Organisation.Kind.SCHOOL
    ]
    return (schools or [memberships[0].organisation])[0]


@transaction.atomic
def start_submission(micro_credential: MicroCredential, earner: Person) -> Submission:
    """Start (or return the already started) submission for the current version."""
    # The earner's row guards "one open submission for a micro-credential, whatever its
    # version": a second start (a double click) waits here, then finds the first one's.
    Person.objects.select_for_update().get(pk=earner.pk)
    siblings = Submission.objects.filter(
        micro_credential__issuer_id=micro_credential.issuer_id,
        micro_credential__slug=micro_credential.slug,
        earner=earner,
    )
    current = siblings.filter(status__in=OPEN).first()
    if current:
        return current
    if siblings.filter(status=Submission.Status.EARNED, award__revoked_at__isnull=True).exists():
        raise ActionError(_("You already hold “%(t)s”.") % {"t": micro_credential.title})
    if not micro_credential.is_published:
        raise ActionError(
            _("“%(t)s” is not open for new submissions; choose its current version.")
            % {"t": micro_credential.title}
        )
    with refused_as(
        _("You have already started “%(t)s”; open it from My work and badges.")
        % {"t": micro_credential.title}
    ):
        submission = Submission.objects.create(
            micro_credential=micro_credential,
            earner=earner,
            organisation=home_organisation(earner),
        )
    SubmissionEvent.objects.create(submission=submission, round=1, kind="started", actor=earner)
    return submission


def _check_editable(submission: Submission) -> None:
    if not submission.is_editable:
        raise ActionError(
            _("This submission is with the reviewers or decided, so it cannot be changed now.")
        )


def _lock_editable(submission: Submission) -> None:
    """Lock the submission, read it afresh, and refuse changes once it is submitted.

    Edits and submits of one submission take turns on its row, so nothing changes after the
    reviewers' snapshot is taken, and of twenty submits at once one gets through.
    """
    submission.refresh_from_db(from_queryset=Submission.objects.select_for_update())
    _check_editable(submission)


def _check_requirement(submission: Submission, requirement: Requirement) -> None:
    if requirement.micro_credential_id != submission.micro_credential_id:
        raise ActionError(
            _("That requirement belongs to another micro-credential or version; reload the page."),
            field="requirement",
        )


@transaction.atomic
def save_answer_text(submission: Submission, requirement: Requirement, text: str) -> Answer:
    """Save a draft answer to one requirement."""
    _lock_editable(submission)
    _check_requirement(submission, requirement)
    answer, _created = Answer.objects.update_or_create(
        submission=submission,
        requirement=requirement,
        defaults={"text": text.strip(), "updated_at": timezone.now()},
    )
    return answer


def add_artifact(
    submission: Submission,
    requirement: Requirement,
    upload: UploadedFile,
    description: str = "",
    is_public: bool = False,
) -> Artifact:
    """Store an uploaded file after checking its real type and size."""
    _check_editable(submission)
    _check_requirement(submission, requirement)
    if requirement.kind != Requirement.Kind.ARTIFACT:
        raise ActionError(_("This part of the submission takes text, not files."), field="file")
    kind, content_type, sha256 = check_upload(upload, requirement.accepted)
    artifact = Artifact(
        submission=submission,
        requirement=requirement,
        kind=kind,
        original_name=(upload.name or "evidence")[:255],
        content_type=content_type,
        size=upload_size(upload),
        sha256=sha256,
        description=description.strip()[:500],
        is_public=is_public,
    )
    artifact.file.save(artifact.original_name, upload, save=False)
    try:
        with transaction.atomic():
            _lock_editable(submission)
            artifact.save()
    except Exception:
        # Nothing half-saved: the stored file goes when its record could not be written.
        artifact.file.delete(save=False)
        raise
    return artifact


@transaction.atomic
def add_link(
    submission: Submission, requirement: Requirement, url: str, description: str = ""
) -> Artifact:
    """Record a link (for example to a video) as evidence."""
    _lock_editable(submission)
    _check_requirement(submission, requirement)
    if "link" not in requirement.accepted:
        raise ActionError(_("This requirement does not accept links; upload a file."), field="url")
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ActionError(
            _("“%(url)s” is not a web address; it must start with https:// or http://.")
            % {"url": url},
            field="url",
        ) from None
    return Artifact.objects.create(
        submission=submission,
        requirement=requirement,
        kind=Artifact.Kind.LINK,
        url=url,
        description=description.strip()[:500],
    )


def remove_artifact(artifact: Artifact) -> None:
    """Take evidence out of the submission; what a round's reviewers saw stays in its history."""
    with transaction.atomic():
        _lock_editable(artifact.submission)
        if artifact.rounds.exists():
            # Reviewed evidence is detached, never deleted: its feedback must still make sense.
            Artifact.objects.filter(pk=artifact.pk).update(
                detached_at=timezone.now(), is_public=False
            )
            return
        stored = artifact.file
        artifact.delete()
    # The file goes only once its record is gone for good.
    if stored:
        stored.delete(save=False)


@transaction.atomic
def set_artifact_public(artifact: Artifact, is_public: bool) -> Artifact:
    """Let the earner choose which evidence the public badge page may show."""
    artifact.is_public = is_public
    artifact.save(update_fields=["is_public"])
    return artifact


def missing_requirements(submission: Submission) -> list[Requirement]:
    """Return the requirements that have no answer or no evidence yet."""
    answered = set(
        Answer.objects.filter(submission=submission)
        .exclude(text="")
        .values_list("requirement_id", flat=True)
    )
    evidenced = set(
        Artifact.objects.filter(submission=submission, detached_at__isnull=True).values_list(
            "requirement_id", flat=True
        )
    )
    missing = []
    for requirement in submission.micro_credential.requirements.all():
        done = evidenced if requirement.kind == Requirement.Kind.ARTIFACT else answered
        if requirement.pk not in done:
            missing.append(requirement)
    return missing


def _snapshot(submission: Submission, submitted_at: datetime) -> SubmissionRound:
    """Keep this round's answers and evidence as the reviewers will see them."""
    snapshot, _created = SubmissionRound.objects.update_or_create(
        submission=submission,
        number=submission.round,
        defaults={
            "submitted_at": submitted_at,
            "answers": [
                {"requirement": requirement_id, "text": text}
                for requirement_id, text in Answer.objects.filter(submission=submission)
                .exclude(text="")
                .values_list("requirement_id", "text")
            ],
        },
    )
    snapshot.artifacts.set(Artifact.objects.filter(submission=submission, detached_at__isnull=True))
    return snapshot


@transaction.atomic
def submit_for_review(submission: Submission, by: Person) -> Submission:
    """Send a complete submission to the review queue; a resubmission starts a new round."""
    _lock_editable(submission)
    missing = missing_requirements(submission)
    if missing:
        raise ActionError(
            _("Before submitting, complete: %(parts)s.")
            % {"parts": "; ".join(r.title for r in missing)},
            field="requirements",
        )
    if submission.status == Submission.Status.NOT_YET:
        submission.round += 1
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_at = now = timezone.now()
    submission.save(update_fields=["status", "submitted_at", "round"])
    SubmissionEvent.objects.create(
        submission=submission,
        round=submission.round,
        kind="resubmitted" if submission.round > 1 else "submitted",
        actor=by,
    )
    _snapshot(submission, now)
    assign_reviewers(submission)
    return submission
