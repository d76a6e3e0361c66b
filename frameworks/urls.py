from django.urls import path

from .views import authoring, browse, case_import

app_name = "frameworks"

urlpatterns = [
    path("", browse.framework_list, name="list"),
    path("new/", authoring.framework_create, name="create"),
    path("import/", case_import.import_case, name="import"),
    path("competencies/<slug:key>/", browse.competency_by_key, name="competency-by-key"),
    path("<int:framework_id>/", browse.framework_detail, name="detail"),
    path("<int:framework_id>/edit/", authoring.framework_edit, name="edit"),
    path("<int:framework_id>/case.json", browse.export, name="export"),
    path("<int:framework_id>/adopt/", authoring.adopt, name="adopt"),
    path("<int:framework_id>/copy/", authoring.copy, name="copy"),
    path(
        "<int:framework_id>/competencies/new/",
        authoring.competency_create,
        name="competency-create",
    ),
    path(
        "<int:framework_id>/competencies/<int:competency_id>/",
        browse.competency_detail,
        name="competency",
    ),
    path(
        "<int:framework_id>/competencies/<int:competency_id>/edit/",
        authoring.competency_edit,
        name="competency-edit",
    ),
]
