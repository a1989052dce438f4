"""Dialogs shared by several views: logging a conversation, About, ..."""
