"""People: records, the People table, the detail pane, lookup, organisations and merges."""
