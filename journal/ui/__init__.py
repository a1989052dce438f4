"""Widgets only. Views ask services; nothing here imports peewee or journal.store."""
