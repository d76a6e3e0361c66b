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
from .publishing import (
    add_reviewer,
    create_issuer,
    create_micro_credential,
    new_version,
    publish,
    retire,
    update_micro_credential,
)
from .reviewing import assign_reviewers, record_review

__all__ = [
    "add_artifact",
    "add_link",
    "add_reviewer",
    "assign_reviewers",
    "award_credential",
    "create_issuer",
    "create_micro_credential",
    "missing_requirements",
    "new_version",
    "publish",
    "record_review",
    "remove_artifact",
    "retire",
    "revoke_credential",
    "save_answer_text",
    "set_artifact_public",
    "start_bulk_award",
    "start_submission",
    "submit_for_review",
    "update_micro_credential",
]
