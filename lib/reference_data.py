"""Locate the read-only reference files (OB 3.0 fixtures, CASE samples) that no one here wrote."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """Return the folder holding `ob3/` and `case-samples/`, failing loudly when it is missing."""
    candidates = [
        os.environ.get("TRELLIS_SHARED_DIR", ""),
        str(REPO_ROOT.parent / "shared"),
        "/work/shared",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "ob3").is_dir():
            return Path(candidate)
    raise FileNotFoundError(
        "The shared reference folder (with ob3/ and case-samples/) was not found; "
        "set TRELLIS_SHARED_DIR to its path."
    )
