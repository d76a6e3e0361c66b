"""Issuers describe a competency, set the evidence it needs, publish, version and retire it."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from frameworks.models import Competency
from lib.constraints import refused_as
from lib.errors import ActionError
from organisations.access import can_lead
from organisations.models import Organisation, Person

from .. import keystore
from ..models import Award, Issuer, MicroCredential, Requirement, Reviewer
from .naming import free_name_key, name_taken


@transaction.atomic
def create_issuer(
    organisation: Organisation,
    did_method: str = Issuer.DidMethod.WEB,
    *,
    name: str = "",
    description: str = "",
    website: str = "",
) -> Issuer:
    """Make the organisation an issuer with its own signing key."""
    # The organisation's row guards "one issuer each": a second request waits, then finds it.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    existing = Issuer.objects.filter(organisation=organisation).first()
    if existing:
        return existing
    name = name.strip() or organisation.name
    key = free_name_key(name)
    # Another organisation may take the name between the check and the write.
    with refused_as(name_taken(name, name).message, field="name"):
        issuer = Issuer.objects.create(
            organisation=organisation,
            slug=organisation.slug,
            name=name,
            comparable_name=key,
            description=description.strip() or organisation.description,
            website=website.strip() or organisation.website,
            did_method=did_method,
        )
    keystore.create_signing_key(issuer)
    return issuer


def lock_catalogue(issuer_id: int) -> None:
    """Lock the issuer's row, which guards its catalogue: slugs, versions, drafts and stacks.

    Two requests that would both take the next version, or the same new title, take turns.
    """
    Issuer.objects.select_for_update().get(pk=issuer_id)


def _apply(micro_credential: MicroCredential, data: dict) -> None:
    for name in MicroCredential.TEXT_FIELDS:
        if name in data:
            setattr(micro_credential, name, (data[name] or "").strip())
    for name in MicroCredential.LIST_FIELDS + MicroCredential.REVIEW_OPTIONS:
        if name in data:
            setattr(micro_credential, name, data[name])
    # Everything else may stay empty in a draft; `publishing_problems` lists it before publishing.
    if not micro_credential.title:
        raise ActionError(_("Give the micro-credential a title."), field="title")


def _align(micro_credential: MicroCredential, data: dict) -> None:
    """Link the competencies given as rows, or as keys of built-in competencies."""
    if "competencies" in data:
        micro_credential.competencies.set(data["competencies"])
    elif "competency_tags" in data:
        micro_credential.competencies.set(
            Competency.objects.filter(
                key__in=data["competency_tags"], framework__organisation__isnull=True
            )
        )


def _replace_requirements(micro_credential: MicroCredential, requirements: list[dict]) -> None:
    micro_credential.requirements.all().delete()
    keys = set()
    for position, item in enumerate(requirements):
        key = slugify(item.get("key") or item.get("title", "")) or f"part-{position + 1}"
        if key in keys:
            raise ActionError(
                _("Two requirements share the key “%(key)s”; give each a different title.")
                % {"key": key},
                field="requirements",
            )
        keys.add(key)
        if item.get("kind") not in Requirement.Kind.values:
            raise ActionError(
                _("Requirement %(n)s needs a kind: overview, artifact or reflection.")
                % {"n": position + 1},
                field="requirements",
            )
        Requirement.objects.create(
            micro_credential=micro_credential,
            key=key,
            kind=item["kind"],
            title=item.get("title", "").strip() or key,
            prompt=item.get("prompt", "").strip(),
            questions=item.get("questions", []),
            accepted=item.get("accepted", []),
            earned_guide=(item.get("scoring_guide") or {}).get("earned", "").strip(),
            not_yet_guide=(item.get("scoring_guide") or {}).get("not_yet", "").strip(),
            position=position,
        )


@transaction.atomic
def create_micro_credential(issuer: Issuer, data: dict) -> MicroCredential:
    """Create a draft (version 1, or the next version of an existing slug)."""
    slug = slugify(data.get("slug") or data.get("title", ""))[:100]
    if not slug:
        raise ActionError(_("Give the micro-credential a title."), field="title")
    lock_catalogue(issuer.pk)
    latest = issuer.micro_credentials.filter(slug=slug).order_by("-version").first()
    micro_credential = MicroCredential(
        issuer=issuer, slug=slug, version=(latest.version + 1) if latest else 1
    )
    _apply(micro_credential, data)
    micro_credential.save()
    _replace_requirements(micro_credential, data.get("requirements", []))
    _align(micro_credential, data)
    return micro_credential


@transaction.atomic
def update_micro_credential(micro_credential: MicroCredential, data: dict) -> MicroCredential:
    """Change a draft; published versions are changed by making a new version."""
    lock_catalogue(micro_credential.issuer_id)
    micro_credential.refresh_from_db(fields=["status"])
    if micro_credential.status != MicroCredential.Status.DRAFT:
        raise ActionError(
            _("Only drafts can be edited. Make a new version to change a published one.")
        )
    _apply(micro_credential, data)
    micro_credential.save()
    _align(micro_credential, data)
    if "requirements" in data:
        _replace_requirements(micro_credential, data["requirements"])
    return micro_credential


def publishing_problems(micro_credential: MicroCredential) -> list[str]:
    """Return what must be fixed before the micro-credential can be published."""
    problems = []
    if not micro_credential.competency.strip():
        problems.append(_("State the one competency it recognises, in one sentence."))
    if not micro_credential.key_method.strip():
        problems.append(
            _("Describe the key method: what the educator does to show the competency.")
        )
    if not [c for c in micro_credential.method_components if str(c).strip()]:
        problems.append(_("List the method components, one per line."))
    if not micro_credential.research.strip():
        problems.append(_("Give the research and rationale behind the method."))
    if not micro_credential.resources:
        problems.append(_("Add at least one resource for educators to learn from."))
    requirements = list(micro_credential.requirements.all())
    if not requirements:
        problems.append(_("Add at least one submission requirement."))
    if not any(r.kind == Requirement.Kind.REFLECTION for r in requirements):
        problems.append(
            _("Add a reflection part, where the educator reflects on what they did and learned.")
        )
    for requirement in requirements:
        if not requirement.prompt:
            problems.append(_("“%(t)s” needs a prompt.") % {"t": requirement.title})
        if not (requirement.earned_guide and requirement.not_yet_guide):
            problems.append(
                _("“%(t)s” needs a scoring guide for both earned and not yet.")
                % {"t": requirement.title}
            )
        if requirement.kind == Requirement.Kind.ARTIFACT and not requirement.accepted:
            problems.append(
                _("“%(t)s” needs at least one accepted kind of evidence.")
                % {"t": requirement.title}
            )
    return problems


@transaction.atomic
def publish(micro_credential: MicroCredential) -> MicroCredential:
    """Publish a complete draft; an earlier published version is retired."""
    lock_catalogue(micro_credential.issuer_id)
    micro_credential.refresh_from_db(fields=["status"])
    if micro_credential.status != MicroCredential.Status.DRAFT:
        raise ActionError(_("Only a draft can be published."))
    problems = publishing_problems(micro_credential)
    if problems:
        raise ActionError(" ".join(problems), field="requirements")
    now = timezone.now()
    MicroCredential.objects.filter(
        issuer=micro_credential.issuer,
        slug=micro_credential.slug,
        status=MicroCredential.Status.PUBLISHED,
    ).update(status=MicroCredential.Status.RETIRED, retired_at=now)
    micro_credential.status = MicroCredential.Status.PUBLISHED
    micro_credential.published_at = now
    micro_credential.save(update_fields=["status", "published_at"])
    return micro_credential


@transaction.atomic
def retire(micro_credential: MicroCredential) -> MicroCredential:
    """Stop new submissions; work already started may still be finished and reviewed."""
    lock_catalogue(micro_credential.issuer_id)
    micro_credential.refresh_from_db(fields=["status"])
    if micro_credential.status != MicroCredential.Status.PUBLISHED:
        raise ActionError(_("Only a published version can be retired."))
    micro_credential.status = MicroCredential.Status.RETIRED
    micro_credential.retired_at = timezone.now()
    micro_credential.save(update_fields=["status", "retired_at"])
    return micro_credential


@transaction.atomic
def new_version(micro_credential: MicroCredential) -> MicroCredential:
    """Copy a version into a new draft; submissions keep the version they started on."""
    lock_catalogue(micro_credential.issuer_id)
    draft = MicroCredential.objects.filter(
        issuer_id=micro_credential.issuer_id,
        slug=micro_credential.slug,
        status=MicroCredential.Status.DRAFT,
    ).first()
    if draft:
        raise ActionError(
            _("Version %(v)s is already a draft; edit and publish it instead of making another.")
            % {"v": draft.version}
        )
    return create_micro_credential(micro_credential.issuer, micro_credential.as_data())


@transaction.atomic
def add_reviewer(issuer: Issuer, person: Person, kind: str, approved_by: Person) -> Reviewer:
    """Approve a person to review the issuer's submissions."""
    if kind not in Reviewer.Kind.values:
        raise ActionError(_("Choose expert or peer."), field="kind")
    reviewer, _created = Reviewer.objects.update_or_create(
        issuer=issuer,
        person=person,
        defaults={"kind": kind, "approved_by": approved_by, "active": True},
    )
    return reviewer


def _check_manager(issuer: Issuer, by: Person) -> None:
    if not can_lead(by, issuer.organisation):
        raise ActionError(
            _("Only people who manage %(issuer)s can change its micro-credentials or reviewers.")
            % {"issuer": issuer.name}
        )


@transaction.atomic
def create_draft(issuer: Issuer, data: dict, by: Person) -> MicroCredential:
    """Start a new micro-credential as a draft; a title already in use is refused."""
    _check_manager(issuer, by)
    lock_catalogue(issuer.pk)
    slug = slugify(data.get("title", ""))[:100]
    if slug and issuer.micro_credentials.filter(slug=slug).exists():
        raise ActionError(
            _(
                "“%(t)s” already exists. Choose another title, or open the existing one and "
                "make a new version of it."
            )
            % {"t": data["title"].strip()},
            field="title",
        )
    return create_micro_credential(issuer, {**data, "slug": slug})


@transaction.atomic
def approve_reviewer(issuer: Issuer, person: Person, kind: str, by: Person) -> Reviewer:
    """Approve an expert, or a peer who already holds one of the issuer's credentials."""
    _check_manager(issuer, by)
    if (
        kind == Reviewer.Kind.PEER
        and not Award.objects.filter(issuer=issuer, earner=person, revoked_at__isnull=True).exists()
    ):
        raise ActionError(
            _(
                "%(name)s holds none of %(issuer)s’s credentials, so cannot review as a peer. "
                "Approve them as an expert instead, or wait until they earn one."
            )
            % {"name": person.full_name, "issuer": issuer.name},
            field="kind",
        )
    return add_reviewer(issuer, person, kind, by)


@transaction.atomic
def remove_reviewer(reviewer: Reviewer, by: Person) -> Reviewer:
    """Stop assigning new submissions to a reviewer; reviews already assigned stay theirs."""
    _check_manager(reviewer.issuer, by)
    reviewer.active = False
    reviewer.save(update_fields=["active"])
    return reviewer
