"""Every table as plain JSON values and back, column by column, so a restore is exact."""

from __future__ import annotations

import datetime as dt

from peewee import BooleanField, DateField, DateTimeField, ForeignKeyField, IntegerField, TimeField

from journal.interop.records import ImportFormatError
from journal.store.models import ALL_MODELS


def table_models():
    """The real tables, in an order where every row's references come first."""
    return [m for m in ALL_MODELS if not getattr(m._meta, "extension_module", None)]


def _out(value):
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return value


def iter_table(model):
    """The rows of one table as JSON values, read with a cursor rather than all at once."""
    fields = model._meta.sorted_fields
    order = [model._meta.primary_key] if model._meta.primary_key else fields
    for row in model.select(*fields).order_by(*order).dicts().iterator():
        yield {k: _out(v) for k, v in row.items()}


def dump_tables() -> dict[str, list[dict]]:
    return {model._meta.table_name: list(iter_table(model)) for model in table_models()}


def _convert(field, value):
    if value is None:
        return None
    try:
        if isinstance(field, DateTimeField):
            return dt.datetime.fromisoformat(value)
        if isinstance(field, DateField):
            return dt.date.fromisoformat(value)
        if isinstance(field, TimeField):
            return dt.time.fromisoformat(value)
        if isinstance(field, BooleanField):
            if not isinstance(value, bool):
                raise TypeError("not true or false")
            return value
        if isinstance(field, (IntegerField, ForeignKeyField)) or field.field_type in ("AUTO", "INT"):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError("not a whole number")
            return value
        if not isinstance(value, str):
            raise TypeError("not text")
        return value
    except (TypeError, ValueError) as exc:
        raise ImportFormatError(f"{field.model._meta.table_name}.{field.name} holds {value!r}, which is {exc}.") from None


def convert_row(model, row: dict, number: int) -> dict:
    """One row of a table from JSON, checked column by column."""
    fields = model._meta.fields
    unknown = set(row) - set(fields)
    if unknown:
        raise ImportFormatError(
            f"Row {number} of {model._meta.table_name} has columns this journal does not know: {', '.join(sorted(unknown))}."
        )
    return {name: _convert(fields[name], value) for name, value in row.items()}


def rows_for(model, rows) -> list[dict]:
    return [convert_row(model, row, number) for number, row in enumerate(rows, 1)]
