"""The verification page: anyone pastes or uploads an Open Badges 3.0 credential and sees why."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lib.throttle import over_limit

from ..uploads import upload_size
from ..verdict import (
    MAX_CREDENTIAL_BYTES,
    MAX_CREDENTIAL_MB,
    borrows_a_hosted_issuer,
    explain,
    summary,
    verify_text,
)

# The form adds a few fields around the credential; allow for them before refusing unread.
_BODY_ALLOWANCE = 64 * 1024


def _too_large() -> str:
    return _(
        "The credential is larger than %(mb)s MB, so it was not read. A badge is usually a few "
        "KB: check that you chose the right file."
    ) % {"mb": MAX_CREDENTIAL_MB}


def _submitted(request: HttpRequest) -> tuple[bytes | str, str]:
    """Return the uploaded file's bytes or the pasted text, or an error sentence."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_CREDENTIAL_BYTES + _BODY_ALLOWANCE:
        return "", _too_large()
    try:
        upload = request.FILES.get("file")
        pasted = request.POST.get("credential", "")
    except (RequestDataTooBig, MultiPartParserError):
        return "", _too_large()
    if upload is not None:
        if upload_size(upload) > MAX_CREDENTIAL_BYTES:
            return "", _too_large()
        return upload.read(MAX_CREDENTIAL_BYTES + 1), ""
    if len(pasted.encode("utf-8", "replace")) > MAX_CREDENTIAL_BYTES:
        return "", _too_large()
    if not pasted.strip():
        return "", _("Paste a credential into the box or choose a .json file, then verify it.")
    return pasted, ""


@require_http_methods(["GET", "POST"])
def verify_page(request: HttpRequest) -> HttpResponse:
    context: dict = {"max_mb": MAX_CREDENTIAL_MB}
    status = 200
    if request.method == "POST":
        if over_limit(request, "verify", [("ip", settings.VERIFY_RATE)], count=True):
            context["error"] = _(
                "You have verified many credentials in a short time. Wait a minute, then try again."
            )
            return render(request, "credentials/verify.html", context, status=429)
        data, error = _submitted(request)
        if error:
            context["error"], status = error, 400
        else:
            document, result = verify_text(data)
            context.update(
                result=result,
                checks=explain(result),
                warned=borrows_a_hosted_issuer(result),
                about=summary(document) if document else None,
                pasted=data if isinstance(data, str) else "",
            )
    return render(request, "credentials/verify.html", context, status=status)
