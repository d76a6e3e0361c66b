"""Assemble resources into ordered playlists, and share them or keep them private."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.errors import ActionError
from organisations.models import Organisation, Person

from ..models import Cohort, Playlist, PlaylistItem, Resource
from ..people import community_of, playlist_candidates, playlist_cohorts


def _clean_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise ActionError(
            _("Give the playlist a title, such as “Getting started with book studies”."),
            field="title",
        )
    return title[:200]


def _check_visibility(visibility: str) -> str:
    if visibility not in Playlist.Visibility.values:
        raise ActionError(_("Choose who may see the playlist."), field="visibility")
    return visibility


@transaction.atomic
def create_playlist(
    owner: Person,
    organisation: Organisation,
    title: str,
    description: str = "",
    visibility: str = Playlist.Visibility.PRIVATE,
) -> Playlist:
    """Start an empty playlist owned by the person, shared within the organisation or not."""
    return Playlist.objects.create(
        owner=owner,
        organisation=organisation,
        title=_clean_title(title),
        description=description.strip(),
        visibility=_check_visibility(visibility),
    )


@transaction.atomic
def update_playlist(playlist: Playlist, title: str, description: str, visibility: str) -> None:
    """Rename, describe, share or unshare the playlist."""
    playlist.title = _clean_title(title)
    playlist.description = description.strip()
    playlist.visibility = _check_visibility(visibility)
    playlist.updated_at = timezone.now()
    playlist.save(update_fields=["title", "description", "visibility", "updated_at"])


@transaction.atomic
def share_playlist(playlist: Playlist, people: list[Person], cohorts: list[Cohort]) -> None:
    """Share the playlist with exactly these colleagues and cohorts; anyone left out loses it."""
    community = community_of(playlist.organisation)
    allowed = set(playlist_candidates(playlist.organisation).values_list("pk", flat=True))
    outsiders = [p.full_name for p in people if p.pk not in allowed]
    if outsiders:
        raise ActionError(
            _("Only people in %(org)s can be given this playlist; remove %(names)s.")
            % {"org": community.name, "names": ", ".join(outsiders)},
            field="people",
        )
    own_cohorts = set(
        playlist_cohorts(playlist.owner, playlist.organisation).values_list("pk", flat=True)
    )
    others = [c.name for c in cohorts if c.pk not in own_cohorts]
    if others:
        raise ActionError(
            _("Share only with cohorts of %(org)s that you belong to; remove %(names)s.")
            % {"org": community.name, "names": ", ".join(others)},
            field="cohorts",
        )
    playlist.shared_with_people.set([p for p in people if p.pk != playlist.owner_id])
    playlist.shared_with_cohorts.set(cohorts)
    _touch(playlist)


def _touch(playlist: Playlist) -> None:
    playlist.updated_at = timezone.now()
    playlist.save(update_fields=["updated_at"])


@transaction.atomic
def add_to_playlist(playlist: Playlist, resource: Resource, note: str = "") -> PlaylistItem:
    """Put the resource at the end of the playlist."""
    # Additions take turns on the playlist's row: no resource twice, no two at one position.
    Playlist.objects.select_for_update().get(pk=playlist.pk)
    if PlaylistItem.objects.filter(playlist=playlist, resource=resource).exists():
        raise ActionError(
            _("“%(title)s” is already in this playlist; move it instead of adding it again.")
            % {"title": resource.title},
            field="resource",
        )
    last = playlist.items.aggregate(last=Max("position"))["last"]
    item = PlaylistItem.objects.create(
        playlist=playlist,
        resource=resource,
        position=0 if last is None else last + 1,
        note=note.strip(),
    )
    _touch(playlist)
    return item


def _renumber(items: list[PlaylistItem]) -> None:
    for position, item in enumerate(items):
        item.position = position
    PlaylistItem.objects.bulk_update(items, ["position"])


@transaction.atomic
def remove_from_playlist(playlist: Playlist, item_id: int) -> None:
    """Take an item out of the playlist and close the gap it leaves."""
    deleted, _counts = PlaylistItem.objects.filter(playlist=playlist, pk=item_id).delete()
    if not deleted:
        raise ActionError(_("That resource is no longer in this playlist."), field="item")
    _renumber(list(playlist.items.order_by("position", "pk")))
    _touch(playlist)


@transaction.atomic
def move_item(playlist: Playlist, item_id: int, offset: int) -> None:
    """Move an item up (negative offset) or down the playlist, keeping the rest in order."""
    items = list(playlist.items.select_for_update().order_by("position", "pk"))
    index = next((i for i, item in enumerate(items) if item.pk == item_id), None)
    if index is None:
        raise ActionError(_("That resource is no longer in this playlist."), field="item")
    target = min(max(index + offset, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    _renumber(items)
    _touch(playlist)
