"""Every write to micro-credentials, submissions, reviews and awards goes through these."""

from .awarding import award_credential, revoke_credential, start_bulk_award
from .earning import (
    add_artifact,
    add_link,
    missing_requirements,
    remove_artifact,
    save_answer_text,
    set_artifact_public,
    start_submission,
    submit_for_review,
)
from .issuers import become_issuer, rotate_issuer_key
from .publishing import (
    add_reviewer,
    approve_reviewer,
    create_draft,
    create_issuer,
    create_micro_credential,
    new_version,
    publish,
    remove_reviewer,
    retire,
    update_micro_credential,
)
from .reviewing import assign_reviewers, record_review
from .stacks import create_stack, update_stack

__all__ = [
    "add_artifact",
    "add_link",
    "add_reviewer",
    "approve_reviewer",
    "assign_reviewers",
    "award_credential",
    "become_issuer",
    "create_draft",
    "create_issuer",
    "create_micro_credential",
    "create_stack",
    "missing_requirements",
    "new_version",
    "publish",
    "record_review",
    "remove_artifact",
    "remove_reviewer",
    "retire",
    "revoke_credential",
    "rotate_issuer_key",
    "save_answer_text",
    "set_artifact_public",
    "start_bulk_award",
    "start_submission",
    "submit_for_review",
    "update_micro_credential",
    "update_stack",
]
