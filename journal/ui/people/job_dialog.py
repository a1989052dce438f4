"""Add or edit one job of a person's career: organisation, role, from and to."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal.errors import ValidationError
from journal.services.people.jobs import JobRow


def parse_day(text: str, what: str) -> dt.date | None:
    """A typed YYYY-MM-DD (or YYYY-MM, the 1st; or YYYY, 1 January), or None for blank."""
    text = text.strip()
    if not text:
        return None
    try:
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 1, 1)
        if len(text) == 7 and text[4] == "-":
            return dt.date(int(text[:4]), int(text[5:]), 1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"“{text[:30]}” is not a date for {what}: write YYYY-MM-DD, YYYY-MM or YYYY.") from None


class JobDialog(QDialog):
    def __init__(self, organisations: list[str], job: JobRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobDialog")
        self.setWindowTitle(self.tr("Edit job") if job else self.tr("Add a job"))
        self.setMinimumWidth(420)
        self.organisation = QLineEdit(self, objectName="jobOrganisation")
        completer = QCompleter(QStringListModel(organisations, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.organisation.setCompleter(completer)
        self.role = QLineEdit(self, objectName="jobRole")
        self.started = QLineEdit(self, objectName="jobStarted", placeholderText=self.tr("YYYY-MM-DD, YYYY-MM or YYYY"))
        self.ended = QLineEdit(self, objectName="jobEnded", placeholderText=self.tr("blank while they still work there"))
        self.error = QLabel(self, objectName="jobError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Organisation"), self.organisation)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("&From"), self.started)
        form.addRow(self.tr("&To"), self.ended)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if job is not None:
            self.organisation.setText(job.organisation)
            self.role.setText(job.role)
            self.started.setText(job.started_on.isoformat() if job.started_on else "")
            self.ended.setText(job.ended_on.isoformat() if job.ended_on else "")
        self.organisation.setFocus()

    def values(self) -> tuple[str, str, dt.date | None, dt.date | None]:
        """(organisation, role, from, to); ValidationError for a date that cannot be read."""
        started = parse_day(self.started.text(), self.tr("From"))
        ended = parse_day(self.ended.text(), self.tr("To"))
        if not self.organisation.text().strip() and not self.role.text().strip():
            raise ValidationError(self.tr("A job needs an organisation or a role."))
        if started and ended and ended < started:
            raise ValidationError(self.tr("A job cannot end before it starts."))
        return self.organisation.text(), self.role.text(), started, ended

    def accept(self) -> None:
        try:
            self.values()
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()
