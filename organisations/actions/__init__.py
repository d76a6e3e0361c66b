"""Every write to organisations, people, memberships, invitations and staff imports."""

from .invitations import (
    InvitationUnusable,
    accept_invitation,
    invite_person,
    join_by_invitation,
    pending_invitation,
    request_new_invitation,
    resend_invitation,
    revoke_invitation,
)
from .members import (
    LastLeader,
    add_member,
    change_role,
    create_organisation,
    remove_member,
    unique_slug,
)
from .setup import SetUp, set_up_organisation
from .staff import apply_staff_import, plan_staff_import, preview_staff_import, schools_by_name

__all__ = [
    "InvitationUnusable",
    "LastLeader",
    "SetUp",
    "accept_invitation",
    "add_member",
    "apply_staff_import",
    "change_role",
    "create_organisation",
    "invite_person",
    "join_by_invitation",
    "pending_invitation",
    "plan_staff_import",
    "preview_staff_import",
    "remove_member",
    "request_new_invitation",
    "resend_invitation",
    "revoke_invitation",
    "schools_by_name",
    "set_up_organisation",
    "unique_slug",
]
