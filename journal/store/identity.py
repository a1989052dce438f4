"""What marks an SQLite file as a Contact Journal (its header's application_id), for the opener
and the backups alike."""

# 'CJNL' in ASCII.
APPLICATION_ID = 0x434A4E4C
