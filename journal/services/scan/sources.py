"""The places contact is read from, turned on and off, and forgetting what they gave."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from journal.errors import ValidationError
from journal.store.models import DB, MailContact, MeetingPerson, ScanSource, SeenMeeting, StageHint

KIND_NAMES = {
    "calendar": "calendar file",
    "mbox": "mbox file",
    "maildir": "Maildir folder",
    "imap": "IMAP account",
    "caldav": "calendar on the sync server",
}


@dataclass(frozen=True)
class Source:
    id: int
    kind: str
    location: str
    folders: tuple[str, ...]
    enabled: bool
    last_scan_at: dt.datetime | None
    last_error: str
    ca_file: str = ""
    people: int = 0  # people it has seen e-mail with
    meetings: int = 0  # meetings with people in the journal it holds

    @property
    def title(self) -> str:
        return f"{KIND_NAMES.get(self.kind, self.kind)} {self.location}"

    def to_json(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "location": self.location, "folders": list(self.folders),
            "enabled": self.enabled,
            "last_scan_at": self.last_scan_at.isoformat(sep=" ") if self.last_scan_at else None,
            "last_error": self.last_error, "people": self.people, "meetings": self.meetings,
        }


def _folders(text: str) -> tuple[str, ...]:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return ()
    return tuple(str(f) for f in value)


def _source(row: ScanSource) -> Source:
    people = MailContact.select().where(MailContact.source == row.id).count()
    meetings = SeenMeeting.select().where(SeenMeeting.source == row.id).count()
    return Source(row.id, row.kind, row.location, _folders(row.folders), row.enabled, row.last_scan_at,
                  row.last_error, row.ca_file, people, meetings)


def list_sources() -> list[Source]:
    return [_source(row) for row in ScanSource.select().order_by(ScanSource.kind, ScanSource.location)]


def get_source(source_id: int) -> Source:
    row = ScanSource.get_or_none(ScanSource.id == source_id)
    if row is None:
        raise ValidationError("This source is no longer in the journal.")
    return _source(row)


def imap_location(server: str, user: str) -> str:
    return f"{user}@{server}"


def add_source(kind: str, location: str, *, folders: tuple[str, ...] = (), ca_file: str = "") -> Source:
    """The source of this kind at this location, made if it is new (its folders and CA file
    updated if it is not)."""
    if kind not in ScanSource.KINDS:
        raise ValidationError(f"Unknown kind of source {kind!r}.")
    if not location.strip():
        raise ValidationError("A source needs a file, a folder or a server.")
    row, created = ScanSource.get_or_create(kind=kind, location=location,
                                            defaults={"folders": json.dumps(list(folders)) if folders else "",
                                                      "ca_file": ca_file})
    if not created:
        changed = False
        if folders and _folders(row.folders) != tuple(folders):
            row.folders = json.dumps(list(folders))
            row.mark = "" if kind == "maildir" else row.mark  # IMAP marks are per folder already
            changed = True
        if ca_file and ca_file != row.ca_file:
            row.ca_file, changed = ca_file, True
        if changed:
            row.save()
    return _source(row)


def set_enabled(source_id: int, enabled: bool) -> None:
    updated = ScanSource.update(enabled=enabled).where(ScanSource.id == source_id).execute()
    if not updated:
        raise ValidationError("This source is no longer in the journal.")


def affected_people(source_id: int | None = None) -> set[int]:
    """The people whose derived data a source (or every source) holds."""
    people = MailContact.select(MailContact.person)
    meetings = MeetingPerson.select(MeetingPerson.person).join(SeenMeeting)
    hints = StageHint.select(StageHint.person).where(StageHint.person.is_null(False))
    if source_id is not None:
        people = people.where(MailContact.source == source_id)
        meetings = meetings.where(SeenMeeting.source == source_id)
        hints = hints.where(StageHint.source == source_id)
    found = {pid for (pid,) in people.tuples()} | {pid for (pid,) in meetings.tuples()}
    return found | {pid for (pid,) in hints.tuples()}


def forget(source_id: int | None = None) -> set[int]:
    """Remove what a source (or every source) derived: the e-mail contact, the meetings, the
    introduction hints; and where its scans stopped, so the next scan reads everything again.
    What the user decided about suggestions stays. Returns the people it concerned."""
    from journal.services.scan.record import zeroing

    people = affected_people(source_id)
    with zeroing():
        for model in (MailContact, SeenMeeting, StageHint):
            query = model.delete()
            if source_id is not None:
                query = query.where(model.source == source_id)
            query.execute()
    update = ScanSource.update(mark="", addresses="", last_scan_at=None, last_error="")
    if source_id is not None:
        update = update.where(ScanSource.id == source_id)
    update.execute()
    return people


def settle() -> bool:
    """After a forget's write (outside any transaction): copy the journal's write-ahead log into
    it and empty the log, so the pages that held what was forgotten leave the disk now rather
    than when the journal closes. False when another connection was reading and the log could
    not be emptied yet (it is, at the latest, when the journal closes)."""
    busy, _log, _copied = DB.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy


def remove_source(source_id: int) -> set[int]:
    """Forget a source and everything it derived."""
    people = forget(source_id)
    ScanSource.delete().where(ScanSource.id == source_id).execute()
    return people
