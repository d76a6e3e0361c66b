"""Back up and restore a whole installation: the database and the uploaded files, in one archive.

`archive.py` writes and reads the archive, `databases.py` copies the database out and in,
`checks.py` proves a restored installation works. The commands are `manage.py backup` and
`manage.py restore`; docs/operations.md says how to use them.
"""


class BackupError(Exception):
    """A backup or restore that cannot go on, with a sentence saying why and what to do."""
