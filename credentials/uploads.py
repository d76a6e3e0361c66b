"""Check evidence uploads by their content, never by the name or type the browser claims."""

import hashlib
import os
from typing import TYPE_CHECKING

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib.errors import ActionError

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# What each kind of evidence may be, by the type its first bytes reveal.
ALLOWED: dict[str, dict[str, "StrOrPromise"]] = {
    "document": {
        "application/pdf": "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
        "application/vnd.oasis.opendocument.text": gettext_lazy("OpenDocument text"),
        "application/vnd.oasis.opendocument.presentation": gettext_lazy("OpenDocument slides"),
        "application/vnd.oasis.opendocument.spreadsheet": gettext_lazy("OpenDocument sheet"),
        "application/rtf": "RTF",
        "text/plain": gettext_lazy("plain text"),
    },
    "image": {
        "image/png": "PNG",
        "image/jpeg": "JPEG",
        "image/gif": "GIF",
        "image/webp": "WebP",
    },
    "audio": {
        "audio/mpeg": "MP3",
        "audio/mp4": "M4A",
        "audio/x-m4a": "M4A",
        "audio/x-wav": "WAV",
        "audio/ogg": "Ogg",
        "audio/x-flac": "FLAC",
    },
    "video": {
        "video/mp4": "MP4",
        "video/quicktime": "QuickTime",
        "video/webm": "WebM",
        "video/x-m4v": "M4V",
    },
}
TEXT_EXTENSIONS = (".txt", ".md", ".csv")


# What the file picker offers first; a hint only, since the content is checked on upload.
PICKER = {
    "document": [*ALLOWED["document"], ".pdf", ".docx", ".pptx", ".xlsx", ".odt", ".odp", ".ods"]
    + [".rtf", *TEXT_EXTENSIONS],
    "image": list(ALLOWED["image"]),
    "audio": ["audio/*"],
    "video": ["video/*"],
}


def accept_attribute(kinds: list[str]) -> str:
    """Return the file input's `accept` value for the accepted kinds of evidence."""
    return ",".join(dict.fromkeys(item for kind in kinds for item in PICKER.get(kind, [])))


def describe(kinds: list[str]) -> str:
    """Return the accepted formats as words, e.g. "PDF, Word, PNG"."""
    names = [str(label) for kind in kinds for label in ALLOWED.get(kind, {}).values()]
    return ", ".join(dict.fromkeys(names))


def _sniff(head: bytes, name: str) -> str:
    guess = filetype.guess(head)
    if guess is not None:
        return guess.mime
    if name.lower().endswith(TEXT_EXTENSIONS) and b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sample is still text.
            if error.start < len(head) - 4:
                return ""
        lowered = head.lstrip().lower()
        if not lowered.startswith((b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script")):
            return "text/plain"
    return ""


def upload_size(upload: UploadedFile) -> int:
    """Return the file's size in bytes, measuring it if whoever made the upload did not say."""
    if upload.size is not None:  # Django's upload handlers always say
        return upload.size
    upload.seek(0, os.SEEK_END)
    size = upload.tell()
    upload.seek(0)
    return size


def check_upload(upload: UploadedFile, accepted: list[str]) -> tuple[str, str, str]:
    """Return (kind, content type, sha256) for an acceptable file, or raise a clear error."""
    limit = settings.UPLOAD_MAX_BYTES
    size = upload_size(upload)
    if size > limit:
        raise ActionError(
            _("“%(name)s” is %(size)s MB; the limit is %(limit)s MB. Compress it or share a link.")
            % {
                "name": upload.name,
                "size": round(size / 1024 / 1024, 1),
                "limit": limit // 1024 // 1024,
            },
            field="file",
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    content_type = _sniff(head, upload.name or "")
    kind = next(
        (k for k in accepted if k in ALLOWED and content_type in ALLOWED[k]),
        None,
    )
    if kind is None:
        raise ActionError(
            _("“%(name)s” is not a file type this requirement accepts. Accepted: %(formats)s.")
            % {"name": upload.name, "formats": describe(accepted) or _("links only")},
            field="file",
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return kind, content_type, digest.hexdigest()
