"""The journal's tables.

`DB` is a proxy bound when a journal is opened (store.db.open_journal), so models can be
declared once and used with any file, including each test's temporary one.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
)

from journal.domain.channels import CHANNELS  # noqa: F401  (re-exported for older imports)

DB = DatabaseProxy()


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = DB
        legacy_table_names = False


class Organisation(BaseModel):
    id = AutoField()
    name = CharField(unique=True, collation="NOCASE")
    website = TextField(default="")
    notes = TextField(default="")
    created_at = DateTimeField(default=_now)


class Person(BaseModel):
    """Someone you know, or a placeholder known only by a description."""

    id = AutoField()
    name = CharField(index=True)
    is_placeholder = BooleanField(default=False)
    organisation = ForeignKeyField(Organisation, null=True, backref="people", on_delete="SET NULL")
    role = TextField(default="")
    linkedin = TextField(default="")
    website = TextField(default="")
    location = TextField(default="")
    how_met = TextField(default="")
    notes = TextField(default="")
    cadence_days = IntegerField(null=True)
    cadence_set_on = DateField(null=True)
    keep_in_touch_snoozed_until = DateField(null=True)
    connected_on = DateField(null=True)
    # DEFAULT in SQL too, as the schema 4 upgrade added it, so rows written by other tools fit.
    nickname = TextField(default="", constraints=[SQL("DEFAULT ''")])
    # Reminders of this person's dates that matter: None follows Preferences, else on or off.
    date_reminders = BooleanField(null=True)
    archived = BooleanField(default=False, index=True)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)


class ContactDetail(BaseModel):
    """An e-mail address or phone number of a person (LinkedIn and website live on Person)."""

    KINDS = ("email", "phone")

    id = AutoField()
    person = ForeignKeyField(Person, backref="details", on_delete="CASCADE")
    kind = CharField()
    label = CharField(default="")
    value = TextField()
    normalized = TextField(index=True)


class Tag(BaseModel):
    id = AutoField()
    name = CharField(unique=True, collation="NOCASE")


class PersonTag(BaseModel):
    person = ForeignKeyField(Person, backref="person_tags", on_delete="CASCADE")
    tag = ForeignKeyField(Tag, backref="person_tags", on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = ((("person", "tag"), True),)


class Conversation(BaseModel):
    id = AutoField()
    occurred_at = DateTimeField(index=True)
    channel = CharField(default="other")
    summary = TextField(default="")
    notes = TextField(default="")
    created_at = DateTimeField(default=_now)


class Participant(BaseModel):
    conversation = ForeignKeyField(Conversation, backref="participants", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="participations", on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = (
            (("conversation", "person"), True),
            (("person", "conversation"), False),
        )


class Introduction(BaseModel):
    """An offered contact: `introducer` offered to connect you with `target`."""

    id = AutoField()
    introducer = ForeignKeyField(Person, backref="offers_given", on_delete="CASCADE")
    target = ForeignKeyField(Person, backref="offers_received", on_delete="CASCADE")
    conversation = ForeignKeyField(Conversation, null=True, backref="introductions", on_delete="SET NULL")
    stage = CharField(default="offered", index=True)
    offered_on = DateField()
    asked_on = DateField(null=True)
    introduced_on = DateField(null=True)
    met_on = DateField(null=True)
    thanked_on = DateField(null=True)
    closed_on = DateField(null=True)
    stage_changed_on = DateField()
    notes = TextField(default="")
    created_at = DateTimeField(default=_now)


class NextStep(BaseModel):
    id = AutoField()
    text = TextField()
    due_date = DateField(null=True, index=True)
    due_time = TimeField(null=True)
    person = ForeignKeyField(Person, null=True, backref="next_steps", on_delete="CASCADE")
    conversation = ForeignKeyField(Conversation, null=True, backref="next_steps", on_delete="SET NULL")
    introduction = ForeignKeyField(Introduction, null=True, backref="next_steps", on_delete="CASCADE")
    done_at = DateTimeField(null=True, index=True)
    snoozed_until = DateField(null=True)
    created_at = DateTimeField(default=_now)

    @property
    def effective_due(self) -> dt.date | None:
        return self.snoozed_until or self.due_date


class Job(BaseModel):
    """A post someone holds or held. The current ones have no `ended_on`; Person.organisation and
    Person.role mirror the first current one, which the rest of the app reads.

    `noticed_on` is set when an import or an edit showed the change (not for the first job the
    journal learns of): Today offers it as a reason to reconnect until `dismissed`."""

    id = AutoField()
    person = ForeignKeyField(Person, backref="jobs", on_delete="CASCADE")
    organisation = ForeignKeyField(Organisation, null=True, backref="jobs", on_delete="SET NULL")
    role = TextField(default="")
    started_on = DateField(null=True)
    ended_on = DateField(null=True)
    noticed_on = DateField(null=True, index=True)
    dismissed = BooleanField(default=False)


class PersonDate(BaseModel):
    """A date that matters, every year: `year` is None where it is not known (`--MM-DD`)."""

    KINDS = ("birthday", "anniversary", "work_anniversary", "custom")

    id = AutoField()
    person = ForeignKeyField(Person, backref="dates", on_delete="CASCADE")
    kind = CharField(default="custom")
    label = TextField(default="")
    month = IntegerField()
    day = IntegerField()
    year = IntegerField(null=True)
    # The occurrence last marked done in Today ("wished a happy birthday"): that day's item is
    # gone until the next one.
    acknowledged_on = DateField(null=True)

    class Meta:
        indexes = ((("month", "day"), False),)


class Address(BaseModel):
    """A postal address, in vCard's ADR parts."""

    id = AutoField()
    person = ForeignKeyField(Person, backref="addresses", on_delete="CASCADE")
    label = TextField(default="")
    po_box = TextField(default="")
    extended = TextField(default="")
    street = TextField(default="")
    locality = TextField(default="")
    region = TextField(default="")
    postcode = TextField(default="")
    country = TextField(default="")


class Profile(BaseModel):
    """A social profile, messaging handle (IMPP) or other web address of a person."""

    id = AutoField()
    person = ForeignKeyField(Person, backref="profiles", on_delete="CASCADE")
    service = TextField(default="")  # "twitter", "xmpp", "skype", "mastodon", "" ...
    value = TextField()


class Relation(BaseModel):
    """Someone related to a person: another person in the journal where known, else a name."""

    id = AutoField()
    person = ForeignKeyField(Person, backref="relations", on_delete="CASCADE")
    kind = TextField(default="")  # "spouse", "child", "assistant", "manager", "friend" ...
    name = TextField(default="")
    other = ForeignKeyField(Person, null=True, backref="related_to", on_delete="SET NULL")


class PersonPhoto(BaseModel):
    """A person's photo, kept apart from Person so lists never read it. `data` is the image in
    base64 (no line breaks), as cards carry it: an import stores it without decoding it, and
    undo's change log (JSON) can hold it."""

    person = ForeignKeyField(Person, primary_key=True, backref="photo_rows", on_delete="CASCADE")
    mime = TextField(default="image/jpeg")
    data = TextField()


class PersonCard(BaseModel):
    """What the journal keeps of a person's card that it does not model: the card's other
    content lines, verbatim (unfolded, one per line, CRLF between them), which the vCard
    export writes back untouched."""

    person = ForeignKeyField(Person, primary_key=True, backref="card_rows", on_delete="CASCADE")
    extra = TextField(default="")


class SyncAccount(BaseModel):
    """The CardDAV/CalDAV account this journal syncs with (one at most). The password is never
    here: it is in the OS keyring or in CONTACT_JOURNAL_SYNC_PASSWORD."""

    id = AutoField()
    url = TextField()  # as the user gave it
    user = TextField()
    ca_file = TextField(default="")
    allow_http = BooleanField(default=False)  # plain http:// to a host other than loopback, confirmed
    contacts_url = TextField(default="")  # the address book
    tasks_url = TextField(default="")  # the task list (VTODO)
    journal_url = TextField(default="")  # the collection for conversations (VJOURNAL); "" where there is none
    journal_note = TextField(default="")  # why conversations do not sync, said once
    created_at = DateTimeField(default=_now)
    last_sync_at = DateTimeField(null=True)
    last_error = TextField(default="")


class SyncCollection(BaseModel):
    """What the journal knows of one synced collection: its sync-collection token (RFC 6578)."""

    role = CharField(primary_key=True)  # "contacts" | "tasks" | "journal"
    url = TextField()
    token = TextField(default="")  # "" before the first sync, or where the server's tokens failed
    sync_supported = BooleanField(null=True)  # None until the server has answered


class SyncItem(BaseModel):
    """One item on the server and the journal's row it stands for.

    `base` is the item's fields (JSON) as both sides last agreed, the common ancestor of a
    three-way merge; "" until they first agree. `raw` is the server's item as last seen, which
    an update patches. `local_id` is None once the row is deleted here (triggers see to it), so
    the next sync deletes it on the server; `etag` is "" while a create may not have reached
    the server yet (it is then sent with If-None-Match: *, so running again creates nothing
    twice)."""

    KINDS = ("person", "introduction", "step", "keep", "date", "conversation")

    id = AutoField()
    role = CharField()  # the collection
    kind = CharField()
    local_id = IntegerField(null=True)
    uid = TextField()
    href = TextField(default="")
    etag = TextField(default="")
    base = TextField(default="")
    raw = TextField(default="")
    local_changed_at = DateTimeField(null=True)
    # Sent after the collection's sync token was taken: the next report from that token must
    # list it, and one that does not was deleted there (a server reports only the difference
    # between the token and now, so an item made and deleted in between appears nowhere).
    sent = BooleanField(default=False)
    # Changed here since the last round looked (operations set it): a round reads again only
    # these rows, the ones not yet on the server and the derived tasks.
    dirty = BooleanField(default=False)

    class Meta:
        # A round keeps items in memory while operations mark them changed in SQL: saving one
        # writes only what the round set, never an older copy of the rest.
        only_save_dirty = True
        indexes = (
            (("role", "uid"), True),
            (("kind", "local_id"), False),
            (("role", "href"), False),
        )


class SyncConflict(BaseModel):
    """A field both sides changed since the last sync: the later change won (`kept`, from
    `kept_side`) and the other value is kept here, so the user can swap them."""

    id = AutoField()
    kind = CharField()
    local_id = IntegerField(null=True)
    uid = TextField()
    title = TextField(default="")  # what the item is called ("Dana Smith", "Send Dana my CV")
    field = TextField()
    kept = TextField(default="")
    other = TextField(default="")
    kept_side = CharField()  # "journal" | "server"
    at = DateTimeField()
    resolved = BooleanField(default=False)


SYNC_MODELS = [SyncAccount, SyncCollection, SyncItem, SyncConflict]


class ScanSource(BaseModel):
    """A place the journal reads contact from: a calendar file, a mailbox or an IMAP account.

    Nothing of what it reads is kept here but `mark`, where the last scan stopped (JSON: file
    offsets and mtimes, or UIDVALIDITY and the last UID per IMAP folder)."""

    KINDS = ("calendar", "mbox", "maildir", "imap", "caldav")

    id = AutoField()
    kind = CharField()
    location = TextField()  # a path; "user@host:port" for IMAP; a calendar's URL for CalDAV
    folders = TextField(default="")  # JSON list: the IMAP or Maildir folders read ("" = the default)
    ca_file = TextField(default="")  # IMAP: a CA certificate to trust besides the system's
    enabled = BooleanField(default=True)
    mark = TextField(default="")
    # Mail: short hashes (JSON list) of the journal's addresses at the last scan, never the
    # addresses: a scan that finds an address new since then reads the mailbox from the start,
    # so the older mail of someone given an address counts too.
    addresses = TextField(default="")
    last_scan_at = DateTimeField(null=True)
    last_error = TextField(default="")
    created_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("kind", "location"), True),)


class MailContact(BaseModel):
    """The latest e-mail exchanged with a person, as one source saw it (local time)."""

    source = ForeignKeyField(ScanSource, backref="mail_contacts", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="mail_contacts", on_delete="CASCADE")
    last_at = DateTimeField()
    direction = CharField(default="received")  # of the latest: "sent" | "received"
    exchanges = IntegerField(default=0)

    class Meta:
        primary_key = False
        indexes = (
            (("source", "person"), True),
            (("person", "last_at"), False),
        )


class SeenMeeting(BaseModel):
    """One occurrence of a calendar event with someone in the journal. Events with nobody in
    the journal are never stored; `key` hashes the event's UID and RECURRENCE-ID."""

    id = AutoField()
    source = ForeignKeyField(ScanSource, backref="meetings", on_delete="CASCADE")
    key = TextField()
    start = DateTimeField(index=True)  # naive local time
    end = DateTimeField(null=True)
    all_day = BooleanField(default=False)
    summary = TextField(default="")
    location = TextField(default="")
    status = CharField(default="CONFIRMED")  # CONFIRMED | TENTATIVE

    class Meta:
        indexes = ((("source", "key"), True),)


class MeetingPerson(BaseModel):
    meeting = ForeignKeyField(SeenMeeting, backref="people", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="meetings", on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = (
            (("meeting", "person"), True),
            (("person", "meeting"), False),
        )


class StageHint(BaseModel):
    """A message that suggests an introduction moved on: the introducer and the target on one
    thread ("introduced"), or a note to the introducer after the meeting ("thanked")."""

    id = AutoField()
    source = ForeignKeyField(ScanSource, backref="hints", on_delete="CASCADE")
    introduction = ForeignKeyField(Introduction, backref="hints", on_delete="CASCADE")
    stage = CharField()
    on = DateTimeField()  # the message's date, local time
    person = ForeignKeyField(Person, null=True, on_delete="SET NULL")  # who wrote (None: the user)

    class Meta:
        indexes = ((("source", "introduction", "stage"), True),)


class SuggestionState(BaseModel):
    """What the user did with a suggestion, by its key ("meeting:…", "stage:12:introduced"):
    "dismissed" or "logged". Kept when scanned data is forgotten, so a dismissed suggestion
    stays dismissed after a new scan."""

    id = AutoField()
    key = TextField(unique=True)
    state = CharField()
    at = DateTimeField(default=_now)


class ScanSetting(BaseModel):
    """Settings of reading mail and calendars that the command line and the window share."""

    key = CharField(primary_key=True)  # "own_addresses" (JSON list)
    value = TextField(default="")


SCAN_MODELS = [ScanSource, MailContact, SeenMeeting, MeetingPerson, StageHint, SuggestionState, ScanSetting]

ALL_MODELS = [
    Organisation,
    Person,
    ContactDetail,
    Tag,
    PersonTag,
    Conversation,
    Participant,
    Introduction,
    NextStep,
    Job,
    PersonDate,
    Address,
    Profile,
    Relation,
    PersonPhoto,
    PersonCard,
    *SYNC_MODELS,
    *SCAN_MODELS,
]
