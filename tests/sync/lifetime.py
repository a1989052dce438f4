"""What the test servers' own scripts (radicale_server.py, xandikos_auth.py) share: ending with
the test run that started them. They are run as scripts, so this sits beside them on sys.path."""

from __future__ import annotations

import os
import signal
import sys


def end_with_parent() -> None:
    """On Linux, ask for SIGTERM when the test run that started this server dies, so that a
    run killed outright leaves no server listening on a port."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent is already gone
            sys.exit(1)
