"""Copy the database to one file and back: SQLite's online backup API, PostgreSQL's pg_dump."""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.postgresql.client import DatabaseClient

from . import BackupError

ENGINES = {"django.db.backends.sqlite3": "sqlite", "django.db.backends.postgresql": "postgresql"}
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}


def engine_name(connection: BaseDatabaseWrapper) -> str:
    """Return "sqlite" or "postgresql"; other databases have no backup here."""
    engine = connection.settings_dict["ENGINE"]
    if engine not in ENGINES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")
    return ENGINES[engine]


def is_empty(connection: BaseDatabaseWrapper) -> bool:
    """Return whether the database has no tables yet (a fresh installation, not migrated)."""
    return not connection.introspection.table_names()


def dump(connection: BaseDatabaseWrapper, target: Path) -> None:
    """Write a consistent copy of the whole database to `target`."""
    if engine_name(connection) == "sqlite":
        connection.ensure_connection()
        # One step copies every page under one read lock: a snapshot, while pages keep serving.
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
        return
    # pg_dump reads in one repeatable-read transaction: a snapshot as well.
    _run(
        connection,
        "pg_dump",
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        f"--file={target}",
    )


def load(connection: BaseDatabaseWrapper, source: Path) -> None:
    """Load a copy written by dump() into the (empty) database."""
    if engine_name(connection) == "sqlite":
        connection.close()
        with (
            closing(sqlite3.connect(source)) as copy,
            closing(sqlite3.connect(connection.settings_dict["NAME"])) as live,
        ):
            copy.backup(live)
        return
    _run(
        connection,
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        f"--dbname={connection.settings_dict['NAME']}",
        str(source),
    )


def postgres_tool(name: str) -> str:
    """Return the path of pg_dump or pg_restore: on PATH, else the newest Debian install."""
    found = shutil.which(name)
    if found:
        return found
    installed = [
        path
        for path in Path("/usr/lib/postgresql").glob(f"*/bin/{name}")
        if path.parent.parent.name.isdigit()
    ]
    if installed:
        return str(max(installed, key=lambda path: int(path.parent.parent.name)))
    raise BackupError(
        f"{name} was not found. Install PostgreSQL's client tools (e.g. apt-get install "
        f"postgresql-client), at least the server's major version, or put {name} on PATH."
    )


def _run(connection: BaseDatabaseWrapper, tool: str, *args: str) -> None:
    settings = connection.settings_dict
    # Django's own psql client knows how to pass passwords, SSL options and services.
    _args, extra = DatabaseClient.settings_to_cmd_args_env(settings, [])
    named = {
        "PGHOST": settings.get("HOST"),
        "PGPORT": str(settings.get("PORT") or ""),
        "PGUSER": settings.get("USER"),
        "PGDATABASE": settings.get("NAME"),
    }
    env = {**os.environ, **(extra or {}), **{k: v for k, v in named.items() if v}}
    result = subprocess.run(
        [postgres_tool(tool), *args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip() or result.returncode}")
