"""Keep the folder that holds uploads in progress: created at start, emptied of leftovers.

Django streams an upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file and
deletes it when the request ends; a worker killed mid-request (a timeout, an out-of-memory
kill, a deploy) leaves its file behind. Every Trellis process (each gunicorn worker, the task
worker, each manage.py command) removes such files when it starts. Only files untouched for an
hour go: a worker starting beside live ones (gunicorn replaces a dead worker while the others
serve) must not delete a file another worker is still writing, and a live upload's file is
written as its bytes arrive.
"""

import os
import time
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

STALE_AFTER_SECONDS = 60 * 60


def prepare_upload_folder(folder: Path, stale_after: float = STALE_AFTER_SECONDS) -> int:
    """Create the folder and delete the files in it untouched for `stale_after` seconds."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        entries = list(os.scandir(folder))
    except OSError as failure:
        raise ImproperlyConfigured(
            f"Trellis needs a folder it can write for uploads in progress, {folder}: "
            f"{failure.strerror or failure}. Point TRELLIS_VAR_DIR at a writable folder."
        ) from None
    cutoff = time.time() - stale_after
    removed = 0
    for entry in entries:
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
        except FileNotFoundError:
            continue  # another process starting at the same moment removed it first
    return removed
