"""Playlists: mine and those shared with me, one playlist, building and reordering it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.errors import ActionError, attach_to_form
from organisations.access import get_organisation_for_user, memberships_of

from .. import actions
from ..access import (
    get_own_playlist_for_user,
    get_playlist_for_user,
    playlists_for_user,
    shared_directly_q,
)
from ..forms import MoveForm, NewPlaylistForm, PlaylistForm, RemoveForm, SharePlaylistForm
from ..models import Playlist
from ..people import community_of, labels_within, playlist_candidates, playlist_cohorts

PEOPLE_SHARES = Playlist.shared_with_people.through.objects.filter(playlist=OuterRef("pk"))
COHORT_SHARES = Playlist.shared_with_cohorts.through.objects.filter(playlist=OuterRef("pk"))


@login_required
def playlist_list(request: HttpRequest) -> HttpResponse:
    playlists = list(
        playlists_for_user(request.user)
        .select_related("owner", "organisation")
        .annotate(
            shared_with_me=ExpressionWrapper(
                shared_directly_q(request.user), output_field=BooleanField()
            ),
            has_readers=Exists(PEOPLE_SHARES) | Exists(COHORT_SHARES),
        )
        .order_by("title", "pk")
    )
    others = [p for p in playlists if p.owner_id != request.user.pk]
    return render(
        request,
        "learning/playlists.html",
        {
            "mine": [p for p in playlists if p.owner_id == request.user.pk],
            "shared_with_me": [p for p in others if p.shared_with_me],
            "shared": [p for p in others if not p.shared_with_me],
        },
    )


def _own_organisations(user) -> list:
    return sorted({m.organisation for m in memberships_of(user)}, key=lambda o: (o.depth, o.name))


@login_required
def playlist_create(request: HttpRequest) -> HttpResponse:
    organisations = _own_organisations(request.user)
    if not organisations:
        raise Http404("You belong to no organisation.")
    form = NewPlaylistForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = get_organisation_for_user(request.user, data["organisation"])
        try:
            playlist = actions.create_playlist(
                request.user, organisation, data["title"], data["description"], data["visibility"]
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("Playlist created. Add resources to it from the library."))
            return redirect("learning:playlist", playlist.pk)
    return render(request, "learning/playlist_form.html", {"form": form})


@login_required
def playlist_detail(request: HttpRequest, playlist_id: int) -> HttpResponse:
    playlist = get_playlist_for_user(request.user, playlist_id)
    items = list(playlist.items.select_related("resource").order_by("position", "pk"))
    is_owner = playlist.owner_id == request.user.pk
    return render(
        request,
        "learning/playlist.html",
        {
            "playlist": playlist,
            "items": items,
            "is_owner": is_owner,
            # Only the owner learns whom else the playlist reaches.
            "readers": list(playlist.shared_with_people.order_by("family_name", "given_name"))
            if is_owner
            else [],
            "cohorts": list(playlist.shared_with_cohorts.order_by("name")) if is_owner else [],
            "edit_form": PlaylistForm(
                initial={
                    "title": playlist.title,
                    "description": playlist.description,
                    "visibility": playlist.visibility,
                }
            )
            if is_owner
            else None,
        },
    )


@login_required
def playlist_edit(request: HttpRequest, playlist_id: int) -> HttpResponse:
    playlist = get_own_playlist_for_user(request.user, playlist_id)
    form = PlaylistForm(
        request.POST or None,
        initial={
            "title": playlist.title,
            "description": playlist.description,
            "visibility": playlist.visibility,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.update_playlist(
                playlist, data["title"], data["description"], data["visibility"]
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            if playlist.visibility == Playlist.Visibility.SHARED:
                messages.success(
                    request,
                    _("Saved. Everyone in %(org)s can now see this playlist.")
                    % {"org": playlist.organisation.name},
                )
            elif playlist.shared_with_people.exists() or playlist.shared_with_cohorts.exists():
                messages.success(
                    request,
                    _("Saved. Only you and the colleagues and cohorts you chose can see it."),
                )
            else:
                messages.success(request, _("Saved. Only you can see this playlist."))
            return redirect("learning:playlist", playlist.pk)
    return render(request, "learning/playlist_form.html", {"form": form, "playlist": playlist})


@login_required
def playlist_share(request: HttpRequest, playlist_id: int) -> HttpResponse:
    playlist = get_own_playlist_for_user(request.user, playlist_id)
    candidates = playlist_candidates(playlist.organisation).exclude(pk=request.user.pk)
    cohorts = list(playlist_cohorts(request.user, playlist.organisation).order_by("name"))
    form = SharePlaylistForm(
        # Unticking everyone posts no field at all, which still means "share with no one".
        request.POST if request.method == "POST" else None,
        initial={
            "people": list(playlist.shared_with_people.values_list("pk", flat=True)),
            "cohorts": list(playlist.shared_with_cohorts.values_list("pk", flat=True)),
        },
        people=candidates,
        describe=labels_within(community_of(playlist.organisation)),
        cohorts=cohorts,
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data
        try:
            actions.share_playlist(
                playlist,
                list(chosen["people"]),
                [c for c in cohorts if c.pk in chosen.get("cohorts", [])],
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("Saved whom the playlist is shared with."))
            return redirect("learning:playlist", playlist.pk)
    return render(
        request,
        "learning/playlist_share.html",
        {"form": form, "playlist": playlist, "community": community_of(playlist.organisation)},
    )


@login_required
@require_POST
def playlist_move(request: HttpRequest, playlist_id: int) -> HttpResponse:
    playlist = get_own_playlist_for_user(request.user, playlist_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            actions.move_item(playlist, form.cleaned_data["item"], form.cleaned_data["offset"])
        except ActionError as failure:
            messages.error(request, failure.message)
    return redirect("learning:playlist", playlist.pk)


@login_required
@require_POST
def playlist_remove(request: HttpRequest, playlist_id: int) -> HttpResponse:
    playlist = get_own_playlist_for_user(request.user, playlist_id)
    form = RemoveForm(request.POST)
    if form.is_valid():
        try:
            actions.remove_from_playlist(playlist, form.cleaned_data["item"])
        except ActionError as failure:
            messages.error(request, failure.message)
        else:
            messages.success(request, _("Removed from the playlist."))
    return redirect("learning:playlist", playlist.pk)
