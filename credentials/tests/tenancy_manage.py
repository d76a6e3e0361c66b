"""The issuer's pages in the tenancy walk: none is public, none is personal."""

from credentials import actions
from credentials.actions.awarding import issue_awards
from credentials.models import Issuer, MicroCredential, Reviewer

from .helpers import publish_sample

PUBLIC: set[str] = set()
# The dashboard lists the issuers the user manages and offers the organisations they lead
# (and nobody else's) a form to become one; people who lead nothing get 403.
PERSONAL: set[str] = {"credentials:manage", "credentials:manage-become-issuer"}


def values(case) -> dict:
    """Create a Clarendon stack, award and bulk award; return their ids for the walk."""
    issuer = Issuer.objects.get(slug=case.values["issuer_slug"])
    published = MicroCredential.objects.get(issuer=issuer, status="published")
    # Stacks hold only published micro-credentials.
    second = publish_sample(issuer, title="Second")
    stack = actions.create_stack(
        issuer,
        {
            "title": "Stack",
            "description": "",
            "micro_credential_slugs": [published.slug, second.slug],
        },
        case.dana,
    )
    (award,) = issue_awards(published, [case.bob])
    batch = actions.start_bulk_award(published, [case.carl], case.dana)
    return {
        "stack_id": stack.pk,
        "reviewer_id": Reviewer.objects.get(issuer=issuer, person=case.carl).pk,
        "award_id": award.public_id,
        "batch_id": batch.pk,
    }
