"""Where things live: the user's data folder, the default journal, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from journal import APP_ID, ORG_NAME

ENV_DB = "CONTACT_JOURNAL_DB"
ENV_DATA_DIR = "CONTACT_JOURNAL_DATA_DIR"
JOURNAL_FILENAME = "journal.sqlite3"


def data_dir() -> Path:
    """The private folder that holds the journal and its backups."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    import platformdirs  # here, not at import: resources are looked up long before any data

    return Path(platformdirs.user_data_dir(APP_ID, ORG_NAME, roaming=True))


def default_journal_path() -> Path:
    """The journal to open: $CONTACT_JOURNAL_DB, else the one in the data folder."""
    override = os.environ.get(ENV_DB)
    if override:
        return Path(override).expanduser()
    return data_dir() / JOURNAL_FILENAME


def journal_path(chosen: Path | None = None) -> Path:
    """The journal to open: the one chosen (--db), else the default."""
    return (chosen or default_journal_path()).expanduser()


def unsafe_ancestor(folder: Path) -> Path | None:
    """The first existing folder at or above `folder` that other users may write to without
    the sticky bit, or None when there is none.

    The rule for the data folder (and any journal's folder): every folder above it must be
    writable by its owner only, or else sticky (as /tmp is), so that no other user can move the
    private folder away and put another in its place. Folders made writable by a group are
    trusted, as a user's own group usually is.
    """
    import stat

    current = Path(os.path.realpath(folder))
    while True:
        try:
            info = current.stat()
        except OSError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode):
            if info.st_mode & stat.S_IWOTH and not info.st_mode & stat.S_ISVTX:
                return current
        if current.parent == current:
            return None
        current = current.parent


def resources_dir() -> Path:
    """Bundled resources, found the same way from a source tree, a wheel or a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Path:
    return resources_dir() / name
