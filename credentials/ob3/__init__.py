"""Open Badges 3.0 credentials: build, sign (eddsa-rdfc-2022), verify, and status lists.

Pure Python on plain data (dicts and strings), with no Django imports, so it can be read,
tested and benchmarked on its own. It never touches the network: JSON-LD contexts are
shipped in contexts/, and callers inject functions that fetch controller documents and
status list credentials.
"""

from .contexts import UnknownContextError
from .credential import CredentialDataError, build_credential, hash_email, identity_object
from .keys import (
    KeyFormatError,
    KeyPair,
    controller_document,
    did_key_verification_method,
    did_web_to_url,
    generate_key_pair,
    key_pair_from_secret_multibase,
    public_key_from_multibase,
    public_key_to_multibase,
    resolve_did_key,
    url_to_did_web,
)
from .known_issuers import HostedIssuer, comparable_name, issuer_of, known_issuer
from .rdfc import Canonicalizer, UnsafeJsonLdError, canonicalize
from .schema import is_valid as is_schema_valid
from .schema import validate as validate_schema
from .signing import ProofError, Signer, sign, sign_many, verify_proof
from .status_list import (
    MIN_BITS,
    StatusList,
    StatusListError,
    status_list_credential,
    status_list_entry,
)
from .verify import verify_credential

__all__ = [
    "MIN_BITS",
    "Canonicalizer",
    "CredentialDataError",
    "HostedIssuer",
    "KeyFormatError",
    "KeyPair",
    "ProofError",
    "Signer",
    "StatusList",
    "StatusListError",
    "UnknownContextError",
    "UnsafeJsonLdError",
    "build_credential",
    "canonicalize",
    "comparable_name",
    "controller_document",
    "did_key_verification_method",
    "did_web_to_url",
    "generate_key_pair",
    "hash_email",
    "identity_object",
    "issuer_of",
    "is_schema_valid",
    "key_pair_from_secret_multibase",
    "known_issuer",
    "public_key_from_multibase",
    "public_key_to_multibase",
    "resolve_did_key",
    "sign",
    "sign_many",
    "status_list_credential",
    "status_list_entry",
    "url_to_did_web",
    "validate_schema",
    "verify_credential",
    "verify_proof",
]
