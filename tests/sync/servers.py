"""Real CardDAV/CalDAV servers for the sync tests, each in a subprocess on 127.0.0.1.

- **Radicale** (``radicale_server.py``: ``python -m radicale`` without fsync) with htpasswd "plain" authentication for the user
  "dana", storage in a fresh temporary directory (``https`` with a given certificate when
  asked). The principal is ``/dana/`` and is both the address book home and the calendar home
  (collections sit side by side there). No collections exist until one is made.
  ``/.well-known/carddav`` and ``/.well-known/caldav`` answer 301 to ``/``. MKCOL/MKCALENDAR on
  a name that exists answers 409 (not RFC 4918's 405). It takes any component set in
  MKCALENDAR, VJOURNAL included, and stores VJOURNAL items. sync-collection is supported; its
  tokens are ``http://radicale.org/ns/sync/<hash>`` and an unknown token gets 403 with
  ``<valid-sync-token/>``. A report from an empty token does not list the collection itself,
  but does list items deleted earlier, as 404s. ETags are strong (``"<sha256>"``) and the PUT
  answer carries the same one the reports give. A card it cannot parse gets 400; a second
  href with a UID already used gets 409 ``<no-uid-conflict/>``.
- **Xandikos** (fsync off, as for Radicale) has no authentication of its own (its --htpasswd needs TLS), so
  ``xandikos_auth.py`` beside this file serves its WSGI application with wsgiref behind a
  Basic-auth check of ours and the 302 redirect of the well-known paths to ``/`` that its own
  server makes (PROPFIND must be re-sent as PROPFIND, not turned into GET). Xandikos reads a
  request body to its end, so the wrapper hands it exactly Content-Length bytes. Principal
  ``/dana/``, address book home ``/dana/contacts/``, calendar home ``/dana/calendars/``; the
  defaults ``addressbook`` and ``calendar`` exist from the start, beside ``inbox``/``outbox``
  scheduling collections that are not calendars. MKCALENDAR with VJOURNAL is taken and kept
  in supported-calendar-component-set. sync-collection is supported (tokens are git commit
  ids); an unknown token gets 412. ETags are strong, quoted git blob ids (two identical bodies
  share one). hrefs in a multistatus are full URLs (``http://127.0.0.1:PORT/dana/...``). A
  PROPFIND of a missing collection answers 207 with a 404 inside. A card it cannot parse gets
  412 with ``<valid-address-data/>`` (a precondition, not an ETag mismatch); it does not refuse
  a UID used at another href. wsgiref speaks HTTP/1.0, so every request opens a connection.
- Both: a body inside XML (multiget) comes back with LF line ends (XML normalises CRLF).

The behaviour noted here is checked by tests/sync/test_webdav.py where it matters.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
START_TIMEOUT = 20.0  # seconds a server gets to open its port; polled, never slept on in a test
USER = "dana"


class ServerStartError(RuntimeError):
    """A server could not start: the message says why (with the end of its log)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.2)
        try:
            sock.connect(("127.0.0.1", port))
        except OSError:
            return False
        return True


@dataclass
class DavServer:
    kind: str  # "radicale" | "xandikos"
    url: str  # the root, "http://127.0.0.1:PORT/"
    user: str
    password: str
    port: int
    data_dir: Path
    process: subprocess.Popen | None = None
    log_path: Path = field(default=Path())
    principal: str = ""  # "/dana/"
    tls: tuple[Path, Path] | None = None  # (certificate, key): Radicale serves https with them

    # --- lifecycle ---------------------------------------------------------------------------

    def _command(self) -> tuple[list[str], dict[str, str]]:
        env = dict(os.environ)
        env.pop("XANDIKOS_TEST_PASSWORD", None)
        if self.kind == "radicale":
            config = self.data_dir / "radicale.conf"
            htpasswd = self.data_dir / "users"
            htpasswd.write_text(f"{self.user}:{self.password}\n", encoding="utf-8")
            config.write_text(
                "\n".join(
                    [
                        "[server]",
                        f"hosts = 127.0.0.1:{self.port}",
                        "delay_on_error = 0",
                        *(["ssl = True", f"certificate = {self.tls[0]}", f"key = {self.tls[1]}"] if self.tls else []),
                        "[auth]",
                        "type = htpasswd",
                        f"htpasswd_filename = {htpasswd}",
                        "htpasswd_encryption = plain",
                        "delay = 0",
                        "[rights]",
                        "type = owner_only",
                        "[storage]",
                        f"filesystem_folder = {self.data_dir / 'collections'}",
                        "[web]",
                        "type = none",
                        "[logging]",
                        "level = warning",
                        "",
                    ]
                ),
                encoding="utf-8",
            )
            # radicale_server.py serves like `python -m radicale --config FILE`, without fsync:
            # a killed server's writes are still in the page cache, only a crash of the
            # machine would lose them, and each PUT costs a few ms instead of tens.
            return [sys.executable, str(HERE / "radicale_server.py"), str(config)], env
        if self.kind == "xandikos":
            env["XANDIKOS_TEST_PASSWORD"] = self.password
            script = HERE / "xandikos_auth.py"
            return [
                sys.executable,
                str(script),
                "--directory",
                str(self.data_dir / "store"),
                "--port",
                str(self.port),
                "--user",
                self.user,
            ], env
        raise ValueError(self.kind)

    def launch(self) -> DavServer:
        """Start the process without waiting for it (see wait_ready)."""
        if self.process is not None and self.process.poll() is None:
            return self
        command, env = self._command()
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child writes to it; closed when it ends
        try:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=self.data_dir
            )
        finally:
            log.close()
        return self

    def wait_ready(self, timeout: float = START_TIMEOUT) -> DavServer:
        """Poll the port until the server listens; ServerStartError if it exits or takes too long."""
        if self.process is None:
            raise ServerStartError(f"{self.kind} was not started")
        deadline = time.monotonic() + timeout
        while not _port_open(self.port):
            if self.process.poll() is not None:
                raise ServerStartError(f"{self.kind} exited with {self.process.returncode}: {self.log_tail()}")
            if time.monotonic() > deadline:
                self.kill()
                raise ServerStartError(
                    f"{self.kind} did not open port {self.port} within {timeout:g} s: {self.log_tail()}"
                )
            time.sleep(0.01)  # polling the port of a starting server, inside the fixture
        return self

    def start(self, timeout: float = START_TIMEOUT) -> DavServer:
        return self.launch().wait_ready(timeout)

    def log_tail(self, lines: int = 8) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return " | ".join(text.strip().splitlines()[-lines:]) or "(empty log)"

    def stop(self) -> None:
        """Terminate the server (then kill it if it lingers) and wait for it."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def kill(self) -> None:
        """SIGKILL the server, as a crash would, and wait until it is gone."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=5)

    def restart(self) -> DavServer:
        """Stop it and start it again on the same port with the same data."""
        self.stop()
        return self.start()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


def new_server(
    kind: str, base_dir: Path, password: str, *, user: str = USER, tls: tuple[Path, Path] | None = None
) -> DavServer:
    """A server on a free port with its data in base_dir/kind, not started yet."""
    data_dir = base_dir / kind
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = DavServer(
        kind=kind,
        url=f"{'https' if tls else 'http'}://{'localhost' if tls else '127.0.0.1'}:{port}/",
        user=user,
        password=password,
        port=port,
        data_dir=data_dir,
        log_path=data_dir / "server.log",
        principal=f"/{user}/",
        tls=tls,
    )
    if tls and kind != "radicale":
        raise ValueError("only the Radicale fixture serves https")
    return server


def start_server(
    kind: str, base_dir: Path, password: str, *, user: str = USER, tls: tuple[Path, Path] | None = None
) -> DavServer:
    """A running server (ServerStartError if it cannot start)."""
    return new_server(kind, base_dir, password, user=user, tls=tls).start()


def self_signed_certificate(directory: Path, hostname: str = "localhost") -> tuple[Path, Path]:
    """A self-signed certificate for `hostname` (and 127.0.0.1) that is its own CA, so that it
    can be given as the CA file: (certificate path, key path). Needs `cryptography`."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    now = dt.datetime.now(dt.UTC)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName(hostname), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    directory.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


class ServerPool:
    """Hands out a fresh server per test while the next one of each kind is already starting,
    so a test waits for an import of Radicale or Xandikos only the first time. Every server
    handed out is used by one test only and has data of its own."""

    def __init__(self, make_dir, password: str) -> None:
        self._make_dir = make_dir  # kind -> a new empty directory
        self._password = password
        self._spares: dict[str, DavServer] = {}

    def _spawn(self, kind: str) -> DavServer:
        return new_server(kind, self._make_dir(kind), self._password).launch()

    def take(self, kind: str) -> DavServer:
        server = self._spares.pop(kind, None) or self._spawn(kind)
        try:
            server.wait_ready()
        finally:
            try:
                self._spares[kind] = self._spawn(kind)
            except OSError:  # pragma: no cover - the next take() starts one itself
                pass
        return server

    def close(self) -> None:
        for server in self._spares.values():
            server.kill()
        self._spares.clear()


def raw_request(
    server: DavServer,
    method: str,
    path: str,
    body: str | bytes | None = None,
    headers: dict[str, str] | None = None,
    *,
    auth: tuple[str, str] | None = None,
) -> requests.Response:
    """One plain WebDAV request to the server as another client (a phone) would send it; `path`
    is relative to the root ("/dana/contacts/x.vcf")."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    headers = dict(headers or {})
    if data is not None and data.lstrip().startswith(b"<") and not any(k.lower() == "content-type" for k in headers):
        headers["Content-Type"] = 'application/xml; charset="utf-8"'
    return requests.request(
        method,
        server.url.rstrip("/") + "/" + path.lstrip("/"),
        data=data,
        headers=headers,
        auth=tuple(part.encode("utf-8") for part in (auth or (server.user, server.password))),
        timeout=30,
        allow_redirects=False,
    )
