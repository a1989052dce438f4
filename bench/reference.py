"""The generated journal's "now" (its own module, so the start-up probe imports nothing else)."""

import datetime as dt

REFERENCE_NOW = dt.datetime(2026, 3, 11, 9, 30)
