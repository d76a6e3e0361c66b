"""Read typed settings from environment variables, failing loudly on bad values."""

import os
import re

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """Return the variable as text, or the default when it is unset."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """Return the variable as a boolean; anything but a yes/no word is an error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of true/false/1/0/yes/no, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    """Return the variable as an integer."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    """Return the variable as a comma-separated list with blanks removed."""
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    """Return the variable, which must be one of the given choices."""
    value = os.environ.get(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def env_secret(name: str, min_length: int = 1, hint: str = "") -> str:
    """Return a required secret; production refuses to start without it or with a short one."""
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production.{hint}")
    # Django's own deploy check asks for 50 characters, at least 5 of them different.
    if len(value) < min_length or len(set(value)) < min(5, min_length):
        raise ImproperlyConfigured(
            f"{name} must be at least {min_length} random characters in production; "
            f"it has {len(value)} ({len(set(value))} different).{hint}"
        )
    return value


def env_off(name: str, reason: str) -> bool:
    """Return False, refusing to start when the boolean variable is switched on."""
    if env_bool(name, False):
        raise ImproperlyConfigured(f"{name} must be off {reason}. Unset it or set {name}=0.")
    return False


_RATE = re.compile(r"\d+/\d*[smhd]")


def env_rate(name: str, default: str) -> str:
    """Return the variable as a rate such as 10/m (count per second, minute, hour or day)."""
    value = os.environ.get(name, default).strip()
    if not _RATE.fullmatch(value):
        raise ImproperlyConfigured(
            f"{name} must be a count per period such as 10/m or 100/h, not {value!r}."
        )
    return value
