"""The shapes the API returns, as they appear in the OpenAPI document."""

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from django.conf import settings
from django.urls import reverse
from ninja import Field, Schema

from credentials.models import Award


class IssuerSummary(Schema):
    name: str
    url: str


class CredentialLinks(Schema):
    page: str
    json_url: str


class CredentialSummary(Schema):
    """One awarded credential, without its signed document."""

    id: UUID
    achievement: str
    issuer: IssuerSummary
    issued: datetime
    valid_until: datetime | None
    status: Literal["active", "revoked", "expired"]
    links: CredentialLinks

    @staticmethod
    def resolve_id(award: Award) -> UUID:
        return award.public_id

    @staticmethod
    def resolve_achievement(award: Award) -> str:
        return award.micro_credential.title

    @staticmethod
    def resolve_issuer(award: Award) -> dict:
        return {"name": award.issuer.name, "url": award.issuer.profile_url}

    @staticmethod
    def resolve_issued(award: Award) -> datetime:
        return award.awarded_at

    @staticmethod
    def resolve_status(award: Award) -> str:
        return award.state

    @staticmethod
    def resolve_links(award: Award) -> dict:
        json_path = reverse("api:v1:credential", kwargs={"public_id": award.public_id})
        return {"page": award.url, "json_url": settings.SITE_URL + json_path}


class IssuedCredential(CredentialSummary):
    """An awarded credential as its issuer's leaders see it: with the earner's name."""

    earner: str

    @staticmethod
    def resolve_earner(award: Award) -> str:
        return award.earner.full_name


class Check(Schema):
    check: str
    ok: bool
    reason: str


class IssuerLink(Schema):
    name: str
    url: str


class KnownIssuer(Schema):
    """Whether an issuer hosted on this site signed it, and which hosted ones it looks like."""

    hosted: bool
    issuer: IssuerLink | None
    lookalikes: list[IssuerLink]
    reason: str


class VerificationResult(Schema):
    verified: bool
    checks: list[Check]
    known_issuer: KnownIssuer | None = None


class Problem(Schema):
    """What went wrong, as one English sentence."""

    detail: str


class InvalidField(Schema):
    """One parameter that failed validation: where it is, and what is wrong with it."""

    type: str = Field(examples=["less_than_equal"])
    loc: list[str | int] = Field(examples=[["query", "page"]])
    msg: str = Field(examples=["Input should be less than or equal to 10000"])
    ctx: dict[str, Any] | None = None


class InvalidRequest(Schema):
    """A request whose parameters failed validation, with each problem."""

    detail: list[InvalidField]
