"""The API's pages in the tenancy walk (tests/test_tenancy.py)."""

from .. import actions

PUBLIC = {
    # The API's description and its interactive docs hold no data.
    "api:openapi",
    "api:docs",
    "api:docs-asset",
    # Public by design, like the credential page: a credential's signed JSON by its public id,
    # and verification of any credential.
    "api:v1:credential",
    "api:v1:verify",
    # Token endpoints answer 401 to a visitor with no token or session, an answer the walk does
    # not expect; api/tests/test_api_access.py walks them as a visitor and as an outsider.
    "api:v1:my-credentials",
    "api:v1:organisation-credentials",
}
# Each person's own tokens.
PERSONAL = {"api:tokens"}


def values(case) -> dict:
    token, _secret = actions.create_token(case.alice, "Alice's reporting tool")
    return {"token_id": token.pk}
