"""Files in and out: imports with their preview, exports, the JSON restore and iCalendar."""
