"""Errors the store raises, each with a message fit to show a user as is."""

from __future__ import annotations

import os
from pathlib import Path


class JournalError(Exception):
    """Base of every error a user may see from opening or changing a journal."""


def one_line(text: str) -> str:
    return " ".join(str(text).split())


class NotAJournalError(JournalError):
    """One line; SQLite's own (often multi-line) `detail` is kept on the error and shown in the
    message only when CONTACT_JOURNAL_DEBUG is set."""

    def __init__(self, path: Path, reason: str, newest_backup: Path | None, *, detail: str | None = None) -> None:
        self.path = path
        self.newest_backup = newest_backup
        self.detail = one_line(detail) if detail else None
        reason = one_line(reason)
        if self.detail and os.environ.get("CONTACT_JOURNAL_DEBUG"):
            reason = f"{reason}: {self.detail}"
        hint = (
            f" The newest backup is {newest_backup}; restore it with `contact-journal restore FILE`."
            if newest_backup
            else " No backup of it was found."
        )
        super().__init__(f"{path} is not a readable Contact Journal ({reason}). It was left untouched.{hint}")


class NewerJournalError(JournalError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        super().__init__(
            f"{path} was written by a newer Contact Journal (schema {found}; this version reads up to "
            f"{supported}). Please update the app. The file was left untouched."
        )


class ValidationError(JournalError):
    """Input a user gave that the journal cannot accept."""


class BusyError(JournalError):
    """Another program held the journal locked for longer than the busy timeout."""

    def __init__(self) -> None:
        super().__init__("The journal is busy: another program is writing to it. Please try again in a moment.")
