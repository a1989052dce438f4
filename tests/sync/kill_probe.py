"""Run one sync round in this process and kill it with SIGKILL at a chosen moment:
`python -m tests.sync.kill_probe JOURNAL URL USER POINT N` (the password in
CONTACT_JOURNAL_SYNC_PASSWORD). POINT is "put" (after the N-th upload has reached the server),
"fetch" (after the N-th batch of downloads) or "delete"."""

from __future__ import annotations

import os
import signal
import sys

from journal.services.sync import engine
from journal.services.sync.webdav import DavClient
from journal.store.db import open_journal


class _Killing(DavClient):
    def __init__(self, *args, point: str, after: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.point, self.after, self.seen = point, after, 0

    def _count(self, point: str) -> None:
        if point == self.point:
            self.seen += 1
            if self.seen >= self.after:
                os.kill(os.getpid(), signal.SIGKILL)

    def put(self, *args, **kwargs):
        etag = super().put(*args, **kwargs)
        self._count("put")
        return etag

    def multiget(self, *args, **kwargs):
        found = super().multiget(*args, **kwargs)
        self._count("fetch")
        return found

    def delete(self, *args, **kwargs):
        super().delete(*args, **kwargs)
        self._count("delete")


def main() -> None:
    path, url, user, point, after = sys.argv[1:6]
    password = os.environ["CONTACT_JOURNAL_SYNC_PASSWORD"]
    open_journal(path)
    client = _Killing(url, user, password, point=point, after=int(after))
    engine.sync(password, client=client)
    print("finished without being killed")


if __name__ == "__main__":
    main()
