"""Two-way sync of the journal with CardDAV/CalDAV servers."""
