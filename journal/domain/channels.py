"""How a conversation happened. A plain constant so the window can offer it without the store."""

from __future__ import annotations

CHANNELS = ("in person", "call", "video", "e-mail", "message", "event", "other")
DEFAULT_CHANNEL = "other"
