"""Run Radicale for the sync tests from a config file, with fsync turned off.

Radicale fsyncs every write, which makes each PUT cost tens of milliseconds on a busy test
machine; `_filesystem_fsync` is an internal option a config file may not set, so this script
loads the file and sets it the way Radicale's own code does, then serves as ``python -m
radicale`` would (SIGTERM shuts it down cleanly).

    python tests/sync/radicale_server.py CONFIG
"""

from __future__ import annotations

import signal
import socket
import sys

from lifetime import end_with_parent  # beside this script (see lifetime.py)


def main(argv: list[str]) -> int:
    end_with_parent()
    from radicale import config, log, server

    log.setup()
    configuration = config.load([(argv[0], False)])
    configuration.update({"storage": {"_filesystem_fsync": "False"}}, "the sync tests", privileged=True)
    log.set_level(
        configuration.get("logging", "level"),
        configuration.get("logging", "backtrace_on_debug"),
        configuration.get("logging", "trace_filter"),
    )
    shutdown, shutdown_out = socket.socketpair()

    def stop(signal_number, frame):
        shutdown.close()

    for signal_number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signal_number, stop)
    server.serve(configuration, shutdown_out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
