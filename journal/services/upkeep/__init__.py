"""Looking after the journal file: opening a session, backups, restore, checks, the demo."""
