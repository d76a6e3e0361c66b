"""Give the concurrency tests a database that several connections can really share."""

import sqlite3
from collections.abc import Iterator

import pytest
from django.db import connection


@pytest.fixture(scope="module", autouse=True)
def shared_database(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[None]:
    """On SQLite, move these tests to a file copy of the test database; PostgreSQL needs nothing.

    Django tests SQLite in a shared-cache in-memory database, where a second writer fails at
    once with "database table is locked" instead of waiting. A file (in WAL mode, as
    configured) makes writers wait their turn as in production, so the threads race for real.
    """
    if connection.vendor != "sqlite":
        yield
        return
    settings = connection.settings_dict
    in_memory = settings["NAME"]
    # The in-memory database lives only while a connection to it is open: keep one.
    keeper = sqlite3.connect(in_memory, uri=True)
    copy = tmp_path_factory.mktemp("race") / "trellis.sqlite3"
    with django_db_blocker.unblock():
        with sqlite3.connect(copy) as target:
            keeper.backup(target)
        target.close()
        # Django ignores closing an in-memory database, so name the file first, then close.
        settings["NAME"] = str(copy)
        connection.close()
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA database_list")
            assert cursor.fetchone()[2] == str(copy), "The tests must run on the file copy."
        try:
            yield
        finally:
            connection.close()
            settings["NAME"] = in_memory
            connection.ensure_connection()  # holds the in-memory database again, for later tests
            keeper.close()
