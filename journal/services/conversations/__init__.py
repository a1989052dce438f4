"""Conversations: logging, editing and deleting them, and the journal's list."""
