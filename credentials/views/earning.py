"""The earner's side: start, gather evidence over days (saved as it goes), submit, resubmit."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.errors import ActionError
from lib.http import AuthenticatedHttpRequest
from organisations.access import can_lead

from .. import actions
from ..access import get_micro_credential_for_user, get_own_submission
from ..files import neutral_name, serve_artifact
from ..forms.earning import AnswerTextForm, LinkForm, UploadForm
from ..history import past_rounds
from ..models import Answer, Artifact, Award, MicroCredential, Requirement, Review, Submission
from ..stack_listing import progress
from ..uploads import accept_attribute, describe


@login_required
@require_POST
def start(request: AuthenticatedHttpRequest, micro_credential_id: int) -> HttpResponse:
    micro_credential = get_micro_credential_for_user(request.user, micro_credential_id)
    try:
        submission = actions.start_submission(micro_credential, request.user)
    except ActionError as failure:
        messages.error(request, failure.message)
        return redirect("credentials:micro-credential", micro_credential.pk)
    return redirect("credentials:submission", submission.pk)


@login_required
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    submissions = list(
        Submission.objects.filter(earner=request.user).select_related("micro_credential__issuer")
    )
    awards = list(
        Award.objects.filter(earner=request.user).select_related("micro_credential", "issuer")
    )
    by_submission = {award.submission_id: award for award in awards if award.submission_id}
    started = [(s.micro_credential.issuer_id, s.micro_credential.slug) for s in submissions]
    return render(
        request,
        "credentials/mine.html",
        {
            # A revoked or expired credential must not read "earned" on the earner's own pages.
            "submissions": [(s, by_submission.get(s.pk)) for s in submissions],
            "awards": awards,
            "stacks": progress(awards, started),
        },
    )


# The session key holding a refused upload's description until the page shows it again.
_KEPT = "credentials.refused_upload_description"


def _requirement(submission: Submission, requirement_id: int) -> Requirement:
    found = Requirement.objects.filter(
        pk=requirement_id, micro_credential_id=submission.micro_credential_id
    ).first()
    if found is None:
        raise Http404("No such requirement.")
    return found


@login_required
def submission(request: AuthenticatedHttpRequest, submission_id: int) -> HttpResponse:
    found = get_own_submission(request.user, submission_id)
    requirements = list(found.micro_credential.requirements.all())
    answers = {a.requirement_id: a for a in Answer.objects.filter(submission=found)}
    artifacts: dict[int, list[Artifact]] = {}
    for artifact in Artifact.objects.filter(submission=found, detached_at__isnull=True):
        artifacts.setdefault(artifact.requirement_id, []).append(artifact)
    # This round's feedback; earlier rounds' sit with what was sent in them, under "Earlier rounds".
    reviews = list(
        Review.objects.filter(submission=found, round=found.round, completed_at__isnull=False)
        .prefetch_related("scores__requirement")
        .order_by("is_tiebreak", "completed_at")
    )
    # While revising after "not yet", what the reviewers saw is history too.
    shown = found.round + (1 if found.status == Submission.Status.NOT_YET else 0)
    kept = request.session.pop(_KEPT, {}) if _KEPT in request.session else {}
    parts = [
        {
            "requirement": r,
            "answer": answers.get(r.pk),
            "artifacts": artifacts.get(r.pk, []),
            "formats": describe(r.accepted),
            "accept": accept_attribute(r.accepted),
            "takes_links": "link" in r.accepted,
            # What was typed beside a refused upload, so it need not be typed again.
            "kept_description": kept.get(str(r.pk), ""),
        }
        for r in requirements
    ]
    return render(
        request,
        "credentials/submission.html",
        {
            "submission": found,
            "parts": parts,
            "reviews": reviews,
            "earlier": past_rounds(found, shown, requirements, with_reviews_of=found.round),
            "events": found.events.all(),
            "missing": actions.missing_requirements(found) if found.is_editable else [],
            "award": Award.objects.filter(submission=found).first(),
            "max_mb": _max_mb(),
            "newer": _newer_version(found.micro_credential),
        },
    )


def _newer_version(micro_credential: MicroCredential) -> MicroCredential | None:
    """Return the published version that replaced a retired one, if there is one."""
    if micro_credential.status != MicroCredential.Status.RETIRED:
        return None
    return MicroCredential.objects.filter(
        issuer_id=micro_credential.issuer_id,
        slug=micro_credential.slug,
        status=MicroCredential.Status.PUBLISHED,
    ).first()


def _max_mb() -> int:
    return settings.UPLOAD_MAX_BYTES // 1024 // 1024


def _back(found: Submission, requirement: Requirement | None = None) -> HttpResponse:
    anchor = f"#part-{requirement.pk}" if requirement else ""
    return redirect(f"/submissions/{found.pk}/{anchor}")


@login_required
@require_POST
def save_answer(
    request: AuthenticatedHttpRequest, submission_id: int, requirement_id: int
) -> HttpResponse:
    found = get_own_submission(request.user, submission_id)
    requirement = _requirement(found, requirement_id)
    form = AnswerTextForm(request.POST, prefix=f"r{requirement.pk}")
    error, answer = "", None
    if not form.is_valid():
        error = " ".join(str(e) for errs in form.errors.values() for e in errs)
    else:
        try:
            answer = actions.save_answer_text(found, requirement, form.cleaned_data["text"])
        except ActionError as failure:
            error = failure.message
    if request.htmx:
        return render(
            request,
            "credentials/_saved.html",
            {"error": error, "when": answer.updated_at if answer else None},
            status=400 if error else 200,
        )
    if error:
        messages.error(request, error)
    return _back(found, requirement)


@login_required
@require_POST
def upload(
    request: AuthenticatedHttpRequest, submission_id: int, requirement_id: int
) -> HttpResponse:
    found = get_own_submission(request.user, submission_id)
    requirement = _requirement(found, requirement_id)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return _back(found, requirement)
    try:
        actions.add_artifact(
            found,
            requirement,
            form.cleaned_data["file"],
            form.cleaned_data["description"],
            form.cleaned_data["is_public"],
        )
    except ActionError as failure:
        messages.error(request, failure.message)
        request.session[_KEPT] = {str(requirement.pk): form.cleaned_data["description"]}
        status = 400
    else:
        messages.success(request, _("Uploaded “%(n)s”.") % {"n": form.cleaned_data["file"].name})
        status = 200
    if request.htmx:
        response = HttpResponse(status=status)
        response["HX-Redirect"] = f"/submissions/{found.pk}/#part-{requirement.pk}"
        return response
    return _back(found, requirement)


@login_required
@require_POST
def add_link(
    request: AuthenticatedHttpRequest, submission_id: int, requirement_id: int
) -> HttpResponse:
    found = get_own_submission(request.user, submission_id)
    requirement = _requirement(found, requirement_id)
    form = LinkForm(request.POST)
    if form.is_valid():
        try:
            actions.add_link(
                found, requirement, form.cleaned_data["url"], form.cleaned_data["description"]
            )
        except ActionError as failure:
            messages.error(request, failure.message)
    else:
        messages.error(request, _("Paste the web address of your evidence."))
    return _back(found, requirement)


def _own_artifact(found: Submission, artifact_id: int) -> Artifact:
    artifact = Artifact.objects.filter(pk=artifact_id, submission=found).first()
    if artifact is None:
        raise Http404("No such evidence.")
    return artifact


@login_required
@require_POST
def remove_artifact(
    request: AuthenticatedHttpRequest, submission_id: int, artifact_id: int
) -> HttpResponse:
    found = get_own_submission(request.user, submission_id)
    artifact = _own_artifact(found, artifact_id)
    try:
        actions.remove_artifact(artifact)
    except ActionError as failure:
        messages.error(request, failure.message)
    return _back(found)


@login_required
@require_POST
def set_public(
    request: AuthenticatedHttpRequest, submission_id: int, artifact_id: int
) -> HttpResponse:
    found = get_own_submission(request.user, submission_id)
    artifact = _own_artifact(found, artifact_id)
    actions.set_artifact_public(artifact, request.POST.get("public") == "yes")
    return _back(found)


@login_required
@require_POST
def submit(request: AuthenticatedHttpRequest, submission_id: int) -> HttpResponse:
    found = get_own_submission(request.user, submission_id)
    try:
        actions.submit_for_review(found, request.user)
    except ActionError as failure:
        messages.error(request, failure.message)
    else:
        messages.success(request, _("Submitted. You will get an email when the review is done."))
    return _back(found)


@login_required
def artifact_file(request: AuthenticatedHttpRequest, artifact_id: int) -> HttpResponseBase:
    """Serve evidence to its earner, its reviewers and the issuer's managers only."""
    artifact = (
        Artifact.objects.select_related("submission__micro_credential__issuer__organisation")
        .filter(pk=artifact_id)
        .filter(Q(submission__earner=request.user) | Q(submission__reviews__reviewer=request.user))
        .first()
    )
    if artifact is None:
        artifact = (
            Artifact.objects.select_related("submission__micro_credential__issuer__organisation")
            .filter(pk=artifact_id)
            .first()
        )
        if artifact is None or not can_lead(
            request.user, artifact.submission.micro_credential.issuer.organisation
        ):
            raise Http404("No such evidence.")
    elif (
        artifact.submission.micro_credential.blind_review
        and artifact.submission.earner_id != request.user.pk
    ):
        # The original name (say, "smith_agenda.pdf") could tell a blind reviewer who wrote it.
        return serve_artifact(artifact, neutral_name(artifact, _position(artifact)))
    return serve_artifact(artifact)


def _position(artifact: Artifact) -> int:
    """Return the artifact's number within its part, as the review page counts it."""
    earlier = Artifact.objects.filter(
        submission_id=artifact.submission_id, requirement_id=artifact.requirement_id
    ).filter(
        Q(uploaded_at__lt=artifact.uploaded_at)
        | Q(uploaded_at=artifact.uploaded_at, pk__lt=artifact.pk)
    )
    return earlier.count() + 1
