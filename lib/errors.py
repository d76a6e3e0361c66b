"""The error actions raise when input is wrong; views show its message beside the field."""


class ActionError(Exception):
    """A user's request that cannot be carried out, with a sentence saying how to fix it."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
