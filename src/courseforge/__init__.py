"""courseforge."""
