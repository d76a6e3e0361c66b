"""Ways to learn join the tenancy walk: Clarendon's playlists, experiences and cohorts stay home."""

# Pages every signed-in person has, listing only what their own organisations may see.
PUBLIC: set[str] = set()
PERSONAL = {"learning:home"}


def values(case) -> dict:
    """Create Clarendon learning data holding the secret; return the URL parameters."""
    return {}
