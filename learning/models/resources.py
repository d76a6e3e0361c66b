"""The resource library and the playlists educators and coaches assemble from it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, OrganisationOwned, Person

from ..validators import web_address


class Resource(OrganisationOwned):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        VIDEO = "video", _("Video")
        COURSE = "course", _("Course")
        BOOK = "book", _("Book")
        TOOL = "tool", _("Tool")

    class Cost(models.TextChoices):
        FREE = "free", _("Free")
        PAID = "paid", _("Paid")

    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in-person", _("In person")
        # A book or a recording: read or watched wherever the person is.
        ANYWHERE = "anywhere", _("Anywhere")

    # Built-in resources have no organisation and are shared with everyone.
    organisation = OrganisationOwned.owner(related_name="resources")
    slug = models.SlugField(max_length=100)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    cost = models.CharField(max_length=8, choices=Cost.choices, default=Cost.FREE)
    format = models.CharField(max_length=12, choices=Format.choices, default=Format.ONLINE)
    summary = models.TextField(blank=True)
    author = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=1000, blank=True, validators=[web_address])
    # Keys of built-in competencies named in content files; `competencies` holds the links.
    competency_tags = models.JSONField(default=list, blank=True)
    competencies = models.ManyToManyField(
        "frameworks.Competency", blank=True, related_name="resources"
    )
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["title"]
        constraints = OrganisationOwned.unique_per_owner(
            "slug",
            name="unique_resource_slug_per_organisation",
            shared_name="unique_builtin_resource_slug",
        )

    def __str__(self) -> str:
        return self.title

    @property
    def is_builtin(self) -> bool:
        return self.organisation_id is None


class Playlist(models.Model):
    class Visibility(models.TextChoices):
        PRIVATE = "private", _("Only me")
        SHARED = "shared", _("Everyone in the organisation")

    owner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="playlists")
    # Sharing reaches this organisation and everything below it (a district's schools).
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="playlists"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    resources = models.ManyToManyField(Resource, through="PlaylistItem", related_name="playlists")
    # Besides (or instead of) the organisation, the owner may pick colleagues and cohorts.
    shared_with_people = models.ManyToManyField(
        Person, blank=True, related_name="playlists_shared_with_me"
    )
    shared_with_cohorts = models.ManyToManyField(
        "learning.Cohort", blank=True, related_name="shared_playlists"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["organisation", "visibility"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_shared(self) -> bool:
        return self.visibility == self.Visibility.SHARED


class PlaylistItem(models.Model):
    playlist = models.ForeignKey(Playlist, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)
    note = models.TextField(blank=True, help_text=_("Why this resource, or what to look for."))

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["playlist", "resource"], name="resource_once_per_playlist"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.resource}"
