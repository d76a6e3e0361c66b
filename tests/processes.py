"""Run manage.py in a separate process, with only the TRELLIS_ variables a test gives it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def environment(env: dict[str, str]) -> dict[str, str]:
    """Return this process's environment without its TRELLIS_ variables, plus `env`."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TRELLIS_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return {**clean, **env}


def manage(
    *args: str, env: dict[str, str], var_dir: str = "/tmp/trellis-settings-test"
) -> subprocess.CompletedProcess:
    """Run `manage.py args` to the end and return what it printed."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment({"TRELLIS_VAR_DIR": var_dir, **env}),
        capture_output=True,
        text=True,
        timeout=120,
    )
