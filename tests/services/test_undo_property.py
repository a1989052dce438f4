"""Whatever a user does, in whatever order, Undo puts the journal back exactly as it was and Redo
does it again exactly; a refused change changes nothing; a clashing undo changes nothing and says
what is in the way."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from journal.clock import FixedClock
from journal.domain.agenda import ItemKind
from journal.domain.channels import CHANNELS
from journal.domain.pipeline import ALL_STAGES, Stage
from journal.errors import ValidationError
from journal.services import operations
from journal.services.agenda import due_actions, next_steps
from journal.services.conversations.listing import save_conversation
from journal.services.conversations.records import (
    OfferDraft,
    PersonRef,
    StepDraft,
    delete_conversation,
    log_conversation,
)
from journal.services.interchange import imports
from journal.services.people import merge
from journal.services.people import records as people
from journal.services.people.records import PersonChanges
from journal.services.pipeline import introductions
from journal.store.db import open_journal
from journal.store.models import (
    ContactDetail,
    Conversation,
    Introduction,
    Job,
    NextStep,
    Organisation,
    Person,
    PersonDate,
    Tag,
)
from tests.conftest import TEST_NOW, dump_journal
from tests.interop import samples

DAY = dt.timedelta(days=1)

# A small world, so that operations keep meeting the same people, e-mails and tags. Values the
# journal refuses come now and then, not so often that little else gets done.


def mostly(good: tuple, bad: tuple = ()) -> st.SearchStrategy:
    return st.sampled_from(good * 3 + bad)


NAMES = ("Ana Pool", "Bo Lake", "Cy Hill", "Dee Dale", "Zed New")
ORGANISATIONS = ("", "Acme", "Globex", "acme")
EMAILS = ("ana@example.com", "bo@example.com", "zed@example.com")
PHONES = ("+44 20 7946 0001", "+1 415 555 0100")
TAGS = ("friends", "vc", "Mentor", "#mentor")

VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Pool\r\nN:Pool;Ana;;;\r\nORG:Acme\r\nTITLE:CTO\r\n"
    "EMAIL;TYPE=INTERNET:ana@example.com\r\nTEL;TYPE=CELL:+44 20 7946 0001\r\nCATEGORIES:friends,Investors\r\n"
    "NOTE:Met at the meetup\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed New\r\nN:New;Zed;;;\r\nEMAIL:zed@example.com\r\n"
    "URL:https://www.linkedin.com/in/zed-new\r\nEND:VCARD\r\n"
)
LINKEDIN = samples.linkedin([
    ["Bo", "Lake", "https://www.linkedin.com/in/bo-lake", "bo@example.com", "Globex", "Engineer", "01 Feb 2020"],
    ["Cy", "Hill", "https://www.linkedin.com/in/cy-hill", "", "Initech", "Recruiter", "12 Mar 2024"],
])

# An index into the ids there are now; the last value stands for one that does not exist.
index = st.integers(0, 9)
MISSING = 9


def pick(ids: list[int], i: int) -> int:
    if not ids or i == MISSING:
        return 90_000 + i
    return ids[i % len(ids)]


def ids_of(model) -> list[int]:
    return [row.id for row in model.select(model.id).order_by(model.id)]


# A participant: (an existing person?, which one, else the name); and who took part, now and then
# no one at all.
someone = st.tuples(st.booleans(), index, st.sampled_from(NAMES))
participants = st.integers(0, 5).flatmap(lambda n: st.just([]) if n == 5 else st.lists(someone, min_size=1, max_size=2))


def seed(clock: FixedClock) -> None:
    """What each example starts from: people with details, tags and a cadence, conversations with
    an overdue and a later step, and an open offer."""
    ana = people.create_person("Ana Pool", organisation="Acme", clock=clock).id
    people.add_detail(ana, "email", "ana@example.com")
    people.set_tags(ana, ["friends", "vc"])
    bo = people.create_person("Bo Lake", clock=clock).id
    people.set_cadence(bo, 14, clock=clock)
    log_conversation(
        [PersonRef(id=ana), PersonRef(id=bo)], when=clock.now() - 20 * DAY, summary="Coffee", clock=clock,
        offers=[OfferDraft(PersonRef.named("Cy Hill"))], next_steps=[StepDraft("Send the deck", clock.today() - 2 * DAY)],
    )
    log_conversation([PersonRef(id=bo)], when=clock.now() - 3 * DAY, clock=clock,
                     next_steps=[StepDraft("Call back", clock.today() + 3 * DAY, dt.time(10, 0))])


class UndoMachine(RuleBasedStateMachine):
    """The journal and a model of its undo and redo lists: `done` holds (step, journal before it,
    journal after it) for each operation Undo would take back, the latest last; `undone` the same
    for Redo; `now` is the journal as it must be."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.database = open_journal(folder / "journal.sqlite3")
        self.clock = FixedClock(TEST_NOW)
        (folder / "contacts.vcf").write_text(VCARD, encoding="utf-8")
        (folder / "Connections.csv").write_bytes(LINKEDIN)
        seed(self.clock)
        self.history = operations.History()
        self.done: list[tuple] = []
        self.undone: list[tuple] = []
        self.now = self.dump()

    def teardown(self) -> None:
        if not self.database.is_closed():
            self.database.close()

    def dump(self) -> list:
        return dump_journal(self.database)

    def check(self, expected: list, step, what: str) -> None:
        assert self.dump() == expected, f"{what} “{step.label}” did not give the journal exactly"

    def step_back(self) -> None:
        """Undo the latest operation: the journal is exactly as it was before it."""
        step, before, after = self.done[-1]
        assert self.history.undo_label() == step.label
        self.history.undo()
        self.done.pop()
        self.undone.append((step, before, after))
        self.check(before, step, "undoing")
        self.now = before

    def step_forward(self) -> None:
        """Redo the latest undone operation: the journal is exactly as it made it."""
        step, before, after = self.undone[-1]
        assert self.history.redo_label() == step.label
        self.history.redo()
        self.undone.pop()
        self.done.append((step, before, after))
        self.check(after, step, "redoing")
        self.now = after

    # --- running one operation and checking its undo and redo at once -------------------------

    def operate(self, label: str, fn, *args, **kwargs) -> None:
        before = self.dump()
        assert before == self.now, "the journal changed outside the operations"
        try:
            result = operations.run(fn, *args, label=label, **kwargs)
        except ValidationError:
            assert self.dump() == before, f"{label} was refused but changed the journal"
            return
        after = self.dump()
        if result.step is None:
            assert after == before, f"{label} changed the journal but left nothing to undo"
            return  # nothing recorded: what there was to redo stays
        assert after != before
        assert result.step.label == label
        self.history.record(result)
        assert not self.history.can_redo()  # a new operation ends what could be redone
        with pytest.raises(operations.UndoRefused, match="There is nothing to redo"):
            self.history.redo()
        assert self.dump() == after
        self.undone = []
        self.done.append((result.step, before, after))
        self.now = after
        # Undo restores exactly the journal before it; redo gives exactly the one it made.
        self.step_back()
        self.step_forward()

    # --- what a user does ------------------------------------------------------------------------

    def _ref(self, choice) -> PersonRef:
        existing, i, name = choice
        return PersonRef(id=pick(ids_of(Person), i)) if existing else PersonRef.named(name)

    @rule(
        participants=participants,
        days_ago=st.integers(-2, 40),
        channel=mostly(CHANNELS, ("nope",)),
        summary=st.sampled_from(("", "Coffee", "Intro call")),
        offer=st.none() | st.tuples(someone, st.booleans(), st.none() | someone),
        steps=st.lists(st.tuples(mostly(("Send the deck", "Call back"), ("   ",)), st.none() | st.integers(-5, 10),
                                 st.booleans()), max_size=2),
        cadence=st.sampled_from((None, 14)),
    )
    def log(self, participants, days_ago, channel, summary, offer, steps, cadence):
        offers = []
        if offer is not None:
            target, description, introducer = offer
            offers.append(OfferDraft(
                target=self._ref(target) if not description else PersonRef.named("her sister, CMO at Globex"),
                introducer=self._ref(introducer) if introducer else None,
                target_is_description=description,
            ))
        drafts = [
            StepDraft(text, self.clock.today() + days * DAY if days is not None else None,
                      dt.time(15, 0) if timed else None)
            for text, days, timed in steps
        ]
        self.operate(
            "Log a conversation", log_conversation, [self._ref(p) for p in participants],
            when=self.clock.now() - days_ago * DAY, channel=channel, summary=summary, offers=offers,
            next_steps=drafts, clock=self.clock, new_people_cadence_days=cadence,
        )

    @rule(
        i=index,
        name=mostly(NAMES + ("Ana  Pool",), ("",)),
        placeholder=st.booleans(),
        organisation=st.sampled_from(ORGANISATIONS),
        role=st.sampled_from(("", "CTO")),
        emails=st.lists(mostly(EMAILS, ("not an address",)), max_size=2),
        phones=st.lists(mostly(PHONES, ("12",)), max_size=2),
        linkedin=st.sampled_from(("", "https://www.linkedin.com/in/bo-lake")),
        notes=st.sampled_from(("", "Likes sailing")),
        tags=st.lists(mostly(TAGS, ("",)), max_size=3),
        cadence=mostly((None, 7, 30), (0,)),
    )
    def edit_person(self, i, name, placeholder, organisation, role, emails, phones, linkedin, notes, tags, cadence):
        changes = PersonChanges(
            name=name, is_placeholder=placeholder, organisation=organisation, role=role, emails=tuple(emails),
            phones=tuple(phones), linkedin=linkedin, notes=notes, tags=tuple(tags), cadence_days=cadence,
        )
        self.operate("Edit a person", people.update_person, pick(ids_of(Person), i), changes, clock=self.clock)

    @rule(i=index, tags=st.lists(mostly(TAGS, ("",)), max_size=3))
    def set_tags(self, i, tags):
        self.operate("Set tags", people.set_tags, pick(ids_of(Person), i), tags)

    @rule(i=index, days=mostly((None, 7, 30), (0,)))
    def set_cadence(self, i, days):
        self.operate("Set cadence", people.set_cadence, pick(ids_of(Person), i), days, clock=self.clock)

    @rule(i=index, archived=st.booleans())
    def archive(self, i, archived):
        self.operate("Archive" if archived else "Restore", people.set_archived, pick(ids_of(Person), i), archived,
                     clock=self.clock)

    @rule(i=index)
    def delete_person(self, i):
        self.operate("Delete a person", people.delete_person, pick(ids_of(Person), i))

    @rule(i=index)
    def delete_conversation(self, i):
        self.operate("Delete a conversation", delete_conversation, pick(ids_of(Conversation), i))

    @rule(
        i=index,
        participants=participants,
        days_ago=st.integers(-2, 40),
        channel=mostly(CHANNELS, ("nope",)),
        summary=st.sampled_from(("", "Coffee, edited")),
        notes=st.sampled_from(("", "More notes")),
    )
    def save_conversation(self, i, participants, days_ago, channel, summary, notes):
        self.operate(
            "Edit a conversation", save_conversation, pick(ids_of(Conversation), i),
            participants=[self._ref(p) for p in participants], when=self.clock.now() - days_ago * DAY,
            channel=channel, summary=summary, notes=notes, clock=self.clock,
        )

    @rule(i=index, verb=st.sampled_from(("complete", "reopen", "snooze", "reschedule")), days=st.integers(-3, 10),
          timed=st.booleans())
    def act_on_step(self, i, verb, days, timed):
        step = pick(ids_of(NextStep), i)
        day = self.clock.today() + days * DAY
        if verb == "complete":
            self.operate("Complete a step", next_steps.complete, step, clock=self.clock)
        elif verb == "reopen":
            self.operate("Reopen a step", next_steps.reopen, step)
        elif verb == "snooze":
            self.operate("Snooze a step", next_steps.snooze, step, day)
        else:
            self.operate("Reschedule a step", next_steps.reschedule, step, day, dt.time(9, 0) if timed else None)

    @rule(i=index, stage=st.sampled_from(ALL_STAGES + (None,)))
    def move_introduction(self, i, stage: Stage | None):
        self.operate("Move an introduction", introductions.advance, pick(ids_of(Introduction), i), stage,
                     clock=self.clock)

    @rule(keep=index, other=st.integers(0, 5))
    def merge(self, keep, other):
        ids = ids_of(Person)
        drop = ids[(ids.index(pick(ids, keep)) + other) % len(ids)] if keep != MISSING and ids else keep
        self.operate("Merge people", merge.merge_people, pick(ids, keep), drop, clock=self.clock)

    @rule(kind=st.sampled_from(list(ItemKind)), i=index, verb=st.sampled_from(("done", "snooze", "reschedule")),
          days=st.integers(-3, 60))
    def act_on_due_item(self, kind, i, verb, days):
        model = {
            ItemKind.NEXT_STEP: NextStep, ItemKind.INTRODUCTION: Introduction, ItemKind.KEEP_IN_TOUCH: Person,
            ItemKind.DATE: PersonDate, ItemKind.RECONNECT: Job,
        }[kind]
        item = (kind.value, pick(ids_of(model), i))
        if verb == "done":
            self.operate("Done", due_actions.mark_done, item, clock=self.clock)
        elif verb == "snooze":
            self.operate("Snooze", due_actions.snooze, item, days, clock=self.clock)
        else:
            self.operate("Reschedule", due_actions.reschedule, item, self.clock.today() + days * DAY, clock=self.clock)

    @rule(fmt=st.sampled_from(("vcard", "linkedin")))
    def import_file(self, fmt):
        path = self.folder / ("contacts.vcf" if fmt == "vcard" else "Connections.csv")
        self.operate(f"Import {path.name}", imports.run_import, fmt, path, clock=self.clock)

    @rule(days=st.integers(0, 3), minutes=st.integers(0, 600))
    def time_passes(self, days, minutes):
        self.clock.advance(days=days, minutes=minutes)

    # --- undo and redo -------------------------------------------------------------------------

    @precondition(lambda self: bool(self.done))
    @rule(k=st.integers(1, 6))
    def undo(self, k):
        """k undos walk back through the states the operations were made on, exactly."""
        for _ in range(min(k, len(self.done))):
            self.step_back()

    @precondition(lambda self: bool(self.undone))
    @rule(k=st.integers(1, 6))
    def redo(self, k):
        for _ in range(min(k, len(self.undone))):
            self.step_forward()

    @precondition(lambda self: not self.undone)
    @rule()
    def nothing_to_redo(self):
        with pytest.raises(operations.UndoRefused, match="There is nothing to redo"):
            self.history.redo()
        assert self.dump() == self.now

    @precondition(lambda self: bool(self.done))
    @rule()
    def all_the_way_back_and_forth(self):
        while self.done:
            self.step_back()
        with pytest.raises(operations.UndoRefused, match="There is nothing to undo"):
            self.history.undo()
        assert self.dump() == self.now
        while self.undone:
            self.step_forward()

    @invariant()
    def lists_match_the_model(self):
        assert len(self.history) == len(self.done)
        assert self.history.can_undo() == bool(self.done)
        assert self.history.can_redo() == bool(self.undone)

    @invariant()
    def contact_days_match_the_conversations(self):
        from journal.store import contact_days
        from journal.store.models import DB

        assert contact_days.stored(DB.obj) == contact_days.recomputed(DB.obj)
        assert contact_days.stored_rhythms(DB.obj) == contact_days.recomputed_rhythms(DB.obj)


def test_any_sequence_of_operations_undoes_and_redoes_exactly(tmp_path):
    folders = (tmp_path / f"example{n}" for n in itertools.count())

    def machine() -> UndoMachine:
        folder = next(folders)
        folder.mkdir()
        return UndoMachine(folder)

    run_state_machine_as_test(
        machine, settings=settings(max_examples=40, stateful_step_count=30, deadline=None)
    )


# --- an import ---------------------------------------------------------------------------------


def test_undoing_an_import_removes_what_it_added_and_puts_back_what_it_updated(db, clock, dump, tmp_path):
    dana = people.create_person("Dana Smith", clock=clock)
    people.add_detail(dana.id, "email", "dana@work.com")
    people.set_tags(dana.id, ["Python"])
    log_conversation([PersonRef(id=dana.id)], summary="Coffee", clock=clock,
                     next_steps=[StepDraft("Send Dana the slides", clock.today() + DAY)])
    people.create_person("Eve Adams", organisation="Initech", clock=clock)
    path = tmp_path / "contacts.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Smith\r\nN:Smith;Dana;;;\r\nORG:Umbrella\r\nTITLE:Head of Data\r\n"
        "EMAIL:dana@work.com\r\nTEL:+44 20 7946 0958\r\nCATEGORIES:Mentors,Python\r\nNOTE:Met at PyCon\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Frank Ocean\r\nN:Ocean;Frank;;;\r\nORG:Blonde Co\r\n"
        "EMAIL:frank@ocean.io\r\nCATEGORIES:Friends\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gil Scott\r\nN:Scott;Gil;;;\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    before = dump()
    clock.advance(days=1)
    history = operations.History()
    result = history.record(operations.run(imports.run_import, "vcard", path, clock=clock, label="Import contacts.vcf"))
    plan = result.value.plan
    assert (plan.count("new"), plan.count("updated")) == (2, 1)
    after = dump()
    updated = Person.get_by_id(dana.id)
    assert (updated.organisation.name, updated.role, updated.notes) == ("Umbrella", "Head of Data", "Met at PyCon")
    assert updated.updated_at == clock.now()
    assert people.tags_of(dana.id) == ["Mentors", "Python"]
    assert {d.normalized for d in updated.details} == {"dana@work.com", "+442079460958"}
    assert {p.name for p in Person.select()} == {"Dana Smith", "Eve Adams", "Frank Ocean", "Gil Scott"}

    history.undo()
    assert dump() == before
    assert {p.name for p in Person.select()} == {"Dana Smith", "Eve Adams"}
    restored = Person.get_by_id(dana.id)
    assert (restored.organisation, restored.role, restored.notes) == (None, "", "")
    assert people.tags_of(dana.id) == ["Python"]
    assert not Organisation.select().where(Organisation.name.in_(["Umbrella", "Blonde Co"])).exists()
    assert not Tag.select().where(Tag.name.in_(["Mentors", "Friends"])).exists()
    assert ContactDetail.select().count() == 1

    history.redo()
    assert dump() == after
    history.undo()
    assert dump() == before


# --- many levels -------------------------------------------------------------------------------


def test_sixty_operations_in_a_row_are_all_undone_in_order(db, clock, dump):
    history = operations.History()
    person = people.create_person("Dana Smith", clock=clock).id
    states = [dump()]
    for n in range(60):
        clock.advance(minutes=7)
        kind = n % 4
        if kind == 0:
            result = operations.run(log_conversation, [PersonRef(id=person)], summary=f"Talk {n}", clock=clock,
                                    next_steps=[StepDraft(f"Step {n}", clock.today() + DAY)], label=f"Log {n}")
        elif kind == 1:
            step = NextStep.select().order_by(NextStep.id.desc()).get().id
            result = operations.run(next_steps.snooze, step, clock.today() + n * DAY, label=f"Snooze {n}")
        elif kind == 2:
            step = NextStep.select().order_by(NextStep.id.desc()).get().id
            result = operations.run(next_steps.complete, step, clock=clock, label=f"Done {n}")
        else:
            result = operations.run(people.set_cadence, person, n, clock=clock, label=f"Cadence {n}")
        assert result.step is not None
        history.record(result)
        states.append(dump())
    assert len(history) == 60 and operations.UNDO_LEVELS >= 50
    for n in reversed(range(60)):
        assert history.undo_label().endswith(f" {n}")
        step, _changes = history.undo()
        assert step.label.endswith(f" {n}")
        assert dump() == states[n]
    assert not history.can_undo()
    assert dump() == states[0]
    for n in range(60):  # and all redone in order
        history.redo()
        assert dump() == states[n + 1]


# --- refusals ----------------------------------------------------------------------------------


def test_an_undo_that_clashes_with_a_later_change_is_refused_and_changes_nothing(db, clock, dump):
    dana = people.create_person("Dana Smith", organisation="Acme", clock=clock).id
    history = operations.History()
    history.record(operations.run(
        people.update_person, dana, PersonChanges(name="Dana Jones", organisation="Acme", role="CTO"), clock=clock,
        label="Edit Dana Jones",
    ))
    clock.advance(minutes=5)
    people.update_person(dana, PersonChanges(name="Dana Jones", organisation="Acme", role="CEO"), clock=clock)  # not on the history
    after = dump()
    with pytest.raises(operations.UndoRefused) as refused:
        history.undo()
    message = str(refused.value)
    assert "“Edit Dana Jones”" in message
    assert "the person “Dana Jones” was changed since" in message
    assert message.endswith("Nothing was changed.")
    assert dump() == after
    assert not history.can_undo() and not history.can_redo()  # it left the list: it can never apply now
    assert Person.get_by_id(dana).role == "CEO"


def test_an_undo_that_would_take_something_added_since_with_it_is_refused(db, clock, dump):
    history = operations.History()
    logged = history.record(operations.run(log_conversation, [PersonRef.named("Lee Park")], summary="Coffee",
                                           clock=clock, label="Log coffee with Lee Park")).value
    lee = logged.people_created[0]
    next_steps.add("Send Lee the deck", person_id=lee, clock=clock)  # not on the history
    after = dump()
    with pytest.raises(operations.UndoRefused) as refused:
        history.undo()
    message = str(refused.value)
    assert "“Log coffee with Lee Park”" in message
    assert "the next step “Send Lee the deck” was added since and depends on it" in message
    assert dump() == after
    assert not history.can_undo()


# --- changes that re-make rows, reusing their rowids -------------------------------------------
# set_tags and saving a conversation delete links and make them again, so the same rowids come
# back holding other values; a merge moves rows away from the person it then deletes. Undo and
# redo must put such rows back without tripping over a cascade or a unique index, and keep the
# search index true.


def test_undoing_a_new_tag_in_place_of_the_only_one(db, clock, dump):
    """The link keeps its rowid and points at the new tag: deleting the new tag must not take it."""
    dana = people.create_person("Dana Smith", clock=clock).id
    people.set_tags(dana, ["investor"])
    before = dump()
    history = operations.History()
    history.record(operations.run(people.set_tags, dana, ["mentor"], label="Tag Dana Smith"))
    after = dump()
    history.undo()
    assert dump() == before
    assert people.tags_of(dana) == ["investor"]
    history.redo()
    assert dump() == after


def test_redoing_a_merge_that_moved_something(db, clock, dump):
    """The dropped person goes only once what moved onto the kept one has moved."""
    keep = people.create_person("Ana Pérez", clock=clock).id
    drop = people.create_person("Perez, Ana", role="CTO", clock=clock).id
    log_conversation([PersonRef(id=drop)], summary="Coffee", clock=clock,
                     next_steps=[StepDraft("Call Ana back", clock.today() + DAY)])
    before = dump()
    history = operations.History()
    history.record(operations.run(merge.merge_people, keep, drop, clock=clock, label="Merge Perez, Ana into Ana Pérez"))
    after = dump()
    history.undo()
    assert dump() == before
    history.redo()
    assert dump() == after


def test_redoing_a_merge_of_an_introducer_into_their_duplicate(db, clock, dump):
    """The offer moves onto the kept person before the dropped one goes, so its step is not taken
    with it (which the redo had called "added since")."""
    logged = log_conversation([PersonRef.named("Ana Pool")], offers=[OfferDraft(PersonRef.named("Cy Hill"))], clock=clock)
    ana, _cy = logged.people_created
    twin = people.create_person("Ana Pool (Acme)", clock=clock).id
    before = dump()
    history = operations.History()
    history.record(operations.run(merge.merge_people, twin, ana, clock=clock, label="Merge Ana Pool into her twin"))
    after = dump()
    history.undo()
    assert dump() == before
    history.redo()
    assert dump() == after


def test_tags_put_back_in_place_are_searched_as_they_are(db, clock, dump):
    """A link pointed at another tag in place re-indexes its person."""
    from journal.services.people import table as people_table

    dana = people.create_person("Dana Smith", clock=clock).id
    people.set_tags(dana, ["investor", "mentor"])
    history = operations.History()
    history.record(operations.run(people.set_tags, dana, ["mentor"], label="Tag Dana Smith"))
    after = dump()
    history.undo()
    history.redo()
    assert people.tags_of(dana) == ["mentor"]
    assert list(people_table.person_ids(text="investor")) == []
    assert dump() == after


def test_undoing_an_edit_of_someone_tagged_out_of_order(db, clock, dump):
    """Saved sorted, the two links swap rowids; put back one by one they would meet on the unique index."""
    dana = people.create_person("Dana Smith", clock=clock).id
    people.set_tags(dana, ["vc", "angel"])
    before = dump()
    history = operations.History()
    # The detail pane shows the tags sorted and saves them so, with whatever else was edited.
    changes = PersonChanges(name="Dana Smith", role="CTO", tags=tuple(people.tags_of(dana)))
    history.record(operations.run(people.update_person, dana, changes, clock=clock, label="Edit Dana Smith"))
    assert Person.get_by_id(dana).role == "CTO"
    after = dump()
    history.undo()
    assert dump() == before
    history.redo()
    assert dump() == after


@pytest.mark.parametrize("new_person", [False, True])
def test_undoing_an_edit_of_a_conversation_logged_with_people_out_of_order(db, clock, dump, new_person):
    """Saved by name, the two participants swap rowids, as the tags above do; or the first rowid
    goes to someone the edit adds, who goes again with the undo."""
    from journal.services.conversations.listing import get_conversation

    bo = people.create_person("Bo Chen", clock=clock).id
    ann = people.create_person("Ann Lee", clock=clock).id
    conversation = log_conversation([PersonRef(id=bo), PersonRef(id=ann)], summary="Lunch", clock=clock).conversation_id
    before = dump()
    detail = get_conversation(conversation)  # the dialog lists the people by name, and saves them so
    participants = [PersonRef(id=pid) for pid, _name in detail.participants]
    if new_person:
        participants = [PersonRef.named("Cy New"), PersonRef(id=ann)]
    history = operations.History()
    history.record(operations.run(
        save_conversation, conversation, participants=participants, when=detail.occurred_at, channel=detail.channel,
        summary="Lunch at the harbour", notes="", clock=clock, label="Edit Lunch",
    ))
    after = dump()
    history.undo()
    assert dump() == before
    history.redo()
    assert dump() == after
