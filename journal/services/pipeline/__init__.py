"""The introduction pipeline: offers, their stages and the messages they ask for."""
