"""The issuer dashboard: every issuer the user manages, and one issuer's catalogue at a glance."""

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lib.http import AuthenticatedHttpRequest
from organisations.access import LEADER_ROLES, memberships_of
from organisations.models import Organisation, Person

from ...access import get_issuer_for_manager, led_issuers
from ...forms.issuers import IssuerForm
from ...models import Award, Issuer, MicroCredential, Review, Submission
from .common import refuse

WAITING = Submission.Status.SUBMITTED


@dataclass(frozen=True)
class IssuerFigures:
    """What the dashboard counts for one issuer."""

    counts: dict[str, int]  # micro-credential versions by status
    waiting: int
    active_awards: int
    revoked_awards: int


class VersionRow(NamedTuple):
    """One version in the issuer's catalogue, with its submissions waiting and awards."""

    micro_credential: MicroCredential
    waiting: int
    awarded: int


@dataclass
class Family:
    """The versions of one micro-credential, newest first."""

    title: str
    versions: list[VersionRow]


def _award_counts(field: str, ids: list[int]) -> dict[int, dict[str, int]]:
    rows = (
        Award.objects.filter(**{f"{field}__in": ids})
        .values(field)
        .annotate(
            active=Count("pk", filter=Q(revoked_at__isnull=True)),
            revoked=Count("pk", filter=Q(revoked_at__isnull=False)),
        )
    )
    return {row[field]: row for row in rows}


def organisations_to_offer(user: Person) -> list[Organisation]:
    """Return the organisations the user leads directly that do not publish yet."""
    led = {
        m.organisation.pk: m.organisation for m in memberships_of(user) if m.role in LEADER_ROLES
    }
    taken = set(
        Issuer.objects.filter(organisation_id__in=led).values_list("organisation_id", flat=True)
    )
    return sorted((o for pk, o in led.items() if pk not in taken), key=lambda o: o.name)


def render_dashboard(
    request: AuthenticatedHttpRequest, bound: IssuerForm | None = None, status: int = 200
) -> HttpResponse:
    """Render the issuers the user manages, and a form for each organisation that could issue."""
    issuers = list(led_issuers(request.user))
    offers = [
        (
            organisation,
            bound
            if bound is not None and bound.data.get("organisation") == str(organisation.pk)
            else IssuerForm(
                initial={
                    "organisation": organisation.pk,
                    "name": organisation.name,
                    "description": organisation.description,
                    "website": organisation.website,
                },
                auto_id=f"org{organisation.pk}-%s",
            ),
        )
        for organisation in organisations_to_offer(request.user)
    ]
    if not issuers and not offers:
        return refuse(
            request,
            _(
                "You do not manage an issuer. Issuers are managed by the administrators and "
                "policymakers of the organisation that publishes the micro-credentials."
            ),
        )
    ids = [issuer.pk for issuer in issuers]
    statuses: dict[int, dict[str, int]] = defaultdict(dict)
    for row in (
        MicroCredential.objects.filter(issuer_id__in=ids)
        .values("issuer_id", "status")
        .annotate(n=Count("pk"))
    ):
        statuses[row["issuer_id"]][row["status"]] = row["n"]
    waiting = dict(
        Submission.objects.filter(micro_credential__issuer_id__in=ids, status=WAITING)
        .values("micro_credential__issuer_id")
        .annotate(n=Count("pk"))
        .values_list("micro_credential__issuer_id", "n")
    )
    awards = _award_counts("issuer_id", ids)
    figures = [
        (
            issuer,
            IssuerFigures(
                counts=statuses[issuer.pk],
                waiting=waiting.get(issuer.pk, 0),
                active_awards=awards.get(issuer.pk, {}).get("active", 0),
                revoked_awards=awards.get(issuer.pk, {}).get("revoked", 0),
            ),
        )
        for issuer in issuers
    ]
    return render(
        request,
        "credentials/manage/dashboard.html",
        {"issuers": figures, "offers": offers},
        status=status,
    )


@login_required
@require_GET
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render_dashboard(request)


@login_required
@require_GET
def issuer(request: AuthenticatedHttpRequest, issuer_slug: str) -> HttpResponse:
    found = get_issuer_for_manager(request.user, issuer_slug)
    versions = list(found.micro_credentials.order_by("title", "slug", "-version"))
    ids = [mc.pk for mc in versions]
    waiting = dict(
        Submission.objects.filter(micro_credential_id__in=ids, status=WAITING)
        .values("micro_credential_id")
        .annotate(n=Count("pk"))
        .values_list("micro_credential_id", "n")
    )
    awards = _award_counts("micro_credential_id", ids)
    families: dict[str, Family] = {}
    for mc in versions:
        family = families.setdefault(mc.slug, Family(mc.title, []))
        family.versions.append(
            VersionRow(mc, waiting.get(mc.pk, 0), awards.get(mc.pk, {}).get("active", 0))
        )
    titles = {mc.slug: mc.title for mc in versions}
    # Each stack with the titles of its members.
    stacks = [
        (stack, [titles.get(slug, slug) for slug in stack.micro_credential_slugs])
        for stack in found.stacks.order_by("title")
    ]
    open_reviews = Review.objects.filter(
        submission__micro_credential__issuer=found, completed_at__isnull=True
    ).count()
    return render(
        request,
        "credentials/manage/issuer.html",
        {
            "issuer": found,
            "families": list(families.values()),
            "waiting": sum(waiting.values()),
            "open_reviews": open_reviews,
            "stacks": stacks,
            "batches": list(
                found.batches.select_related("micro_credential").order_by("-created_at")[:5]
            ),
        },
    )
