"""Add resources to an organisation's library."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from frameworks.models import Competency
from lib.errors import ActionError
from organisations.models import Organisation, Person

from ..models import Resource
from ..validators import web_address


def check_web_address(url: str, field: str = "url") -> str:
    """Return the address stripped, or raise a clear error unless it is http(s)."""
    url = url.strip()
    if not url:
        return ""
    try:
        web_address(url)
    except ValidationError as error:
        raise ActionError(
            _("The web address “%(url)s” is not a link we can open. %(fix)s")
            % {"url": url[:200], "fix": error.messages[0]},
            field=field,
        ) from None
    return url


def _choice(value: str, choices, field: str, message: str) -> str:
    if value not in choices.values:
        raise ActionError(message, field=field)
    return value


def unique_slug(organisation: Organisation, title: str) -> str:
    """Return a slug for the title that the organisation's resources do not use yet."""
    base = slugify(title)[:90] or "resource"
    taken = set(
        Resource.objects.filter(organisation=organisation, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


@transaction.atomic
def add_resource(
    organisation: Organisation,
    data: dict,
    competencies: Iterable[Competency],
    person: Person,
) -> Resource:
    """Add a resource to the organisation's library, aligned to the competencies given."""
    title = (data.get("title") or "").strip()
    if not title:
        raise ActionError(_("Give the resource a title people will recognise."), field="title")
    # The organisation's row guards its slugs: two resources with one title get two addresses.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    now = timezone.now()
    resource = Resource.objects.create(
        organisation=organisation,
        slug=unique_slug(organisation, title),
        title=title[:300],
        kind=_choice(
            data.get("kind", ""),
            Resource.Kind,
            "kind",
            _("Choose the kind of resource from the list."),
        ),
        cost=_choice(
            data.get("cost", ""), Resource.Cost, "cost", _("Choose the cost from the list.")
        ),
        format=_choice(
            data.get("format", ""), Resource.Format, "format", _("Choose the format from the list.")
        ),
        summary=(data.get("summary") or "").strip(),
        author=(data.get("author") or "").strip()[:300],
        url=check_web_address(data.get("url") or ""),
        created_by=person,
        created_at=now,
        updated_at=now,
    )
    resource.competencies.set(list(competencies))
    return resource
