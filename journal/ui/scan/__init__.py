"""Contact seen in mail and calendars, in the window: the scan action, its state in the status
bar and Preferences > Mail & calendars."""
