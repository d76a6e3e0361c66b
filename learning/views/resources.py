"""The resource library: search and filter, one resource, adding one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frameworks.access import frameworks_for_user
from frameworks.models import Competency
from lib.errors import ActionError, attach_to_form
from organisations.access import get_organisation_for_user

from .. import actions
from ..access import (
    can_contribute,
    contributor_organisations,
    get_own_playlist_for_user,
    get_resource_for_user,
    resources_for_user,
)
from ..forms import AddToPlaylistForm, ResourceForm, ResourceSearchForm
from ..models import Playlist, Resource

PAGE_SIZE = 25
# Each word is one more condition; a pasted paragraph should not become a huge query.
MOST_WORDS = 12


def _filter_competencies(resources) -> list[Competency]:
    """Return the competencies that the visible resources are aligned to, for the filter."""
    return list(
        Competency.objects.filter(resources__in=resources)
        .distinct()
        .only("pk", "title", "statement")
        .order_by("title", "statement")
    )


@login_required
def library(request: HttpRequest) -> HttpResponse:
    visible = resources_for_user(request.user)
    form = ResourceSearchForm(request.GET or None, competencies=_filter_competencies(visible))
    resources = visible
    ignored = []
    if form.is_bound:
        form.is_valid()
        # Apply every filter that was understood; name the ones that were not.
        ignored = [
            {"label": form.fields[name].label, "value": request.GET.get(name, "")[:100]}
            for name in form.errors
        ]
        data = form.cleaned_data
        for word in (data.get("q") or "").split()[:MOST_WORDS]:
            resources = resources.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(author__icontains=word)
            )
        for name in ("kind", "cost", "format"):
            if data.get(name):
                resources = resources.filter(**{name: data[name]})
        if data.get("competency"):
            resources = resources.filter(competencies__pk=data["competency"])
    page = Paginator(
        resources.select_related("organisation").order_by("title", "pk").distinct(), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "learning/library.html",
        {
            "form": form,
            "ignored": ignored,
            "filtered": form.is_bound
            and any(request.GET.get(n) for n in ("kind", "cost", "format", "competency")),
            "page": page,
            "query": query.urlencode(),
            "can_contribute": bool(contributor_organisations(request.user)),
        },
    )


@login_required
def resource_detail(request: HttpRequest, resource_id: int) -> HttpResponse:
    resource = get_resource_for_user(request.user, resource_id)
    competencies = list(resource.competencies.select_related("framework").order_by("tree_order"))
    own = list(Playlist.objects.filter(owner=request.user).order_by("title"))
    return render(
        request,
        "learning/resource.html",
        {
            "resource": resource,
            "competencies": competencies,
            "playlist_form": AddToPlaylistForm(playlists=own) if own else None,
        },
    )


def competency_options(user) -> list[Competency]:
    """Return the current competencies of the user's frameworks, to align content to."""
    return list(
        Competency.objects.filter(framework__in=frameworks_for_user(user), retired_at__isnull=True)
        .select_related("framework")
        .only("pk", "title", "statement", "framework__title")
        .order_by("framework__title", "tree_order")
    )


@login_required
def resource_create(request: HttpRequest) -> HttpResponse:
    organisations = contributor_organisations(request.user)
    if not organisations:
        raise Http404("You lead or coach in no organisation.")
    competencies = competency_options(request.user)
    form = ResourceForm(
        request.POST or None, organisations=organisations, competencies=competencies
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = get_organisation_for_user(request.user, data["organisation"])
        if not can_contribute(request.user, organisation):
            raise Http404("No such organisation.")
        chosen = [c for c in competencies if c.pk in set(data["competencies"])]
        try:
            resource = actions.add_resource(organisation, data, chosen, request.user)
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("Resource added to the library."))
            return redirect("learning:resource", resource.pk)
    return render(request, "learning/resource_form.html", {"form": form})


@login_required
@require_POST
def add_to_playlist(request: HttpRequest, resource_id: int) -> HttpResponse:
    resource: Resource = get_resource_for_user(request.user, resource_id)
    own = list(Playlist.objects.filter(owner=request.user))
    form = AddToPlaylistForm(request.POST, playlists=own)
    if not form.is_valid():
        messages.error(request, _("Choose one of your playlists to add the resource to."))
        return redirect("learning:resource", resource.pk)
    playlist = get_own_playlist_for_user(request.user, form.cleaned_data["playlist"])
    try:
        actions.add_to_playlist(playlist, resource, form.cleaned_data["note"])
    except ActionError as failure:
        messages.error(request, failure.message)
        return redirect("learning:resource", resource.pk)
    messages.success(request, _("Added to “%(title)s”.") % {"title": playlist.title})
    return redirect("learning:playlist", playlist.pk)
