"""The system tray: its menu, icons, the in-window fallback and the wiring around the window."""
