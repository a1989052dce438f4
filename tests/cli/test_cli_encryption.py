"""The command line on an encrypted journal: where the passphrase comes from, `encrypt`,
`decrypt` and `passphrase`, and every other verb given (or not given) the passphrase."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from journal import cli as cli_module
from journal.errors import JournalError

PASSPHRASE = "correct horse battery staple"
OTHER = "tr0ub4dor & 3"
NAME, NOTE, EMAIL = "Dana Smith", "Plans a move to Lisbon in May", "dana.smith@example.org"


@pytest.fixture(autouse=True)
def _no_passphrase_in_the_environment(monkeypatch):
    monkeypatch.delenv("CONTACT_JOURNAL_PASSPHRASE", raising=False)
    monkeypatch.delenv("CONTACT_JOURNAL_NEW_PASSPHRASE", raising=False)


def no_terminal(monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)

    def never(prompt=""):
        raise AssertionError(f"asked {prompt!r} without a terminal")

    monkeypatch.setattr("getpass.getpass", never)


def terminal(monkeypatch, *typed: str) -> list[str]:
    """Standard input is a terminal and the user types `typed`, one answer per prompt; returns
    the prompts asked."""
    prompts: list[str] = []
    answers = list(typed)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)

    def getpass(prompt=""):
        prompts.append(prompt)
        if not answers:
            raise AssertionError(f"asked {prompt!r} once more than expected")
        return answers.pop(0)

    monkeypatch.setattr("getpass.getpass", getpass)
    return prompts


def written(path: Path) -> Path:
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


class Args:
    def __init__(self, passphrase_file=None) -> None:
        self.passphrase_file = passphrase_file


# --- where the passphrase comes from ----------------------------------------------------------


def test_a_passphrase_file_gives_its_first_line_without_the_line_ending(tmp_path):
    file = tmp_path / "pass"
    for content, expected in (
        (b"  spaced out  \nsecond line\n", "  spaced out  "),
        (b"windows line\r\nnext\r\n", "windows line"),
        (b"no newline at all", "no newline at all"),
        ("\ufeffnotepad's mark\n".encode(), "notepad's mark"),
        ("pässwörd ✓\n".encode(), "pässwörd ✓"),
    ):
        file.write_bytes(content)
        assert cli_module.read_passphrase_file(file) == expected


@pytest.mark.parametrize("content", [b"", b"\n", b"\r\nsecret on the second line\n"])
def test_an_empty_passphrase_file_is_one_line(tmp_path, content):
    file = tmp_path / "pass"
    file.write_bytes(content)
    with pytest.raises(JournalError) as caught:
        cli_module.read_passphrase_file(file)
    assert str(caught.value) == f"--passphrase-file {file}: its first line is empty; it must hold the passphrase."


def test_a_missing_folder_or_unreadable_passphrase_file_is_one_line(tmp_path):
    with pytest.raises(JournalError, match="^--passphrase-file .*missing: there is no such file.$"):
        cli_module.read_passphrase_file(tmp_path / "missing")
    with pytest.raises(JournalError, match="is a folder; it must be a file whose first line is the passphrase.$"):
        cli_module.read_passphrase_file(tmp_path)
    latin = tmp_path / "latin-1"
    latin.write_bytes("pässwörd\n".encode("latin-1"))
    with pytest.raises(JournalError, match="latin-1 is not UTF-8 text.$"):
        cli_module.read_passphrase_file(latin, "--new-passphrase-file")
    if os.geteuid() != 0:  # root reads any file
        locked = written(tmp_path / "locked")
        locked.chmod(0)
        with pytest.raises(JournalError, match=r"locked cannot be read \(permission denied\).$"):
            cli_module.read_passphrase_file(locked)


def test_the_environment_comes_before_the_file_and_the_file_before_the_terminal(monkeypatch, tmp_path):
    journal = tmp_path / "journal.sqlite3"
    file = tmp_path / "pass"
    file.write_text("from the file\n", encoding="utf-8")
    prompts = terminal(monkeypatch, "typed")
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", "from the environment")
    assert cli_module.journal_passphrase(Args(file), journal) == "from the environment"
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", "")  # set but empty: not given
    assert cli_module.journal_passphrase(Args(file), journal) == "from the file"
    assert cli_module.journal_passphrase(Args(), journal) == "typed"
    assert prompts == ["Passphrase for journal.sqlite3: "]
    # the file is read even on a terminal, and one that is not there is not a reason to ask
    with pytest.raises(JournalError, match="no such file"):
        cli_module.journal_passphrase(Args(tmp_path / "missing"), journal)
    assert len(prompts) == 1


def test_without_a_passphrase_or_a_terminal_the_line_says_what_to_do(monkeypatch, tmp_path):
    no_terminal(monkeypatch)
    journal = tmp_path / "journal.sqlite3"
    with pytest.raises(JournalError) as caught:
        cli_module.journal_passphrase(Args(), journal)
    assert str(caught.value) == (
        f"{journal} is encrypted: set CONTACT_JOURNAL_PASSPHRASE, pass --passphrase-file FILE or run it on a terminal."
    )


def test_nothing_typed_at_the_prompt_is_refused(monkeypatch, tmp_path):
    terminal(monkeypatch, "")
    with pytest.raises(JournalError, match="^No passphrase was given; nothing was changed.$"):
        cli_module.journal_passphrase(Args(), tmp_path / "journal.sqlite3")


def new(path: Path, file: Path | None = None) -> str:
    return cli_module.new_passphrase(
        path, env="CONTACT_JOURNAL_NEW_PASSPHRASE", file=file, option="--new-passphrase-file"
    )


def test_a_new_passphrase_is_asked_twice_and_must_match(monkeypatch, tmp_path):
    journal = tmp_path / "journal.sqlite3"
    prompts = terminal(monkeypatch, PASSPHRASE, PASSPHRASE)
    assert new(journal) == PASSPHRASE
    assert prompts == ["New passphrase for journal.sqlite3: ", "The new passphrase again: "]
    terminal(monkeypatch, PASSPHRASE, PASSPHRASE + " ")
    with pytest.raises(JournalError, match="^The two passphrases differ; nothing was changed.$"):
        new(journal)
    prompts = terminal(monkeypatch, "")
    with pytest.raises(JournalError, match="^No passphrase was given; nothing was changed.$"):
        new(journal)
    assert len(prompts) == 1  # an empty one is refused before it is asked again


def test_a_new_passphrase_from_the_environment_or_a_file_is_not_asked(monkeypatch, tmp_path):
    journal = tmp_path / "journal.sqlite3"
    no_terminal(monkeypatch)
    assert new(journal, written(tmp_path / "new")) == PASSPHRASE
    monkeypatch.setenv("CONTACT_JOURNAL_NEW_PASSPHRASE", OTHER)
    assert new(journal, written(tmp_path / "new")) == OTHER
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", "the current one")  # not the new one's source
    monkeypatch.delenv("CONTACT_JOURNAL_NEW_PASSPHRASE")
    with pytest.raises(JournalError) as caught:
        new(journal)
    assert str(caught.value) == (
        "No new passphrase: set CONTACT_JOURNAL_NEW_PASSPHRASE, pass --new-passphrase-file FILE or run it on a terminal."
    )


# --- the verbs' arguments and refusals on plain journals ---------------------------------------


def test_the_verbs_are_listed_and_take_their_options(cli):
    result = cli("--help", db=None)
    for text in ("encrypt", "decrypt", "passphrase", "--passphrase-file"):
        assert text in result.out
    parsed = cli_module.build_parser().parse_args(
        ["--passphrase-file", "cur", "passphrase", "--new-passphrase-file", "new"]
    )
    assert (parsed.verb, parsed.passphrase_file, parsed.new_passphrase_file) == ("passphrase", Path("cur"), Path("new"))


def test_converting_no_journal_is_one_line_and_creates_none(cli, refused, journal_path, monkeypatch):
    no_terminal(monkeypatch)
    for verb in ("encrypt", "decrypt", "passphrase"):
        result = cli(verb)
        refused(result)
        assert result.code == 1
        assert result.err == f"contact-journal: no journal at {journal_path} yet\n"
    assert list(journal_path.parent.iterdir()) == []


def folder_state(folder: Path) -> dict:
    """Every file under `folder` (backups too) with its bytes and modification time."""
    return {
        p.relative_to(folder): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def plain(cli, journal_path, tmp_path):
    """A plain journal holding a name, a note and an e-mail, with two backups (the daily one
    and a manual one); closed."""
    card = tmp_path / "dana.vcf"
    card.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{NAME}\r\nEMAIL:{EMAIL}\r\nEND:VCARD\r\n", encoding="utf-8")
    assert cli("import", "vcard", str(card)).code == 0
    card.unlink()
    assert cli("log", "--with", NAME, "--note", NOTE).code == 0
    assert cli("backup").code == 0
    return journal_path


def test_decrypt_and_passphrase_refuse_a_plain_journal(cli, refused, plain, monkeypatch, tmp_path):
    no_terminal(monkeypatch)
    before = folder_state(tmp_path)
    result = cli("decrypt")
    refused(result)
    assert result.err == f"contact-journal: {plain} is not encrypted; there is nothing to decrypt.\n"
    result = cli("passphrase")
    refused(result)
    assert result.err == f"contact-journal: {plain} is not encrypted; `contact-journal encrypt` gives it a passphrase.\n"
    assert folder_state(tmp_path) == before


def test_a_passphrase_given_for_a_plain_journal_is_not_needed(cli, plain, monkeypatch, tmp_path):
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    result = cli("--passphrase-file", str(tmp_path / "missing"), "people")
    assert result.code == 0, result
    assert NAME in result.out


# --- an encrypted journal ----------------------------------------------------------------------


def raw_files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def secrets_in(data: bytes) -> list[str]:
    texts = [NAME, NOTE, EMAIL]
    return [t for t in texts if t.encode("utf-8") in data or t.encode("utf-16-le") in data]


def dump_of(path: Path, **unlock) -> list:
    from journal.store.db import open_journal
    from tests.conftest import dump_journal

    database = open_journal(path, read_only=True, **unlock)  # creates nothing beside it
    try:
        return dump_journal(database)
    finally:
        database.close()


@pytest.fixture
def encrypted(cli, plain, monkeypatch):
    """The plain journal encrypted with PASSPHRASE (given in the environment to encrypt it,
    then taken away again)."""
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    result = cli("encrypt")
    assert result.code == 0, result
    monkeypatch.delenv("CONTACT_JOURNAL_PASSPHRASE")
    return plain


def test_encrypt_from_the_environment_leaves_no_plain_text_in_the_folder(cli, plain, monkeypatch, tmp_path):
    from journal.store import backups

    no_terminal(monkeypatch)
    assert len(backups.list_backups(plain)) == 2  # the daily backup and the manual one
    assert all(secrets_in(data) for path, data in raw_files(tmp_path).items() if path.name == plain.name)
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    result = cli("encrypt")
    assert (result.code, result.out, result.err) == (0, "Encrypted journal.sqlite3 and its 2 backups.\n", "")
    files = raw_files(tmp_path)
    assert plain in files and len([p for p in files if p.parent.name != tmp_path.name]) >= 2
    for path, data in files.items():
        assert secrets_in(data) == [], path
    with pytest.raises(sqlite3.DatabaseError):
        conn = sqlite3.connect(plain)
        try:
            conn.execute("SELECT name FROM person").fetchall()
        finally:
            conn.close()
    listed = cli("people", "--json")
    assert listed.code == 0, listed
    assert [p["name"] for p in json.loads(listed.out)] == [NAME]


def test_every_verb_works_on_an_encrypted_journal_given_its_passphrase(cli, encrypted, monkeypatch, tmp_path):
    no_terminal(monkeypatch)
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    assert NAME in cli("people").out
    result = cli("search", "Lisbon", "--json")
    assert result.code == 0, result
    assert [r["kind"] for r in json.loads(result.out)] == ["conversation"]
    logged = cli("log", "--with", "Lee Park", "--note", "Knows the Lisbon team", "--next", "Write to Lee", "--due", "2026-03-12")
    assert logged.code == 0, logged
    assert "Write to Lee" in cli("agenda").out
    assert cli("check").out == f"{encrypted}: ok\n"
    result = cli("backup")
    assert result.code == 0, result
    out = tmp_path / "out.json"
    assert cli("export", "json", "-o", str(out)).code == 0
    assert "Lee Park" in out.read_text(encoding="utf-8")
    assert cli("scan", "list").code == 0
    assert cli("suggestions").code == 0
    monkeypatch.delenv("CONTACT_JOURNAL_PASSPHRASE")
    file = written(tmp_path / "pass")
    assert "Lee Park" in cli("--passphrase-file", str(file), "people").out
    out.unlink()
    for path, data in raw_files(tmp_path).items():
        assert secrets_in(data) == [], path


READERS = [["people"], ["agenda"], ["search", "Dana"], ["export", "vcard"], ["scan", "list"], ["suggestions"],
           ["account", "list"]]
WRITERS = [["log", "--with", "Lee Park"], ["backup"], ["check"], ["scan", "forget"], ["sync"], ["account", "remove"],
           ["suggestions", "dismiss", "x"], ["import", "vcard", "CARD"], ["import", "vcard", "CARD", "--dry-run"],
           ["restore", "CARD"], ["decrypt"], ["passphrase"]]


@pytest.mark.parametrize("argv", READERS + WRITERS, ids=lambda argv: " ".join(argv))
def test_without_its_passphrase_every_verb_is_one_line_and_writes_nothing(cli, encrypted, monkeypatch, tmp_path, refused, argv):
    no_terminal(monkeypatch)
    card = tmp_path / "lee.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee Park\r\nEND:VCARD\r\n", encoding="utf-8")
    before = folder_state(tmp_path)
    result = cli(*[str(card) if arg == "CARD" else arg for arg in argv])
    refused(result)
    assert result.code == 1
    assert result.err == (
        f"contact-journal: {encrypted} is encrypted: set CONTACT_JOURNAL_PASSPHRASE, pass --passphrase-file FILE "
        "or run it on a terminal.\n"
    )
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("argv", [["people"], ["log", "--with", "Lee Park"], ["backup"], ["check"], ["decrypt"],
                                  ["passphrase"], ["export", "json"]], ids=lambda argv: " ".join(argv))
def test_a_wrong_passphrase_is_one_line_and_leaves_the_folder_as_it_was(cli, encrypted, monkeypatch, tmp_path, refused, argv):
    no_terminal(monkeypatch)
    monkeypatch.setenv("CONTACT_JOURNAL_NEW_PASSPHRASE", OTHER)
    before = folder_state(tmp_path)
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE.upper())
    result = cli(*argv)
    refused(result)
    assert result.err == f"contact-journal: That is not the passphrase of {encrypted}.\n"
    monkeypatch.delenv("CONTACT_JOURNAL_PASSPHRASE")
    wrong = tmp_path.parent / f"{tmp_path.name}-wrong"
    wrong.write_text(PASSPHRASE + " \n", encoding="utf-8")
    result = cli("--passphrase-file", str(wrong), *argv)
    refused(result)
    assert result.err == f"contact-journal: That is not the passphrase of {encrypted}.\n"
    assert folder_state(tmp_path) == before


def test_a_wrong_passphrase_on_the_terminal_is_asked_once(cli, encrypted, monkeypatch, tmp_path, refused):
    before = folder_state(tmp_path)
    prompts = terminal(monkeypatch, "not it")
    refused(cli("log", "--with", "Lee Park"))
    assert prompts == ["Passphrase for journal.sqlite3: "]
    assert folder_state(tmp_path) == before
    prompts = terminal(monkeypatch, PASSPHRASE)
    result = cli("people")
    assert (result.code, prompts) == (0, ["Passphrase for journal.sqlite3: "])
    assert NAME in result.out


def test_encrypt_refuses_an_encrypted_journal_before_asking(cli, encrypted, monkeypatch, tmp_path, refused):
    no_terminal(monkeypatch)
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    before = folder_state(tmp_path)
    result = cli("encrypt")
    refused(result)
    assert result.err == (
        f"contact-journal: {encrypted} is already encrypted; `contact-journal passphrase` changes its passphrase.\n"
    )
    assert folder_state(tmp_path) == before


def test_encrypt_then_decrypt_gives_back_the_same_journal(cli, plain, monkeypatch, tmp_path):
    from journal.store import backups, cipher

    start = dump_of(plain)
    before = {b.name: dump_of(b) for b in backups.list_backups(plain)}
    file = written(tmp_path.parent / f"{tmp_path.name}-pass")
    no_terminal(monkeypatch)
    assert cli("--passphrase-file", str(file), "encrypt").out == "Encrypted journal.sqlite3 and its 2 backups.\n"
    assert cipher.is_encrypted(plain) and all(cipher.is_encrypted(b) for b in backups.list_backups(plain))
    result = cli("--passphrase-file", str(file), "decrypt")
    assert (result.code, result.out, result.err) == (0, "Decrypted journal.sqlite3 and its 2 backups.\n", "")
    assert not cipher.is_encrypted(plain)
    assert dump_of(plain) == start
    assert {b.name: dump_of(b) for b in backups.list_backups(plain)} == before
    result = cli("decrypt")
    assert result.err == f"contact-journal: {plain} is not encrypted; there is nothing to decrypt.\n"


def test_encrypt_on_a_terminal_asks_twice(cli, plain, monkeypatch, tmp_path, refused):
    before = folder_state(tmp_path)
    prompts = terminal(monkeypatch, PASSPHRASE, PASSPHRASE[:-1])
    result = cli("encrypt")
    refused(result)
    assert result.err == "contact-journal: The two passphrases differ; nothing was changed.\n"
    terminal(monkeypatch, "")
    refused(cli("encrypt"))
    assert folder_state(tmp_path) == before
    prompts = terminal(monkeypatch, PASSPHRASE, PASSPHRASE)
    result = cli("encrypt")
    assert (result.code, result.out) == (0, "Encrypted journal.sqlite3 and its 2 backups.\n"), result
    assert prompts == ["New passphrase for journal.sqlite3: ", "The new passphrase again: "]
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    assert NAME in cli("people").out


def test_passphrase_changes_it_for_the_journal_and_its_backups(cli, encrypted, monkeypatch, tmp_path, refused):
    from journal.store import backups

    no_terminal(monkeypatch)
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    new_file = tmp_path.parent / f"{tmp_path.name}-new"
    new_file.write_text(OTHER + "\n", encoding="utf-8")
    result = cli("passphrase", "--new-passphrase-file", str(new_file))
    assert (result.code, result.out, result.err) == (
        0, "Changed the passphrase of journal.sqlite3 and its 2 backups.\n", ""
    )
    refused(cli("people"))  # the old one no longer opens it
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", OTHER)
    assert NAME in cli("people").out
    for backup in backups.list_backups(encrypted):
        assert NAME in repr(dump_of(backup, passphrase=OTHER))
    before = folder_state(tmp_path)
    monkeypatch.setenv("CONTACT_JOURNAL_NEW_PASSPHRASE", OTHER)
    result = cli("passphrase")
    refused(result)
    assert result.err == "contact-journal: The new passphrase is the current one; nothing was changed.\n"
    monkeypatch.delenv("CONTACT_JOURNAL_NEW_PASSPHRASE")
    result = cli("passphrase")
    refused(result)
    assert result.err == (
        "contact-journal: No new passphrase: set CONTACT_JOURNAL_NEW_PASSPHRASE, pass --new-passphrase-file FILE "
        "or run it on a terminal.\n"
    )
    assert folder_state(tmp_path) == before


def test_passphrase_on_a_terminal_checks_the_current_one_before_asking_the_new(cli, encrypted, monkeypatch, tmp_path, refused):
    before = folder_state(tmp_path)
    prompts = terminal(monkeypatch, "not it")
    result = cli("passphrase")
    refused(result)
    assert result.err == f"contact-journal: That is not the passphrase of {encrypted}.\n"
    assert prompts == ["Current passphrase for journal.sqlite3: "]
    assert folder_state(tmp_path) == before
    prompts = terminal(monkeypatch, PASSPHRASE, OTHER, OTHER)
    result = cli("passphrase")
    assert result.out == "Changed the passphrase of journal.sqlite3 and its 2 backups.\n", result
    assert prompts == [
        "Current passphrase for journal.sqlite3: ", "New passphrase for journal.sqlite3: ", "The new passphrase again: "
    ]
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", OTHER)
    assert NAME in cli("people").out


@pytest.mark.parametrize("verb", ["encrypt", "decrypt", "passphrase"])
def test_the_conversions_refuse_a_journal_open_elsewhere_before_asking(cli, encrypted, monkeypatch, tmp_path, refused, verb):
    from journal.store.db import open_journal

    no_terminal(monkeypatch)
    before = folder_state(tmp_path)
    # as the window holds it, having read it (nothing in this process may read its files meanwhile:
    # closing them would drop the connection's locks)
    database = open_journal(encrypted, passphrase=PASSPHRASE)
    database.execute_sql("SELECT count(*) FROM person")
    try:
        result = cli(verb)
    finally:
        database.close()
    refused(result)
    assert result.err == (
        f"contact-journal: {encrypted} is in use (is Contact Journal running?); quit it, then run {verb} again.\n"
    )
    after = folder_state(tmp_path)  # (the journal itself was opened for writing here, as the window does)
    assert after.keys() == before.keys()
    assert {p: after[p] for p in after if p.name != encrypted.name} == {p: before[p] for p in before if p.name != encrypted.name}


def test_encrypt_refuses_a_plain_journal_open_elsewhere(cli, plain, monkeypatch, tmp_path, refused):
    from journal.store.db import open_journal

    no_terminal(monkeypatch)
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    database = open_journal(plain)
    database.execute_sql("SELECT count(*) FROM person")
    try:
        result = cli("encrypt")
        refused(result)
        assert "is in use (is Contact Journal running?)" in result.err
    finally:
        database.close()
    assert secrets_in(plain.read_bytes())


# --- on a real (pseudo-)terminal, in a new process ---------------------------------------------


def on_terminal(journal: Path, *argv: str, answers: list[str]) -> tuple[int, str, str]:
    """Run `python -m journal --db JOURNAL ARGV...` with a pseudo-terminal as its standard
    input, in a session of its own (so it has no controlling terminal and getpass reads the
    pseudo-terminal, writing its prompts on stderr); each answer is typed once its prompt is
    there; nothing typed may be echoed. Returns (exit status, stdout, stderr, prompts included)."""
    import pty
    import select
    import subprocess

    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "journal", "--db", str(journal), *argv],
        stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    os.close(slave)
    seen = b""
    try:
        for answer in answers:
            while not seen.endswith(b": "):
                ready, _, _ = select.select([process.stderr], [], [], 60)
                chunk = os.read(process.stderr.fileno(), 4096) if ready else b""
                if not chunk:
                    process.kill()
                    raise AssertionError(f"no prompt for {answer!r}; stderr so far: {seen!r}")
                seen += chunk
            os.write(master, answer.encode("utf-8") + b"\n")
            seen += b"\0"  # the next prompt is after this mark
        out, err = process.communicate(timeout=60)
        echoed = b""
        while select.select([master], [], [], 0)[0]:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal's other end is closed and nothing is left
                break
            if not chunk:
                break
            echoed += chunk
    finally:
        os.close(master)
    assert echoed.strip() == b"", echoed  # nothing typed was shown
    return process.returncode, out.decode("utf-8"), (seen + err).decode("utf-8").replace("\0", "")


def test_encrypt_and_open_typed_on_a_terminal_in_a_new_process(cli, plain):
    code, out, err = on_terminal(plain, "encrypt", answers=[PASSPHRASE, PASSPHRASE])
    assert (code, out) == (0, "Encrypted journal.sqlite3 and its 2 backups.\n"), err
    assert err == "New passphrase for journal.sqlite3: \nThe new passphrase again: \n"
    assert secrets_in(plain.read_bytes()) == []
    code, out, err = on_terminal(plain, "people", answers=[PASSPHRASE])
    assert (code, err) == (0, "Passphrase for journal.sqlite3: \n")
    assert NAME in out
    code, out, err = on_terminal(plain, "people", answers=["not it"])
    assert (code, out) == (1, "")
    assert err == f"Passphrase for journal.sqlite3: \ncontact-journal: That is not the passphrase of {plain}.\n"


# --- restore, and an encrypt that was stopped ----------------------------------------------------


def people_in(cli) -> list[str]:
    result = cli("people", "--json")
    assert result.code == 0, result
    return [p["name"] for p in json.loads(result.out)]


def test_restore_an_encrypted_backup_with_the_journals_passphrase(cli, encrypted, monkeypatch, refused, tmp_path):
    from journal.store import backups, cipher

    no_terminal(monkeypatch)
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    newest = backups.newest_backup(encrypted)
    assert cli("log", "--with", "Lee Park").code == 0
    assert people_in(cli) == [NAME, "Lee Park"]
    result = cli("restore", str(newest))
    assert result.code == 0, result
    assert result.out.startswith(f"Restored {encrypted} from {newest}; the replaced journal was kept as ")
    assert cipher.looks_encrypted(encrypted)
    assert people_in(cli) == [NAME]
    monkeypatch.delenv("CONTACT_JOURNAL_PASSPHRASE")
    before = folder_state(tmp_path)
    result = cli("restore", str(newest))
    refused(result)
    assert "is encrypted: set CONTACT_JOURNAL_PASSPHRASE" in result.err
    assert folder_state(tmp_path) == before


def test_restore_a_backup_whose_passphrase_differs_asks_for_it(cli, encrypted, monkeypatch, refused, tmp_path):
    from journal.store import backups

    no_terminal(monkeypatch)
    aside = tmp_path / "aside"
    aside.mkdir()
    old = aside / "journal-old.sqlite3"
    old.write_bytes(backups.newest_backup(encrypted).read_bytes())  # keeps PASSPHRASE
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CONTACT_JOURNAL_NEW_PASSPHRASE", OTHER)
    assert cli("passphrase").code == 0
    monkeypatch.delenv("CONTACT_JOURNAL_NEW_PASSPHRASE")
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", OTHER)
    assert cli("log", "--with", "Lee Park").code == 0
    before = folder_state(tmp_path)
    result = cli("restore", str(old))
    refused(result)
    assert result.err == (
        f"contact-journal: {old} has another passphrase than the journal: set CONTACT_JOURNAL_BACKUP_PASSPHRASE, "
        "pass --backup-passphrase-file FILE or run it on a terminal.\n"
    )
    monkeypatch.setenv("CONTACT_JOURNAL_BACKUP_PASSPHRASE", OTHER)
    result = cli("restore", str(old))
    refused(result)
    assert result.err == f"contact-journal: That is not the passphrase of {old}.\n"
    assert folder_state(tmp_path) == before
    monkeypatch.delenv("CONTACT_JOURNAL_BACKUP_PASSPHRASE")
    prompts = terminal(monkeypatch, PASSPHRASE)
    result = cli("restore", str(old))
    assert result.code == 0, result
    assert prompts == ["Passphrase for the backup journal-old.sqlite3 (it differs from the journal's): "]
    assert people_in(cli) == [NAME]  # the journal keeps its own passphrase
    no_terminal(monkeypatch)
    assert cli("log", "--with", "Ravi Jain").code == 0
    file = written(aside / "backup-pass")
    result = cli("restore", str(old), "--backup-passphrase-file", str(file))
    assert result.code == 0, result
    assert people_in(cli) == [NAME]


def test_a_plain_journal_restored_from_an_encrypted_backup_needs_its_passphrase(cli, encrypted, monkeypatch, refused, tmp_path):
    from journal.store import backups, cipher

    no_terminal(monkeypatch)
    aside = tmp_path / "aside"
    aside.mkdir()
    old = aside / "journal-old.sqlite3"
    old.write_bytes(backups.newest_backup(encrypted).read_bytes())
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    assert cli("decrypt").code == 0
    monkeypatch.delenv("CONTACT_JOURNAL_PASSPHRASE")
    before = folder_state(tmp_path)
    result = cli("restore", str(old))
    refused(result)
    assert result.err == (
        f"contact-journal: {old} is encrypted: set CONTACT_JOURNAL_PASSPHRASE, pass --passphrase-file FILE or run it "
        "on a terminal.\n"
    )
    assert folder_state(tmp_path) == before
    result = cli("--passphrase-file", str(written(aside / "pass")), "restore", str(old))
    assert result.code == 0, result
    assert cipher.looks_encrypted(encrypted)


def test_encrypt_again_finishes_the_backups_a_stopped_encrypt_left_plain(cli, plain, monkeypatch, refused, tmp_path):
    from journal.store import backups, cipher

    no_terminal(monkeypatch)
    first = backups.list_backups(plain)[0]
    kept_plain = first.read_bytes()
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    assert cli("encrypt").code == 0
    first.write_bytes(kept_plain)  # as a kill between the journal and its backups leaves it
    monkeypatch.delenv("CONTACT_JOURNAL_PASSPHRASE")
    result = cli("encrypt")
    refused(result)
    assert "is encrypted: set CONTACT_JOURNAL_PASSPHRASE" in result.err  # its passphrase, not a new one
    assert not cipher.is_encrypted(first)
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    result = cli("encrypt")
    assert (result.code, result.out) == (0, "Encrypted 1 backup of journal.sqlite3 left plain by an encrypt that was stopped.\n"), result
    assert cipher.is_encrypted(first)
    for path, data in raw_files(tmp_path).items():
        assert secrets_in(data) == [], path


def test_backups_with_another_passphrase_are_counted_and_left_as_they_were(cli, encrypted, monkeypatch):
    from journal.store import backups, cipher

    no_terminal(monkeypatch)
    newest = backups.newest_backup(encrypted)
    kept = newest.read_bytes()  # encrypted with PASSPHRASE
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CONTACT_JOURNAL_NEW_PASSPHRASE", OTHER)
    assert cli("passphrase").code == 0
    old = newest.with_name(f"journal-20250101-120000-manual{backups.SUFFIX}")
    old.write_bytes(kept)  # an old backup that still has PASSPHRASE
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", OTHER)
    monkeypatch.setenv("CONTACT_JOURNAL_NEW_PASSPHRASE", "a third one")
    result = cli("passphrase")
    assert (result.code, result.out) == (0, (
        "Changed the passphrase of journal.sqlite3 and its 2 backups; 1 backup with another passphrase was left as it was.\n"
    )), result
    assert old.read_bytes() == kept
    monkeypatch.setenv("CONTACT_JOURNAL_PASSPHRASE", "a third one")
    result = cli("decrypt")
    assert (result.code, result.out) == (0, (
        "Decrypted journal.sqlite3 and its 2 backups; 1 backup with another passphrase was left as it was.\n"
    )), result
    assert old.read_bytes() == kept and cipher.check(old, cipher.key_for(old, PASSPHRASE))
