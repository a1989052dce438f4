"""The Calendar view: due counts on a month grid, a day's items and the coming two weeks."""
