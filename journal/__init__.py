"""Contact Journal: a private desktop journal for career networking."""

__version__ = "0.1.0"
APP_NAME = "Contact Journal"
APP_ID = "contact-journal"
ORG_NAME = "ContactJournal"
