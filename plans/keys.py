"""What a plan item or suggestion stands for, as one string: one item per thing in a plan."""


def micro_credential_key(slug: str) -> str:
    return f"micro_credential:{slug}"


def learning_key(kind: str, slug: str) -> str:
    """Return the key of a resource, playlist or experience, by its slug."""
    return f"{kind}:{slug}"


def recommendation_key(recommendation_id: int) -> str:
    return f"recommendation:{recommendation_id}"


def template_key(template_slug: str, part: str, index: int) -> str:
    return f"template:{template_slug}:{part}:{index}"


def learning_object_key(kind: str, obj) -> str:
    """Return the key of a resource, experience or playlist; built-ins go by their slug."""
    if kind == "playlist":
        return f"playlist:{obj.pk}"
    if obj.organisation_id is None:
        return learning_key(kind, obj.slug)
    return f"{kind}:{obj.organisation_id}:{obj.slug}"
