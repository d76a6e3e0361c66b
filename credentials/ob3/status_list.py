"""W3C Bitstring Status List v1.0: the list, its entries and its credential."""

from __future__ import annotations

import base64
import binascii
import gzip
import zlib
from typing import Any

from .contexts import CREDENTIALS_V2

# The spec's minimum (16 KB) keeps any one holder's index from standing out.
MIN_BITS = 131_072
REVOCATION = "revocation"
SUSPENSION = "suspension"
ENTRY_TYPES = ("BitstringStatusListEntry", "StatusList2021Entry")
LIST_TYPES = ("BitstringStatusListCredential", "StatusList2021Credential")


class StatusListError(ValueError):
    """A status list or entry is malformed; the message is a whole sentence."""


class StatusList:
    """A bitstring where bit i (counted from the left of byte 0) is credential i's status."""

    def __init__(self, size: int = MIN_BITS, data: bytes | None = None):
        if data is None:
            if size < MIN_BITS or size % 8:
                raise StatusListError(
                    f"A new status list needs at least {MIN_BITS} bits in whole bytes, not {size}."
                )
            data = bytes(size // 8)
        elif not data or len(data) * 8 != size:
            raise StatusListError("The status list data does not match its size.")
        self.size = size
        self._bits = bytearray(data)

    def _check(self, index: int) -> None:
        """Reject indexes outside the list."""
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < self.size:
            raise StatusListError(
                f"Index {index!r} is outside the status list (0 to {self.size - 1})."
            )

    def get(self, index: int) -> bool:
        """Return whether bit `index` is set."""
        self._check(index)
        return bool(self._bits[index // 8] & (0x80 >> (index % 8)))

    def set(self, index: int, value: bool = True) -> None:
        """Set (or clear) bit `index`."""
        self._check(index)
        if value:
            self._bits[index // 8] |= 0x80 >> (index % 8)
        else:
            self._bits[index // 8] &= ~(0x80 >> (index % 8)) & 0xFF

    def encode(self) -> str:
        """Return the encodedList: multibase base64url (no padding) of the GZIP-compressed bits."""
        # mtime=0 makes the same bits always encode to the same string.
        compressed = gzip.compress(bytes(self._bits), mtime=0)
        return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, encoded: object) -> StatusList:
        """Parse an encodedList (Bitstring 'u'-multibase, or StatusList2021's bare base64url)."""
        if not isinstance(encoded, str) or not encoded:
            raise StatusListError("The encodedList is missing or not a string.")
        # GZIP data in base64 starts "H4sI", so a leading "u" can only be the multibase prefix.
        text = encoded[1:] if encoded[0] == "u" else encoded
        try:
            compressed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            raw = gzip.decompress(compressed)
        except (binascii.Error, OSError, EOFError, zlib.error, ValueError):
            raise StatusListError("The encodedList is not base64url-encoded GZIP data.") from None
        if not raw:
            raise StatusListError("The encodedList decodes to an empty bitstring.")
        # Lists shorter than the minimum are read as they are; an index past the end is
        # then an error rather than an unrevoked credential.
        return cls(size=len(raw) * 8, data=raw)


def status_list_entry(
    list_credential_url: str, index: int, purpose: str = REVOCATION
) -> dict[str, Any]:
    """Build the credentialStatus entry pointing at bit `index` of a status list credential."""
    if not isinstance(index, int) or index < 0:
        raise StatusListError(f"A status list index must be a non-negative integer, not {index!r}.")
    return {
        "id": f"{list_credential_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        # The spec makes the index a string (so large lists survive JSON number limits).
        "statusListIndex": str(index),
        "statusListCredential": list_credential_url,
    }


def status_list_credential(
    list_credential_url: str,
    issuer: str,
    status_list: StatusList,
    valid_from: str,
    purpose: str = REVOCATION,
    valid_until: str | None = None,
) -> dict[str, Any]:
    """Build an (unsigned) BitstringStatusListCredential; sign it like any credential."""
    credential: dict[str, Any] = {
        "@context": [CREDENTIALS_V2],
        "id": list_credential_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": valid_from,
        "credentialSubject": {
            "id": f"{list_credential_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": status_list.encode(),
        },
    }
    if valid_until:
        credential["validUntil"] = valid_until
    return credential


def entry_index(entry: dict[str, Any]) -> int:
    """Read statusListIndex (a string per the spec; some issuers use a number)."""
    value = entry.get("statusListIndex")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    raise StatusListError(f"The statusListIndex {value!r} is not a non-negative integer.")
