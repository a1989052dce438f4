"""Typed access to the user's preferences, kept in QSettings.

Every key the app stores lives here with its type and default, so the window, the tray, the
scheduler and the command line agree on names and nobody parses strings twice.
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QSettings

from journal import APP_ID, ORG_NAME
from journal.store.backups import DEFAULT_KEEP

DEFAULT_REMINDER_TIME = dt.time(9, 0)
MAX_BACKUPS_KEPT = 365
MAX_DATE_DAYS_BEFORE = 30
DEFAULT_TODAY_DATE_DAYS = 7
MAX_TODAY_DATE_DAYS = 60
MAX_LOCK_IDLE_MINUTES = 24 * 60

KEY_REMINDER_TIME = "reminders/time_of_day"
KEY_PAUSED = "reminders/paused"
KEY_LAST_CHECKED = "reminders/last_checked"
KEY_SNOOZED = "reminders/snoozed"
KEY_DATE_REMINDERS = "reminders/dates"
KEY_DATE_DAYS_BEFORE = "reminders/dates_days_before"
KEY_TODAY_DATE_DAYS = "today/date_days_ahead"
KEY_DEFAULT_CADENCE = "people/default_cadence_days"
KEY_CLOSE_TO_TRAY = "window/close_to_tray"
KEY_START_MINIMIZED = "window/start_minimized"
KEY_START_ON_LOGIN = "system/start_on_login"
KEY_BACKUPS_KEPT = "backups/keep"
KEY_CLOSE_EXPLAINED = "tray/close_explained"
KEY_NO_TRAY_EXPLAINED = "tray/no_tray_explained"
KEY_LOCK_IDLE_MINUTES = "privacy/lock_after_idle_minutes"
KEY_LOCK_ON_SCREEN_LOCK = "privacy/lock_when_screen_locks"
KEY_LOCKED_REMINDER_DETAILS = "privacy/reminder_details_while_locked"


def app_settings() -> QSettings:
    """The app's own settings store (the same one `QSettings()` gives inside the app)."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORG_NAME, APP_ID)


def _to_bool(value, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _to_int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _to_datetime(value) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


class Preferences:
    """A thin typed layer over one QSettings object."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else app_settings()

    def _get(self, key: str):
        return self.settings.value(key)

    def _set(self, key: str, value) -> None:
        self.settings.setValue(key, value)
        self.settings.sync()

    # --- reminders ---------------------------------------------------------------------------

    @property
    def reminder_time(self) -> dt.time:
        """When date-only items remind: a time of day, 09:00 unless changed."""
        raw = self._get(KEY_REMINDER_TIME)
        try:
            return dt.time.fromisoformat(str(raw)).replace(second=0, microsecond=0) if raw else DEFAULT_REMINDER_TIME
        except ValueError:
            return DEFAULT_REMINDER_TIME

    @reminder_time.setter
    def reminder_time(self, value: dt.time) -> None:
        self._set(KEY_REMINDER_TIME, value.strftime("%H:%M"))

    @property
    def reminders_paused(self) -> bool:
        return _to_bool(self._get(KEY_PAUSED), False)

    @reminders_paused.setter
    def reminders_paused(self, value: bool) -> None:
        self._set(KEY_PAUSED, bool(value))

    @property
    def last_checked(self) -> dt.datetime | None:
        """The moment up to which due items have been announced."""
        return _to_datetime(self._get(KEY_LAST_CHECKED))

    @last_checked.setter
    def last_checked(self, value: dt.datetime) -> None:
        self._set(KEY_LAST_CHECKED, value.replace(microsecond=0).isoformat())

    @property
    def snoozed(self) -> dict[str, dt.datetime]:
        """Reminder snoozes: item key -> the moment to remind again."""
        raw = self._get(KEY_SNOOZED)
        try:
            data = json.loads(raw) if raw else {}
        except (TypeError, ValueError):
            return {}
        result = {}
        for key, moment in data.items() if isinstance(data, dict) else ():
            parsed = _to_datetime(moment)
            if parsed is not None:
                result[str(key)] = parsed
        return result

    @snoozed.setter
    def snoozed(self, value: dict[str, dt.datetime]) -> None:
        self._set(KEY_SNOOZED, json.dumps({k: v.replace(microsecond=0).isoformat() for k, v in value.items()}))

    # --- dates that matter --------------------------------------------------------------------

    @property
    def date_reminders(self) -> bool:
        """Remind of birthdays and dates that matter, for people who have not said otherwise."""
        return _to_bool(self._get(KEY_DATE_REMINDERS), True)

    @date_reminders.setter
    def date_reminders(self, value: bool) -> None:
        self._set(KEY_DATE_REMINDERS, bool(value))

    @property
    def date_days_before(self) -> int:
        """How many days before a date that matters its reminder comes (0: on the day)."""
        return min(max(_to_int(self._get(KEY_DATE_DAYS_BEFORE), 0), 0), MAX_DATE_DAYS_BEFORE)

    @date_days_before.setter
    def date_days_before(self, value: int) -> None:
        self._set(KEY_DATE_DAYS_BEFORE, min(max(int(value), 0), MAX_DATE_DAYS_BEFORE))

    @property
    def today_date_days(self) -> int:
        """How many days ahead Today lists dates that matter."""
        days = _to_int(self._get(KEY_TODAY_DATE_DAYS), DEFAULT_TODAY_DATE_DAYS)
        return min(max(days, 0), MAX_TODAY_DATE_DAYS)

    @today_date_days.setter
    def today_date_days(self, value: int) -> None:
        self._set(KEY_TODAY_DATE_DAYS, min(max(int(value), 0), MAX_TODAY_DATE_DAYS))

    # --- people ------------------------------------------------------------------------------

    @property
    def default_cadence_days(self) -> int | None:
        """The keep-in-touch cadence new people get; None for none."""
        days = _to_int(self._get(KEY_DEFAULT_CADENCE), 0)
        return days if days > 0 else None

    @default_cadence_days.setter
    def default_cadence_days(self, value: int | None) -> None:
        self._set(KEY_DEFAULT_CADENCE, int(value or 0))

    # --- window and system -------------------------------------------------------------------

    @property
    def close_to_tray(self) -> bool:
        return _to_bool(self._get(KEY_CLOSE_TO_TRAY), True)

    @close_to_tray.setter
    def close_to_tray(self, value: bool) -> None:
        self._set(KEY_CLOSE_TO_TRAY, bool(value))

    @property
    def start_minimized(self) -> bool:
        return _to_bool(self._get(KEY_START_MINIMIZED), False)

    @start_minimized.setter
    def start_minimized(self, value: bool) -> None:
        self._set(KEY_START_MINIMIZED, bool(value))

    @property
    def start_on_login(self) -> bool:
        return _to_bool(self._get(KEY_START_ON_LOGIN), False)

    @start_on_login.setter
    def start_on_login(self, value: bool) -> None:
        self._set(KEY_START_ON_LOGIN, bool(value))

    @property
    def backups_kept(self) -> int:
        kept = _to_int(self._get(KEY_BACKUPS_KEPT), DEFAULT_KEEP)
        return min(max(kept, 1), MAX_BACKUPS_KEPT)

    @backups_kept.setter
    def backups_kept(self, value: int) -> None:
        self._set(KEY_BACKUPS_KEPT, min(max(int(value), 1), MAX_BACKUPS_KEPT))

    # --- privacy (the lock of an encrypted journal) ----------------------------------------------

    @property
    def lock_idle_minutes(self) -> int:
        """Lock the window after this many minutes without keyboard or mouse input (0: never)."""
        return min(max(_to_int(self._get(KEY_LOCK_IDLE_MINUTES), 0), 0), MAX_LOCK_IDLE_MINUTES)

    @lock_idle_minutes.setter
    def lock_idle_minutes(self, value: int) -> None:
        self._set(KEY_LOCK_IDLE_MINUTES, min(max(int(value), 0), MAX_LOCK_IDLE_MINUTES))

    @property
    def lock_on_screen_lock(self) -> bool:
        """Lock the window when the desktop session's screen locks."""
        return _to_bool(self._get(KEY_LOCK_ON_SCREEN_LOCK), False)

    @lock_on_screen_lock.setter
    def lock_on_screen_lock(self, value: bool) -> None:
        self._set(KEY_LOCK_ON_SCREEN_LOCK, bool(value))

    @property
    def locked_reminder_details(self) -> bool:
        """Reminders name what is due while the window is locked (otherwise: "3 items due")."""
        return _to_bool(self._get(KEY_LOCKED_REMINDER_DETAILS), False)

    @locked_reminder_details.setter
    def locked_reminder_details(self, value: bool) -> None:
        self._set(KEY_LOCKED_REMINDER_DETAILS, bool(value))

    # --- things said once --------------------------------------------------------------------

    def once(self, key: str) -> bool:
        """True the first time it is asked for `key`, False ever after."""
        if _to_bool(self._get(key), False):
            return False
        self._set(key, True)
        return True
