"""A small cmi5 LMS and LRS for tests: launch, fetch URL, State, Statements, the spec's rules."""
