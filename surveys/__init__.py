"""The survey engine: instruments, scoring and response files. No UI here."""

__version__ = "0.1.0"
