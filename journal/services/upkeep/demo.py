"""A realistic sample journal for `contact-journal --demo` and the README screenshots.

Everything is relative to the clock, so the sample always has things overdue, due today and
coming up, and the same seed always gives the same journal. Written through the same services
the window uses, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.pipeline import Stage
from journal.services.agenda import next_steps
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.services.people import jobs
from journal.services.people import records as people
from journal.services.pipeline import introductions
from journal.store.models import DB, Address, Introduction, NextStep, Person, PersonDate, Relation

DEMO_FILENAME = "demo-journal.sqlite3"

# name, organisation, role, how you met, tags
PEOPLE = [
    ("Dana Whitfield", "Northwind Analytics", "VP Engineering", "Former manager", ["mentor", "data"]),
    ("Marcus Oyelaran", "Northwind Analytics", "Staff Data Engineer", "Worked together 2019-2022", ["data"]),
    ("Priya Raman", "Brightline Health", "Head of Product", "PyData meetup", ["product", "health"]),
    ("Tomás Echeverría", "Brightline Health", "CTO", "Introduced by Priya", ["health", "hiring"]),
    ("Hannah Okafor", "Lumen Robotics", "Engineering Manager", "University friend", ["robotics", "friend"]),
    ("Jonas Lindqvist", "Lumen Robotics", "Principal Engineer", "Conference talk Q&A", ["robotics"]),
    ("Aiko Tanaka", "Kestrel Capital", "Partner", "Alumni dinner", ["investor"]),
    ("Ben Carter", "Kestrel Capital", "Associate", "Alumni dinner", ["investor"]),
    ("Sofia Marchetti", "Fernwood Labs", "Founder & CEO", "Startup weekend", ["founder", "hiring"]),
    ("Liam O'Brien", "Fernwood Labs", "Senior Recruiter", "Reached out on LinkedIn", ["recruiter"]),
    ("Grace Mbeki", "Civic Data Trust", "Director of Research", "Open data hackathon", ["nonprofit", "data"]),
    ("Ravi Deshpande", "Civic Data Trust", "Data Scientist", "Open data hackathon", ["data"]),
    ("Elena Petrova", "Atlas Logistics", "Head of Platform", "Kubernetes meetup", ["platform", "hiring"]),
    ("Noah Fischer", "Atlas Logistics", "SRE Lead", "Kubernetes meetup", ["platform"]),
    ("Chloé Dubois", "Meridian Bank", "Engineering Director", "Former colleague's wife", ["fintech"]),
    ("Samuel Adeyemi", "Meridian Bank", "Tech Lead, Payments", "Worked together 2017", ["fintech"]),
    ("Isabel Moreno", "Quill & Co", "Design Lead", "Design systems talk", ["design"]),
    ("Oliver Grant", "Quill & Co", "COO", "Neighbour", ["friend"]),
    ("Mei Chen", "Sparrow AI", "Research Engineer", "ML reading group", ["ml"]),
    ("Daniel Novak", "Sparrow AI", "Head of Talent", "Referred by Mei", ["recruiter", "ml"]),
    ("Fatima Zahra", "", "Career coach", "Recommended by a friend", ["mentor"]),
    ("Lucas Ferreira", "Harbour Games", "Studio Technical Director", "Game jam", ["games"]),
    ("Anna Kowalski", "Harbour Games", "Producer", "Game jam", ["games"]),
    ("Kwame Asante", "Northwind Analytics", "Product Manager", "Worked together 2020", ["product"]),
    ("Rebecca Stone", "Brightline Health", "Engineering Manager", "Priya's team", ["health"]),
    ("Yusuf Kaya", "Atlas Logistics", "Engineering Manager", "Elena's team", ["platform"]),
    ("Nadia Haddad", "Kestrel Capital", "Platform Lead (portfolio)", "Aiko's colleague", ["investor"]),
    ("Peter Hughes", "Lumen Robotics", "Director of Engineering", "Hannah's manager", ["robotics", "hiring"]),
    ("Zoe Papadopoulos", "Fernwood Labs", "Lead Engineer", "Startup weekend", ["founder"]),
    ("Arjun Mehta", "Meridian Bank", "Staff Engineer", "Python user group", ["fintech", "python"]),
    ("Claire Bennett", "Civic Data Trust", "Executive Director", "Grace's boss", ["nonprofit"]),
    ("Mateo Rossi", "Sparrow AI", "CEO", "Demo day", ["ml", "founder"]),
    ("Ingrid Solberg", "", "Fractional CTO", "Python user group", ["mentor", "python"]),
    ("Victor Lam", "Harbour Games", "Engine Programmer", "Lucas's team", ["games"]),
]

CITIES = ["London", "Berlin", "Amsterdam", "Lisbon", "Manchester", "Dublin", "Remote", "Paris", "Edinburgh"]

PERSON_NOTES = [
    "Prefers a short e-mail with a clear ask over a call.",
    "Great at introductions; always follow up within a week.",
    "Knows everyone in the local data community.",
    "Hiring manager type: asks about outcomes, not tools.",
    "Happy to review CVs; send a PDF, not a link.",
    "Mentors two people already; keep asks small.",
]

CHANNEL_WEIGHTS = {"in person": 3, "call": 3, "video": 4, "e-mail": 3, "message": 2, "event": 1}

TOPICS = [
    ("Coffee catch-up", "Talked about how the team is growing and what they look for in senior hires."),
    ("Career advice", "Asked for advice on moving from IC to lead; suggested picking a scope and owning it."),
    ("Intro call", "First real conversation. Interested in platform work; they are hiring later this year."),
    ("Follow-up on the role", "Went through the role in more detail; the team is six people, remote-friendly."),
    ("Lunch", "Mostly personal news. Mentioned their company is reorganising the data org."),
    ("Meetup chat", "Met after the talk; they liked the question about observability costs."),
    ("Portfolio review", "Walked through two projects. Feedback: lead with outcomes, not tools."),
    ("Mock interview", "System design practice: rate limiter. Need to talk about trade-offs earlier."),
    ("Quick check-in", "Short check-in; nothing urgent. They are travelling next month."),
    ("Advice on negotiating", "Shared how equity refreshers work at their company; anchor on total comp."),
    ("Team intro", "Met part of the team; strong culture of writing things down."),
    ("Reference call", "Agreed to be a reference; wants a short summary of what to highlight."),
    ("Walk in the park", "Talked about burnout and how they set boundaries with on-call."),
    ("Conference hallway", "Bumped into each other at the conference; swapped notes on the keynote."),
    ("Hiring plans", "Their team opens two senior roles next quarter; the process is four interviews."),
    ("Salary bands", "Shared how their levels map to pay; useful benchmark for the staff level."),
    ("Open-source chat", "They maintain a popular library; might welcome help with the docs."),
    ("Breakfast", "Caught up on family news; they are thinking about a sabbatical."),
    ("Product feedback", "Gave feedback on their new onboarding flow; they asked for a written summary."),
    ("Side project", "Showed them the data-quality tool; they suggested trying it on their pipelines."),
]

NOTES_EXTRA = [
    "They prefer e-mail over LinkedIn messages.",
    "Kids started school this year; ask how it's going.",
    "Running a half marathon in spring.",
    "Reading 'Staff Engineer' — recommended it too.",
    "Their team uses Rust for the ingestion path.",
    "Moving to Lisbon in the summer.",
    "",
    "",
]


@dataclass(frozen=True)
class DemoSummary:
    people: int
    conversations: int
    introductions: int
    next_steps: int


def _handle(text: str) -> str:
    """"Chloé Dubois" -> "chloe-dubois" (for made-up addresses in the sample)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    # Mostly working days: a weekend date usually moves to the Friday before.
    stay = rng.random() < 0.2  # drawn every time, so the sequence never depends on the weekday
    if day.weekday() >= 5 and not stay:
        day -= dt.timedelta(days=day.weekday() - 4)
    return dt.datetime.combine(day, dt.time(rng.choice([8, 9, 10, 11, 12, 14, 15, 16, 17]), rng.choice([0, 15, 30, 45])))


def populate(*, clock: Clock = SYSTEM_CLOCK, seed: int = 2024) -> DemoSummary:
    """Fill the open (empty) journal with the sample."""
    rng = random.Random(seed)
    today = clock.today()
    now = clock.now()

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    def when(days: int) -> dt.datetime:
        moment = _at(ago(days), rng)
        return min(moment, now) if days == 0 else moment

    channels = list(CHANNEL_WEIGHTS)
    weights = list(CHANNEL_WEIGHTS.values())
    conversations = 0
    with DB.atomic():
        ids: dict[str, int] = {}
        for name, org, role, how_met, tags in PEOPLE:
            person = people.create_person(
                name,
                organisation=org,
                role=role,
                how_met=how_met,
                location=rng.choice(CITIES),
                linkedin=f"linkedin.com/in/{_handle(name)}",
                notes=rng.choice(PERSON_NOTES) if rng.random() < 0.5 else "",
                clock=clock,
            )
            if rng.random() < 0.7:
                domain = f"{_handle(org).replace('-', '')}.example" if org else "mail.example"
                people.add_detail(person.id, "email", f"{_handle(name).replace('-', '.')}@{domain}", "work")
            ids[name] = person.id
            people.set_tags(person.id, tags)

        # Who has been introduced but not met yet has no conversation of their own.
        not_met = {"Tomás Echeverría", "Nadia Haddad", "Peter Hughes", "Daniel Novak", "Claire Bennett"}
        # These have a keep-in-touch cadence that should be due: their last contact is set below.
        gone_quiet = {"Anna Kowalski", "Noah Fischer", "Victor Lam", "Ravi Deshpande"}
        regulars = [n for n, *_ in PEOPLE if n not in not_met | gone_quiet]
        organisation_of = {n: org for n, org, *_ in PEOPLE}

        def log(names: list[str], days: int, topic: int | None = None, **extra) -> int:
            nonlocal conversations
            summary, body = TOPICS[topic if topic is not None else rng.randrange(len(TOPICS))]
            notes = " ".join(x for x in (body, rng.choice(NOTES_EXTRA)) if x)
            result = log_conversation(
                [PersonRef(id=ids[n]) for n in names],
                when=when(days),
                channel=rng.choices(channels, weights)[0],
                summary=summary,
                notes=notes,
                clock=clock,
                **extra,
            )
            conversations += 1
            return result.conversation_id

        # Background: conversations over the last six months, more of them recently.
        for _ in range(64):
            days = int(rng.triangular(1, 180, 20))
            first = rng.choice(regulars)
            names = [first]
            colleagues = [n for n in regulars if n != first and organisation_of[n] == organisation_of[first]]
            if colleagues and organisation_of[first] and rng.random() < 0.2:
                names.append(rng.choice(colleagues))
            log(names, days)

        # Offered introductions, one or more in every stage of the pipeline.
        offers = [
            # introducer, target (name or description), days ago offered, [(stage, days ago)]
            ("Priya Raman", "Tomás Echeverría", 16, [(Stage.ASKED, 12), (Stage.INTRODUCED, 9), (Stage.MET, 6), (Stage.THANKED, 5)]),
            ("Aiko Tanaka", "Nadia Haddad", 11, [(Stage.ASKED, 9)]),
            ("Hannah Okafor", "Peter Hughes", 6, [(Stage.ASKED, 4), (Stage.INTRODUCED, 2)]),
            ("Mei Chen", "Daniel Novak", 5, []),
            ("Grace Mbeki", "Claire Bennett", 1, []),
            ("Elena Petrova", "Yusuf Kaya", 9, [(Stage.ASKED, 8), (Stage.INTRODUCED, 6), (Stage.MET, 1)]),
            ("Dana Whitfield", "her former co-founder, now CTO at a climate startup", 4, []),
            ("Sofia Marchetti", "Zoe Papadopoulos", 40, [(Stage.DECLINED, 30)]),
            ("Lucas Ferreira", "someone on the engine team at a bigger studio", 75, [(Stage.ASKED, 70), (Stage.LAPSED, 30)]),
            ("Chloé Dubois", "Arjun Mehta", 120, [(Stage.ASKED, 115), (Stage.INTRODUCED, 110), (Stage.MET, 100), (Stage.THANKED, 99)]),
            ("Ingrid Solberg", "Mateo Rossi", 3, [(Stage.ASKED, 0)]),
        ]
        for introducer, target, offered, moves in offers:
            described = target not in ids
            ref = PersonRef.named(target) if described else PersonRef(id=ids[target])
            result = log_conversation(
                [PersonRef(id=ids[introducer])],
                when=when(offered),
                channel=rng.choices(channels, weights)[0],
                summary="Offered an introduction",
                notes=f"{introducer} offered to introduce me to {target}. "
                + rng.choice(["Send a short blurb first.", "Said to mention the platform work.", ""]),
                offers=[OfferDraft(ref, target_is_description=described)],
                clock=clock,
            )
            conversations += 1
            intro_id = result.introduction_ids[0]
            for stage, days in moves:
                introductions.advance(intro_id, stage, clock=clock, on=ago(days))
                if stage is Stage.MET and not described:
                    log([target], days, topic=2)

        # Next steps of your own: overdue, due today, coming up and already done.
        steps = [
            ("Marcus Oyelaran", "Send Marcus the write-up on the ingestion redesign", 5, -3),
            ("Fatima Zahra", "Update the CV with the outcomes Fatima suggested", 8, -1),
            ("Samuel Adeyemi", "Share the payments-latency article with Samuel", 3, 0),
            ("Liam O'Brien", "Reply to Liam about the Fernwood role", 2, 0),
            ("Kwame Asante", "Book a call with Kwame about product-minded engineering", 6, 2),
            ("Jonas Lindqvist", "Watch Jonas's talk recording and send feedback", 4, 6),
            ("Isabel Moreno", "Prepare questions for the design-systems panel", 1, 12),
            ("Rebecca Stone", "Send Rebecca the reference summary", 20, -12),
        ]
        for name, text, days, due_in in steps:
            log([name], days, next_steps=[StepDraft(text, today + dt.timedelta(days=due_in))])
        log(["Oliver Grant"], 14, next_steps=[StepDraft("Lend Oliver the book on negotiation", ago(10))])
        finished = next_steps.add("Thank Ben for the portfolio feedback", person_id=ids["Ben Carter"], due=ago(20), clock=clock)
        next_steps.complete(finished, clock=clock)

        # Keep-in-touch cadences: some due now, some later.
        cadences = {
            "Dana Whitfield": 30,
            "Hannah Okafor": 60,
            "Aiko Tanaka": 91,
            "Grace Mbeki": 60,
            "Fatima Zahra": 30,
            "Oliver Grant": 14,
            "Anna Kowalski": 30,
            "Noah Fischer": 30,
            "Ravi Deshpande": 91,
            "Victor Lam": 14,
        }
        for name, days in cadences.items():
            people.set_cadence(ids[name], days, clock=clock)
        # Everyone with a cadence has been in touch at least once, some of them long enough ago.
        for name, days in (("Anna Kowalski", 45), ("Noah Fischer", 31), ("Victor Lam", 21), ("Ravi Deshpande", 95)):
            log([name], days)

        _people_over_time(ids, today)

    return DemoSummary(
        Person.select().count(), conversations, Introduction.select().count(), NextStep.select().count()
    )


# Birthdays: name, days from today (negative: passed this year), year born or None.
BIRTHDAYS = [
    ("Hannah Okafor", 0, 1988),
    ("Oliver Grant", 3, None),
    ("Dana Whitfield", 6, 1979),
    ("Priya Raman", 40, 1986),
    ("Fatima Zahra", -20, None),
    ("Lucas Ferreira", 120, 1990),
    ("Mei Chen", -90, 1994),
]
STREETS = ["14 Calder Street", "Lindenstraße 8", "Prinsengracht 212", "Rua das Flores 31", "3 Quay Road"]
POSTCODES = ["EC1V 2NX", "10969", "1016 HG", "1200-195", "D02 X285"]


def _people_over_time(ids: dict[str, int], today: dt.date) -> None:
    """Dates that matter, addresses, a nickname, a relation and two recent job changes."""
    for name, days, year in BIRTHDAYS:
        day = today + dt.timedelta(days=days)
        if day.month == 2 and day.day == 29:
            day -= dt.timedelta(days=1)
        PersonDate.create(person=ids[name], kind="birthday", month=day.month, day=day.day, year=year)
    married = today + dt.timedelta(days=2)
    PersonDate.create(person=ids["Chloé Dubois"], kind="anniversary", month=married.month, day=married.day, year=2015)
    PersonDate.create(person=ids["Ingrid Solberg"], kind="birthday", month=2, day=29, year=1984)
    joined = today + dt.timedelta(days=5)
    PersonDate.create(
        person=ids["Samuel Adeyemi"], kind="work_anniversary", label="Joined Meridian", month=joined.month,
        day=joined.day, year=today.year - 5,
    )
    for index, name in enumerate(["Dana Whitfield", "Hannah Okafor", "Oliver Grant", "Aiko Tanaka", "Grace Mbeki"]):
        city = Person.get_by_id(ids[name]).location
        Address.create(person=ids[name], label="home" if index % 2 else "work", street=STREETS[index],
                       postcode=POSTCODES[index], locality=city if city != "Remote" else "London")
    Person.update(nickname="Tom").where(Person.id == ids["Tomás Echeverría"]).execute()
    Relation.create(person=ids["Chloé Dubois"], kind="spouse", name="Samuel Adeyemi", other=ids["Samuel Adeyemi"])
    jobs.record_change(ids["Marcus Oyelaran"], "Sparrow AI", "Head of Data", on=today - dt.timedelta(days=2))
    jobs.record_change(ids["Jonas Lindqvist"], "", "Distinguished Engineer", on=today - dt.timedelta(days=9))


def new_demo_folder() -> Path:
    """A fresh private temporary folder for a demo journal (the caller removes it)."""
    return Path(tempfile.mkdtemp(prefix="contact-journal-demo-"))


def create_demo_journal(directory: Path | None = None, *, clock: Clock = SYSTEM_CLOCK):
    """Open a new throwaway journal (in a fresh temporary folder unless given) and fill it.

    Returns (path, database); the caller closes the database and removes the folder.
    """
    from journal.store.db import open_journal

    folder = Path(directory) if directory is not None else new_demo_folder()
    path = folder / DEMO_FILENAME
    database = open_journal(path)
    populate(clock=clock)
    from journal.services.upkeep.demo_seen import add_contact_seen

    add_contact_seen(folder, clock=clock)
    return path, database
