"""The front page of ways to learn: what I am doing, what waits for me, where to go next."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from frameworks.access import frameworks_for_user
from organisations.access import led_organisations

from ..access import cohorts_for_user, contributor_organisations
from ..models import ExperienceEnrolment, Playlist


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    enrolments = list(
        ExperienceEnrolment.objects.filter(person=user).select_related("experience", "mentor")
    )
    sign_offs = list(
        ExperienceEnrolment.objects.filter(
            mentor=user,
            status=ExperienceEnrolment.Status.COMPLETED,
            mentor_signed_off_at__isnull=True,
        ).select_related("experience", "person")
    )
    return render(
        request,
        "learning/home.html",
        {
            "enrolments": enrolments,
            "sign_offs": sign_offs,
            "playlists": list(Playlist.objects.filter(owner=user).order_by("-updated_at")[:5]),
            "cohorts": list(cohorts_for_user(user).select_related("organisation")),
            "frameworks": list(frameworks_for_user(user).order_by("organisation_id", "title")),
            "can_contribute": bool(contributor_organisations(user)),
            "leads": bool(led_organisations(user)),
        },
    )
