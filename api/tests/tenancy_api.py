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
}
# Each person's own tokens and credentials.
PERSONAL = {"api:tokens", "api:v1:my-credentials"}


def values(case) -> dict:
    token, _secret = actions.create_token(case.alice, "Alice's reporting tool")
    return {"token_id": token.pk}
