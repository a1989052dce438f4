"""Contact seen elsewhere: reading mail headers and calendars for exchanges with people in the
journal (issue 15). Only headers are read; what is kept is filtered by the journal's addresses."""
