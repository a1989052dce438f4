"""Child process of the crash test: logs conversations until it is killed.

    python crash_child.py JOURNAL ROUND

Prints "ready" once the journal is open, then the id of each conversation as soon as its
transaction has committed. Each conversation brings a new person, an offered introduction and
a next step, so a torn transaction would show as a conversation missing some of them.
"""

from __future__ import annotations

import datetime as dt
import sys

from journal.clock import FixedClock
from journal.services.conversations.records import OfferDraft, PersonRef, StepDraft, log_conversation
from journal.store.db import open_journal


def main(path: str, round_number: int) -> None:
    clock = FixedClock(dt.datetime(2026, 3, 11, 9, 30))
    open_journal(path)
    print("ready", flush=True)
    count = 0
    while True:
        count += 1
        result = log_conversation(
            [PersonRef.named(f"Person {round_number}-{count}"), PersonRef.named("Dana Smith")],
            summary=f"Round {round_number}, conversation {count}. " + "notes " * 50,
            offers=[OfferDraft(PersonRef.named(f"Target {round_number}-{count}"))],
            next_steps=[StepDraft(f"Follow up {round_number}-{count}", clock.today())],
            clock=clock,
        )
        print(result.conversation_id, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
