from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("<int:organisation_id>/", views.organisation_detail, name="detail"),
    path("<int:organisation_id>/people/", views.people_list, name="people"),
    path("<int:organisation_id>/people/invite/", views.invite, name="invite"),
    path("<int:organisation_id>/people/import/", views.staff_import_upload, name="import"),
    path(
        "<int:organisation_id>/people/invitations/<int:invitation_id>/resend/",
        views.invitation_resend,
        name="invitation-resend",
    ),
    path(
        "<int:organisation_id>/people/invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
    path(
        "<int:organisation_id>/people/memberships/<int:membership_id>/role/",
        views.membership_role,
        name="membership-role",
    ),
    path(
        "<int:organisation_id>/people/memberships/<int:membership_id>/remove/",
        views.membership_remove,
        name="membership-remove",
    ),
    path(
        "<int:organisation_id>/people/import/<int:import_id>/",
        views.staff_import_preview,
        name="import-preview",
    ),
]
