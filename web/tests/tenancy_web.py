"""The site shell's pages in the tenancy walk (tests/test_tenancy.py)."""

# The JavaScript catalog holds only the interface's translated texts, no data.
PUBLIC = {"javascript-catalog"}
PERSONAL: set[str] = set()


def values(case) -> dict:
    return {}
