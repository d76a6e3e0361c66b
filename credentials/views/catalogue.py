"""Browse and search the catalogue; read what a micro-credential asks for."""

from typing import NamedTuple

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from lib.http import AuthenticatedHttpRequest

from ..access import catalogue_for_user, get_micro_credential_for_user, led_issuers
from ..models import Artifact, MicroCredential, Requirement, Stack, Submission
from ..stack_listing import StackEntry, published_stacks, stacks_containing
from ..uploads import describe


@login_required
def catalogue(request: AuthenticatedHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    items = catalogue_for_user(request.user).filter(status=MicroCredential.Status.PUBLISHED)
    if query:
        items = items.filter(
            Q(title__icontains=query)
            | Q(competency__icontains=query)
            | Q(key_method__icontains=query)
        )
    page = Paginator(items.order_by("title"), 24).get_page(request.GET.get("page"))
    mine = {
        s.micro_credential.slug: s
        for s in Submission.objects.filter(earner=request.user).select_related("micro_credential")
    }
    return render(
        request,
        "credentials/catalogue.html",
        {
            "page": page,
            # Each micro-credential on the page with the viewer's submission to it, if any.
            "items": [(item, mine.get(item.slug)) for item in page],
            "query": query,
            "manages": led_issuers(request.user).exists(),
            "stacks": _stacks(query) if page.number == 1 else [],
        },
    )


def _stacks(query: str) -> list[StackEntry]:
    """Return the stacks to show above the catalogue, those matching the search if there is one."""
    entries = published_stacks(Stack.objects.select_related("issuer").order_by("title"))
    if not query:
        return entries
    wanted = query.casefold()
    return [
        e
        for e in entries
        if wanted in f"{e.stack.title} {e.stack.description}".casefold()
        or any(wanted in m.title.casefold() for m in e.members)
    ]


@login_required
def detail(request: AuthenticatedHttpRequest, micro_credential_id: int) -> HttpResponse:
    micro_credential = get_micro_credential_for_user(request.user, micro_credential_id)
    my_submission = (
        Submission.objects.filter(
            earner=request.user,
            micro_credential__issuer_id=micro_credential.issuer_id,
            micro_credential__slug=micro_credential.slug,
        )
        .order_by("-created_at")
        .first()
    )
    current = (
        MicroCredential.objects.filter(
            issuer_id=micro_credential.issuer_id,
            slug=micro_credential.slug,
            status=MicroCredential.Status.PUBLISHED,
        )
        .exclude(pk=micro_credential.pk)
        .first()
    )
    return render(
        request,
        "credentials/detail.html",
        {
            "mc": micro_credential,
            "requirements": _described(micro_credential),
            "my_submission": my_submission,
            "current": current,
            "stacks": stacks_containing(micro_credential),
        },
    )


@login_required
def by_slug(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Open the published micro-credential a recommendation names by its slug."""
    found = (
        catalogue_for_user(request.user)
        .filter(slug=slug, status=MicroCredential.Status.PUBLISHED)
        .order_by("-published_at")
        .first()
    )
    if found is None:
        raise Http404("No published micro-credential with that name.")
    return redirect("credentials:micro-credential", found.pk)


class DescribedRequirement(NamedTuple):
    """A requirement with the evidence it accepts in words: "document, image" and "PDF, PNG"."""

    requirement: Requirement
    accepted_words: str
    formats: str


def _described(micro_credential: MicroCredential) -> list[DescribedRequirement]:
    """Return the requirements, each artifact part naming the evidence it accepts in words."""
    labels = dict(Artifact.Kind.choices)
    return [
        DescribedRequirement(
            requirement,
            ", ".join(str(labels[kind]).lower() for kind in requirement.accepted if kind in labels),
            describe(requirement.accepted),
        )
        for requirement in micro_credential.requirements.all()
    ]
