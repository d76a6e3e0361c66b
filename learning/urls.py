"""Ways to learn: the resource library, playlists, leadership experiences, cohorts, coverage."""

from django.urls import path

from .views import cohorts, coverage, experiences, home, offering, playlists, resources

app_name = "learning"

urlpatterns = [
    path("", home.home, name="home"),
    path("resources/", resources.library, name="resources"),
    path("resources/new/", resources.resource_create, name="resource-create"),
    path("resources/<int:resource_id>/", resources.resource_detail, name="resource"),
    path(
        "resources/<int:resource_id>/add-to-playlist/",
        resources.add_to_playlist,
        name="resource-add-to-playlist",
    ),
    path("playlists/", playlists.playlist_list, name="playlists"),
    path("playlists/new/", playlists.playlist_create, name="playlist-create"),
    path("playlists/<int:playlist_id>/", playlists.playlist_detail, name="playlist"),
    path("playlists/<int:playlist_id>/edit/", playlists.playlist_edit, name="playlist-edit"),
    path("playlists/<int:playlist_id>/share/", playlists.playlist_share, name="playlist-share"),
    path("playlists/<int:playlist_id>/move/", playlists.playlist_move, name="playlist-move"),
    path("playlists/<int:playlist_id>/remove/", playlists.playlist_remove, name="playlist-remove"),
    path("experiences/", experiences.catalogue, name="experiences"),
    path("experiences/new/", offering.experience_create, name="experience-create"),
    path("experiences/<int:experience_id>/", experiences.experience_detail, name="experience"),
    path("experiences/<int:experience_id>/edit/", offering.experience_edit, name="experience-edit"),
    path(
        "experiences/<int:experience_id>/retire/",
        offering.experience_retire,
        name="experience-retire",
    ),
    path("experiences/<int:experience_id>/take/", experiences.take, name="experience-take"),
    path("taken/<int:enrolment_id>/", experiences.enrolment_detail, name="enrolment"),
    path("taken/<int:enrolment_id>/complete/", experiences.complete, name="enrolment-complete"),
    path("taken/<int:enrolment_id>/sign-off/", experiences.sign_off, name="enrolment-sign-off"),
    path("cohorts/", cohorts.cohort_list, name="cohorts"),
    path("cohorts/new/", cohorts.cohort_create, name="cohort-create"),
    path("cohorts/<int:cohort_id>/", cohorts.cohort_detail, name="cohort"),
    path("cohorts/<int:cohort_id>/edit/", cohorts.cohort_edit, name="cohort-edit"),
    path("cohorts/<int:cohort_id>/posts/", cohorts.post, name="cohort-post"),
    path("posts/<int:post_id>/file/", cohorts.post_file, name="post-file"),
    path("coverage/<int:framework_id>/", coverage.coverage, name="coverage"),
]
