"""Translations: Qt's own (standard buttons, dialogs) and ours from resources/translations.

Our catalogues are resources/translations/contact_journal_<locale>.qm, compiled from the .ts
files that `make translations` regenerates from the tr() strings in journal/ui. The language is
the system's (LANGUAGE / LC_ALL / LANG), e.g. `LANGUAGE=de contact-journal`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from journal.paths import resource

CATALOGUE = "contact_journal"
TRANSLATIONS_DIR = "translations"


def translations_dir():
    return resource(TRANSLATIONS_DIR)


def available_locales() -> list[str]:
    """Locales we ship a compiled catalogue for, e.g. ["de"]."""
    folder = translations_dir()
    if not folder.is_dir():
        return []
    prefix = CATALOGUE + "_"
    return sorted(p.stem.removeprefix(prefix) for p in folder.glob(f"{prefix}*.qm"))


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[str]:
    """Install Qt's and our translators for `locale` (default: the system's) once per app.
    Returns the catalogues that were loaded, e.g. ["qtbase_de", "contact_journal_de"]."""
    locale = locale or QLocale.system()
    loaded: list[str] = []
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (CATALOGUE, str(translations_dir())),
    ):
        key = f"translator:{name}"
        for old in app.findChildren(QTranslator, key):
            app.removeTranslator(old)
            old.setParent(None)
            old.deleteLater()
        translator = QTranslator()
        translator.setObjectName(key)
        if translator.load(locale, name, "_", folder):
            translator.setParent(app)
            app.installTranslator(translator)
            loaded.append(translator.filePath().rsplit("/", 1)[-1].removesuffix(".qm"))
    return loaded
