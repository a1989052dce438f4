"""File formats: parsers that turn a file into plain records, and writers. No Qt, no peewee."""
