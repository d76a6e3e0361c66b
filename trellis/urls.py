"""Top-level URL map: each app mounts its own urls.py."""

from django.urls import include, path

from web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("healthz", web_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("i18n/js/", web_views.javascript_catalog, name="javascript-catalog"),
    path("", include("organisations.account_urls")),
    path("organisations/", include("organisations.urls")),
    path("assessments/", include("assessments.urls")),
    path("frameworks/", include("frameworks.urls")),
    path("", include("credentials.urls")),
    path("learning/", include("learning.urls")),
    path("plans/", include("plans.urls")),
    path("api/", include("api.urls")),
]

handler404 = "web.errors.not_found"
handler403 = "web.errors.forbidden"
handler400 = "web.errors.bad_request"
handler500 = "web.errors.server_error"
