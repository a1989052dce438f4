"""Use cases the window and the command line call. Each change is one transaction."""
