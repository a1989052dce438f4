"""Pure rules of the journal: no Qt, no database. Time always comes from a clock argument."""
