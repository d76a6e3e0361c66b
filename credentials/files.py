"""Serve stored evidence without ever letting the browser treat it as a page of this site."""

import mimetypes
import re
from pathlib import PurePath

from django.http import FileResponse, HttpResponseBase, HttpResponseRedirect

from .models import Artifact

# Only these are shown in the browser; everything else downloads.
INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"}


def neutral_name(artifact: Artifact, number: int) -> str:
    """Return "evidence-<number>.<extension>", a name that says nothing about who made the file."""
    suffix = PurePath(artifact.original_name).suffix.lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,5}", suffix):
        suffix = mimetypes.guess_extension(artifact.content_type or "") or ""
    return f"evidence-{number}{suffix}"


def serve_artifact(artifact: Artifact, filename: str = "") -> HttpResponseBase:
    """Return the file (or redirect to the link) with headers that forbid running it as HTML."""
    if artifact.kind == Artifact.Kind.LINK:
        return HttpResponseRedirect(artifact.url)
    response = FileResponse(
        artifact.file.open("rb"),
        as_attachment=artifact.content_type not in INLINE_TYPES,
        filename=filename or artifact.original_name or "evidence",
        content_type=artifact.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
