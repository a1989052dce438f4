"""A real IMAP server for the scan tests: Debian's Dovecot (`dovecot-imapd`), started with a
configuration of its own in the test's folder, listening for IMAPS on 127.0.0.1 on a free port
with a self-signed certificate, one user with a password, and a Maildir the test fills with
Python's `mailbox` module. Dovecot's master process wants to start as root (it drops to the
mail user itself), as CI runs; elsewhere the fixture skips and says why."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tests.sync.servers import free_port, self_signed_certificate

START_TIMEOUT = 15.0
USER = "dana"


class DovecotUnavailable(RuntimeError):
    """Dovecot cannot run here: the message says why."""


@dataclass
class Dovecot:
    port: int
    user: str
    password: str
    maildir: Path  # the user's Maildir: add messages with mailbox.Maildir(maildir)
    ca_file: Path
    folder: Path
    process: subprocess.Popen

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def log_tail(self, lines: int = 10) -> str:
        path = self.folder / "dovecot.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def start_dovecot(folder: Path, password: str) -> Dovecot:
    binary = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)
    if binary is None:
        raise DovecotUnavailable("dovecot is not installed (Debian: apt-get install dovecot-imapd)")
    if os.geteuid() != 0:
        raise DovecotUnavailable("Dovecot's master process must start as root")
    import pwd

    try:
        mail_user = pwd.getpwnam("dovecot")
        pwd.getpwnam("dovenull")
    except KeyError:
        raise DovecotUnavailable("the dovecot and dovenull system users are missing") from None
    folder.mkdir(parents=True, exist_ok=True)
    home = folder / "home" / USER
    maildir = home / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    cert, key = self_signed_certificate(folder)
    users = folder / "users"
    users.write_text(f"{USER}:{{PLAIN}}{password}\n", encoding="utf-8")
    port = free_port()
    config = folder / "dovecot.conf"
    config.write_text("\n".join([
        "protocols = imap",
        "listen = 127.0.0.1",
        f"base_dir = {folder / 'run'}",
        f"state_dir = {folder / 'state'}",
        f"log_path = {folder / 'dovecot.log'}",
        f"info_log_path = {folder / 'dovecot.log'}",
        "ssl = required",
        f"ssl_cert = <{cert}",
        f"ssl_key = <{key}",
        "auth_mechanisms = plain login",
        "disable_plaintext_auth = yes",
        f"passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {users}\n}}",
        f"userdb {{\n  driver = static\n  args = uid={mail_user.pw_uid} gid={mail_user.pw_gid} home={folder / 'home'}/%u\n}}",
        "mail_location = maildir:~/Maildir",
        f"first_valid_uid = {mail_user.pw_uid}",
        f"first_valid_gid = {mail_user.pw_gid}",
        "default_internal_user = dovecot",
        "default_login_user = dovenull",
        f"service imap-login {{\n  inet_listener imap {{\n    port = 0\n  }}\n  inet_listener imaps {{\n    port = {port}\n    ssl = yes\n  }}\n}}",
        "service anvil {\n  chroot =\n}",
        "service auth {\n  user = root\n}",
        "service auth-worker {\n  user = root\n}",
        "service imap-login {\n  chroot =\n}",
        "", ]), encoding="utf-8")
    _let_mail_user_through(folder)
    _give_to(folder / "home", mail_user)
    process = subprocess.Popen([binary, "-F", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Dovecot(port, USER, password, maildir, cert, folder, process)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode(errors="replace").strip() if process.stderr else ""
            raise DovecotUnavailable(f"dovecot exited: {error[-300:] or server.log_tail()}")
        if _port_open(port):
            return server
        time.sleep(0.05)
    server.stop()
    raise DovecotUnavailable(f"dovecot did not listen within {START_TIMEOUT:.0f} s: {server.log_tail()}")


def _let_mail_user_through(folder: Path) -> None:
    """The mail processes run as the dovecot user: let it pass through (search, not list) the
    test's private folders down to the mail home."""
    path = folder.resolve()
    for parent in [path, *path.parents]:
        if parent == Path("/tmp") or parent == parent.parent:
            break
        mode = parent.stat().st_mode & 0o777
        if not mode & 0o001:
            os.chmod(parent, mode | 0o001)


def _give_to(path: Path, mail_user) -> None:
    for root, _dirs, files in os.walk(path):
        os.chown(root, mail_user.pw_uid, mail_user.pw_gid)
        for name in files:
            os.chown(os.path.join(root, name), mail_user.pw_uid, mail_user.pw_gid)


def own_maildir(server: Dovecot) -> None:
    """Give what the test wrote in the Maildir to the mail user, as Dovecot expects."""
    import pwd

    _give_to(server.maildir, pwd.getpwnam("dovecot"))
