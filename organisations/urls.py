from django.urls import path

from .views import detail, importing, memberships, people

app_name = "organisations"

urlpatterns = [
    path("<int:organisation_id>/", detail.organisation_detail, name="detail"),
    path("<int:organisation_id>/people/", people.people_list, name="people"),
    path("<int:organisation_id>/people/invite/", people.invite, name="invite"),
    path("<int:organisation_id>/people/import/", importing.staff_import_upload, name="import"),
    path(
        "<int:organisation_id>/people/invitations/<int:invitation_id>/resend/",
        people.invitation_resend,
        name="invitation-resend",
    ),
    path(
        "<int:organisation_id>/people/invitations/<int:invitation_id>/revoke/",
        people.invitation_revoke,
        name="invitation-revoke",
    ),
    path(
        "<int:organisation_id>/people/memberships/<int:membership_id>/role/",
        memberships.membership_role,
        name="membership-role",
    ),
    path(
        "<int:organisation_id>/people/memberships/<int:membership_id>/remove/",
        memberships.membership_remove,
        name="membership-remove",
    ),
    path(
        "<int:organisation_id>/people/import/<int:import_id>/",
        importing.staff_import_preview,
        name="import-preview",
    ),
]
