"""Sync in the window: the status, the accounts page, the conflicts list and their actions."""
