"""The window's words for the journal's values: they cover every value, say what the domain
says in English, and come out translated with the German catalogue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from journal.domain.agenda import ItemKind
from journal.domain.cadence import CADENCE_PRESETS, describe_cadence
from journal.domain.channels import CHANNELS
from journal.domain.pipeline import Stage
from journal.services.agenda.today import Group, TodayItem
from journal.ui import labels


def test_the_tables_cover_every_value_the_domain_has():
    assert set(labels.STAGES) == set(Stage)
    assert all(labels.STAGES[s] == s.label for s in Stage)
    assert list(labels.CADENCES.items()) == [(days, name) for name, days in CADENCE_PRESETS.items()]
    for days in (None, 0, 14, 91, 365, 10):
        assert labels.cadence_label(days) == describe_cadence(days)
    assert set(labels.GROUPS) == set(Group)
    assert tuple(labels.CHANNELS) == CHANNELS
    assert labels.channel_label("carrier pigeon") == "carrier pigeon"  # an imported value, as it is


def _item(kind, stage=None):
    return TodayItem(kind, 1, "x", None, False, stage=stage)


def test_done_labels_in_english():
    assert labels.done_label(_item(ItemKind.INTRODUCTION, Stage.OFFERED)) == "Advance to Asked"
    assert labels.done_label(_item(ItemKind.INTRODUCTION, Stage.MET)) == "Advance to Thanked"
    assert labels.done_label(_item(ItemKind.KEEP_IN_TOUCH)) == "Contacted"
    assert labels.done_label(_item(ItemKind.NEXT_STEP)) == "Done"


@pytest.fixture
def german(qapp):
    from journal.ui.i18n import install_translators

    loaded = install_translators(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert "contact_journal_de" in loaded
    yield
    install_translators(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_german(german):
    assert labels.stage_label(Stage.ASKED) == "Angefragt"
    assert labels.cadence_label(91) == "Vierteljährlich"
    assert labels.cadence_label(10) == "Alle 10 Tage"
    assert labels.group_title(Group.KEEP_IN_TOUCH) == "In Kontakt bleiben"
    assert labels.channel_label("call") == "Anruf"
    assert labels.done_label(_item(ItemKind.INTRODUCTION, Stage.OFFERED)) == "Weiter zu Angefragt"
    assert QCoreApplication.translate("Labels", "Every {n} days") == "Alle {n} Tage"


def test_a_channel_combo_shows_labels_and_keeps_the_stored_value(qtbot, german):
    from PySide6.QtWidgets import QComboBox

    combo = QComboBox()
    qtbot.addWidget(combo)
    labels.fill_channels(combo, "video")
    assert combo.currentText() == "Video" and combo.currentData() == "video"
    combo.setCurrentIndex(combo.findData("in person"))
    assert combo.currentText() == "persönlich" and combo.currentData() == "in person"
    other = QComboBox()
    qtbot.addWidget(other)
    labels.fill_channels(other, "carrier pigeon")
    assert other.currentData() == "carrier pigeon" and other.count() == len(CHANNELS) + 1


def test_dates_follow_the_language(german):
    import datetime as dt

    from journal.ui import dates

    day = dt.date(2026, 3, 11)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert dates.long(day) == "Mittwoch, 11. März"
        assert dates.short_year(day) == "11. März 2026"
        assert dates.month(2026, 3) == "März 2026"
    finally:
        QLocale.setDefault(previous)


def test_dates_in_english(qapp):
    import datetime as dt

    from journal.ui import dates

    day = dt.date(2026, 3, 9)
    assert (dates.long(day), dates.long_padded(day), dates.weekday(day)) == ("Monday 9 March", "Monday 09 March", "Mon 09 Mar")
    assert dates.short_in(day, dt.date(2026, 1, 1)) == "09 Mar" and dates.short_in(day, dt.date(2025, 1, 1)) == "09 Mar 2026"


def test_keep_in_touch_titles_are_worded_in_the_window(german):
    from journal.domain.agenda import AgendaItem

    item = AgendaItem(ItemKind.KEEP_IN_TOUCH, 3, "Keep in touch with Ana Pérez", None, False, ("Ana Pérez",))
    assert labels.item_title(item) == "Mit Ana Pérez in Kontakt bleiben"
    step = AgendaItem(ItemKind.NEXT_STEP, 4, "Send Ana the deck", None, False, ("Ana Pérez",))
    assert labels.item_title(step) == "Send Ana the deck"  # the journal's own words stay as written
