"""The verification page joins the tenancy walk: anyone may use it, and it shows no one's data."""

# Anyone may verify a credential, signed in or not; the page stores and reveals nothing.
PUBLIC = {"credentials:verify"}
PERSONAL: set[str] = set()


def values(case) -> dict:
    """Return nothing: the verification page takes no URL parameters."""
    return {}
