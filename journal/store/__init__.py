"""Storage: peewee over one private SQLite file. No Qt here."""
