"""Write and read a backup archive: a tar.gz with the database, the uploads and a manifest.

The archive holds `database.sqlite3` or `database.dump` (pg_dump's custom format) first,
then every stored upload under `media/`, then `manifest.json`: when, from which Trellis and
site, which database engine, and each file's size and SHA-256. The key-encryption key is not
in it. A restore checks every file against the manifest before it writes anything.
"""

import datetime
import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import IO, Any

import django
from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage
from django.db.backends.base.base import BaseDatabaseWrapper

from . import BackupError, databases

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
CHUNK = 1024 * 1024
# What a reader of the manifest must know before restoring.
KEY_NOTE = (
    "Issuers' signing keys are in the database encrypted with TRELLIS_KEY_ENCRYPTION_KEY, "
    "which is not in this backup: restore with the same key, kept safe elsewhere."
)


def stored_names(storage: Storage, folder: str = "") -> Iterator[str]:
    """Yield the name of every file in the storage, folder by folder."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return  # local storage whose folder nobody has uploaded to yet
    for name in sorted(files):
        yield folder + name
    for name in sorted(folders):
        yield from stored_names(storage, f"{folder}{name}/")


def write_backup(output: Path, connection: BaseDatabaseWrapper, storage: Storage) -> dict:
    """Write the archive to `output` (readable by its owner only) and return its manifest."""
    engine = databases.engine_name(connection)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    with tempfile.TemporaryDirectory(dir=output.parent) as scratch:
        dump = Path(scratch) / databases.DUMP_NAMES[engine]
        # The database first: every upload its rows name was stored before this moment, so
        # it is in the archive; an upload that arrives later is only an unused extra.
        databases.dump(connection, dump)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            with open(dump, "rb") as handle:
                database = _add(tar, dump.name, handle)
            files = []
            for name in stored_names(storage):
                with storage.open(name, "rb") as handle:
                    files.append({"name": name, **_add(tar, MEDIA + name, handle)})
            manifest = {
                "format": FORMAT,
                "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
                "trellis_version": _version(),
                "django_version": django.get_version(),
                "site_url": settings.SITE_URL,
                "database": {"engine": engine, "name": dump.name, **database},
                "storage": f"{type(storage).__module__}.{type(storage).__name__}",
                "files": files,
                "key_encryption_key": KEY_NOTE,
            }
            text = json.dumps(manifest, indent=2).encode()
            _add(tar, MANIFEST, io.BytesIO(text))
    partial.replace(output)
    return manifest


def _add(tar: tarfile.TarFile, name: str, source: IO[bytes]) -> dict[str, Any]:
    """Add one file, spooled first so its size and checksum are known; return both."""
    digest = hashlib.sha256()
    with tempfile.SpooledTemporaryFile(max_size=8 * CHUNK) as spool:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            spool.write(chunk)
        info = tarfile.TarInfo(name)
        info.size = spool.tell()
        info.mtime = int(time.time())
        info.mode = 0o600
        spool.seek(0)
        tar.addfile(info, spool)
    return {"bytes": info.size, "sha256": digest.hexdigest()}


def _version() -> str:
    try:
        return metadata.version("trellis")
    except metadata.PackageNotFoundError:
        return "unknown"


def read_manifest(path: Path) -> dict:
    """Return the manifest after checking every file in the archive against it."""
    found: dict[str, dict] = {}
    manifest = None
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                if not member.isfile():
                    raise BackupError(f"{path} holds {member.name!r}, which is not a file.")
                handle = tar.extractfile(member)
                assert handle is not None  # a regular file always has contents
                if member.name == MANIFEST:
                    manifest = json.loads(handle.read())
                    continue
                digest = hashlib.sha256()
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
                found[member.name] = {"bytes": member.size, "sha256": digest.hexdigest()}
    except (OSError, tarfile.TarError, EOFError, ValueError) as failure:
        raise BackupError(f"{path} is not a readable Trellis backup: {failure}.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} has no manifest of a Trellis backup (format {FORMAT}).")
    expected = {manifest["database"]["name"]: manifest["database"]}
    expected |= {MEDIA + entry["name"]: entry for entry in manifest["files"]}
    for name in sorted(expected.keys() | found.keys()):
        if name not in found or name not in expected:
            where = "in the manifest but not the archive" if name in expected else "unlisted"
            raise BackupError(f"{path} is damaged: {name} is {where}.")
        if (found[name]["bytes"], found[name]["sha256"]) != (
            expected[name]["bytes"],
            expected[name]["sha256"],
        ):
            raise BackupError(f"{path} is damaged: {name} does not match its checksum.")
    return manifest


def restore_backup(
    path: Path, manifest: dict, connection: BaseDatabaseWrapper, storage: Storage
) -> None:
    """Load the database and put back every upload; read_manifest() has checked them."""
    # The database copy goes under var/, not /tmp, which is often a small in-memory disk.
    scratch_parent = Path(settings.VAR_DIR) / "tmp"
    scratch_parent.mkdir(parents=True, exist_ok=True)
    with (
        tarfile.open(path, "r:gz") as tar,
        tempfile.TemporaryDirectory(dir=scratch_parent) as scratch,
    ):
        for member in tar:
            handle = tar.extractfile(member)
            assert handle is not None
            if member.name == manifest["database"]["name"]:
                copy = Path(scratch) / member.name
                with open(copy, "wb") as target:
                    while chunk := handle.read(CHUNK):
                        target.write(chunk)
                databases.load(connection, copy)
                copy.unlink()
            elif member.name.startswith(MEDIA):
                name = member.name.removeprefix(MEDIA)
                # The storage checks the name (no "..", no absolute paths) before writing.
                saved = storage.save(name, File(handle, name=name))
                if saved != name:
                    raise BackupError(f"The storage already held {name}; it was kept as {saved}.")
