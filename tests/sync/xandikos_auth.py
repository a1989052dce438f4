"""Serve Xandikos on 127.0.0.1 behind HTTP Basic authentication, for the sync tests.

Xandikos leaves authentication to a reverse proxy (its own --htpasswd insists on TLS), so this
script plays that proxy in the same process: it checks the user name and password, passes the
request on to Xandikos' WSGI application with REMOTE_USER set, and redirects
/.well-known/carddav and /.well-known/caldav to / the way Xandikos' own server does (302).

    python tests/sync/xandikos_auth.py --directory DIR --port PORT --user dana
    (the password comes from the environment variable XANDIKOS_TEST_PASSWORD)
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hmac
import io
import logging
import os
import sys
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from lifetime import end_with_parent  # beside this script (see lifetime.py)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def _challenge(start_response, message: bytes = b"Please log in.\n"):
    start_response(
        "401 Unauthorized",
        [
            ("WWW-Authenticate", 'Basic realm="Xandikos test"'),
            ("Content-Type", "text/plain"),
            ("Content-Length", str(len(message))),
        ],
    )
    return [message]


def make_app(directory: str, user: str, password: str):
    from xandikos.web import SingleUserFilesystemBackend, XandikosApp

    principal = f"/{user}/"
    os.makedirs(directory, exist_ok=True)
    backend = SingleUserFilesystemBackend(os.path.abspath(directory))
    backend._mark_as_principal(principal)
    if not backend.get_resource(principal):
        backend.create_principal(principal, create_defaults=True)
    dav = XandikosApp(backend, principal)
    expected = f"{user}:{password}".encode()

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.rstrip("/") in ("/.well-known/carddav", "/.well-known/caldav"):
            start_response("302 Found", [("Location", "/"), ("Content-Length", "0")])
            return [b""]
        scheme, _, encoded = environ.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() != "basic":
            return _challenge(start_response)
        try:
            given = base64.b64decode(encoded.strip(), validate=True)
        except (binascii.Error, ValueError):
            return _challenge(start_response)
        if not hmac.compare_digest(given, expected):
            return _challenge(start_response)
        environ["REMOTE_USER"] = user
        # wsgiref hands over the socket itself, and Xandikos reads its body to the end: give it
        # exactly the request's bytes, as a server that honours Content-Length would.
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        environ["wsgi.input"] = io.BytesIO(environ["wsgi.input"].read(length) if length > 0 else b"")
        return dav(environ, start_response)

    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--directory", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", default="dana")
    options = parser.parse_args(argv)
    end_with_parent()
    logging.basicConfig(level=logging.WARNING)
    password = os.environ.get("XANDIKOS_TEST_PASSWORD", "")
    # Dulwich fsyncs every object of every commit (one per PUT). A test server needs its writes
    # to outlive the process, not a crash of the machine: the page cache is enough.
    os.fsync = lambda fd: None
    app = make_app(options.directory, options.user, password)
    WSGIServer.allow_reuse_address = True
    with make_server("127.0.0.1", options.port, app, server_class=WSGIServer, handler_class=_QuietHandler) as server:
        print(f"serving on 127.0.0.1:{options.port}", flush=True)
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
