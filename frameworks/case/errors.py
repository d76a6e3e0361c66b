"""Collect CASE problems so a user sees every one of them at once."""

from typing import Any


class CaseError(ValueError):
    """Raise when a CASE package cannot be used; `messages` holds every problem found."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


class Problems:
    """Gather errors (which stop an import) and warnings (repairs made on the way)."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self._warned: set[str] = set()

    def error(self, message: str) -> None:
        """Record a problem that makes the package unusable."""
        self.errors.append(message)

    def warn(self, message: str, *, topic: str | None = None) -> None:
        """Record a repair once per topic (default: per message), however many objects needed it."""
        topic = topic or message
        if topic not in self._warned:
            self._warned.add(topic)
            self.warnings.append(message)

    def raise_if_any(self) -> None:
        """Raise a CaseError listing every error recorded so far."""
        if self.errors:
            raise CaseError(self.errors)


def describe(value: Any) -> str:
    """Name a JSON value's type the way a person would."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
