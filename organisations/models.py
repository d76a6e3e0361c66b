"""States, districts, schools and other organisations; the people in them and their roles."""

from datetime import datetime, timedelta
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    class Kind(models.TextChoices):
        STATE = "state", _("State")
        DISTRICT = "district", _("District")
        SCHOOL = "school", _("School")
        UNION = "union", _("Union")
        NONPROFIT = "nonprofit", _("Nonprofit")
        UNIVERSITY = "university", _("University")

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Materialised ancestry ("/3/17/402/") so a district's schools are one indexed prefix query.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    slug = models.SlugField(max_length=80, unique=True)
    code = models.CharField(
        max_length=64, blank=True, help_text=_("An outside identifier, such as a roster id.")
    )
    level = models.CharField(max_length=20, blank=True, help_text=_("Elementary, middle, high…"))
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "code"],
                condition=~models.Q(code=""),
                name="unique_code_within_parent",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1

    def ancestor_ids(self) -> list[int]:
        """Return the ids on the path from the top organisation down to this one."""
        return [int(part) for part in self.path.strip("/").split("/") if part]


class PersonManager(BaseUserManager["Person"]):
    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "Person":
        person = self.model(email=self.normalize_email(email).lower(), **fields)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "Person":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class Person(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True)
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # What organisations.access.memberships_of read for this request; not a column.
    cached_memberships: "list[Membership] | None" = None

    class Meta:
        ordering = ["family_name", "given_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip() or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.given_name or self.email


class Role(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    ADMINISTRATOR = "administrator", _("Administrator")
    POLICYMAKER = "policymaker", _("Policymaker")


class Membership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    title = models.CharField(max_length=100, blank=True, help_text=_("For example, coach."))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="one_role_per_org")
        ]
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}, {self.organisation}"


def invitation_expiry() -> datetime:
    """Return when an invitation sent now stops working."""
    return timezone.now() + timedelta(days=settings.INVITATION_DAYS)


class Invitation(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Role.choices)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    renewal_requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # A second invitation to the same address re-sends the first one instead.
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_pending_invitation_per_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} to {self.organisation}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class StaffImport(models.Model):
    """An uploaded staff file waiting for confirmation, kept so the preview and apply agree."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    uploaded_by = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    content = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    applied_at = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return self.filename


class OrganisationOwned(models.Model):
    """Content an organisation owns, or, with no organisation, content shared with everyone.

    Resources, leadership experiences and frameworks share this shape: an organisation's own
    reach it and everything below it, the shared ones (built in, or imported for all) everyone.
    Each declares `organisation = OrganisationOwned.owner(related_name)`.
    """

    organisation: models.ForeignKey
    created_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    @staticmethod
    def owner(related_name: str) -> models.ForeignKey:
        """Return the owning organisation's field; its reverse name is the model's own."""
        # Declared by each model, not here: a "%(class)ss" name here would be a migration.
        return models.ForeignKey(
            Organisation,
            null=True,
            blank=True,
            on_delete=models.CASCADE,
            related_name=related_name,
        )

    @staticmethod
    def unique_per_owner(field: str, *, name: str, shared_name: str) -> list:
        """Return constraints keeping `field` unique in each organisation and among the shared."""
        return [
            models.UniqueConstraint(fields=["organisation", field], name=name),
            # NULL never equals NULL in a unique index, so the shared need their own.
            models.UniqueConstraint(
                fields=[field], condition=models.Q(organisation__isnull=True), name=shared_name
            ),
        ]
