"""Turn a database constraint that refuses a write into the sentence a person reads."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import IntegrityError, transaction

from .errors import ActionError


@contextmanager
def refused_as(message: str, field: str | None = None) -> Iterator[None]:
    """Run the block in a savepoint; if a constraint refuses its writes, raise ActionError.

    The savepoint keeps the surrounding transaction usable after the refusal, which matters on
    PostgreSQL: a failed statement otherwise aborts the whole transaction.
    """
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        raise ActionError(message, field) from None
