"""Stacks: an issuer groups micro-credentials into a larger recognition."""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lib.errors import ActionError
from organisations.access import can_lead
from organisations.models import Person

from ..models import Issuer, MicroCredential, Stack
from .publishing import lock_catalogue


def _validated(issuer: Issuer, data: dict) -> tuple[str, str, list[str]]:
    title = (data.get("title") or "").strip()
    if not title:
        raise ActionError(_("Give the stack a title."), field="title")
    wanted = list(dict.fromkeys(data.get("micro_credential_slugs") or []))
    published = set(
        issuer.micro_credentials.filter(status=MicroCredential.Status.PUBLISHED).values_list(
            "slug", flat=True
        )
    )
    refused = [slug for slug in wanted if slug not in published]
    if refused:
        titles = dict(
            issuer.micro_credentials.filter(slug__in=refused)
            .order_by("slug", "version")
            .values_list("slug", "title")
        )
        raise ActionError(
            _(
                "A stack may hold only this issuer’s published micro-credentials. Publish these "
                "first, or leave them out: %(names)s."
            )
            % {"names": ", ".join(f"“{titles.get(slug, slug)}”" for slug in refused)},
            field="micro_credential_slugs",
        )
    if len(wanted) < 2:
        raise ActionError(
            _("A stack groups at least two micro-credentials; choose two or more."),
            field="micro_credential_slugs",
        )
    return title, (data.get("description") or "").strip(), wanted


def _check_manager(issuer: Issuer, by: Person) -> None:
    if not can_lead(by, issuer.organisation):
        raise ActionError(
            _("Only people who manage %(issuer)s can change its stacks.") % {"issuer": issuer.name}
        )


@transaction.atomic
def create_stack(issuer: Issuer, data: dict, by: Person) -> Stack:
    """Group two or more of the issuer's micro-credentials under one title."""
    _check_manager(issuer, by)
    lock_catalogue(issuer.pk)
    title, description, slugs = _validated(issuer, data)
    slug = slugify(title)[:100] or "stack"
    if issuer.stacks.filter(slug=slug).exists():
        raise ActionError(
            _("A stack called “%(t)s” already exists; choose another title.") % {"t": title},
            field="title",
        )
    return Stack.objects.create(
        issuer=issuer,
        slug=slug,
        title=title,
        description=description,
        micro_credential_slugs=slugs,
    )


@transaction.atomic
def update_stack(stack: Stack, data: dict, by: Person) -> Stack:
    """Change a stack's title, description or members; its address stays the same."""
    _check_manager(stack.issuer, by)
    stack.title, stack.description, stack.micro_credential_slugs = _validated(stack.issuer, data)
    stack.save(update_fields=["title", "description", "micro_credential_slugs"])
    return stack
