"""Instrument files: the built-in ones (the *.toml beside this), loading, checking, and the caches of both."""
