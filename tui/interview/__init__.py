"""The line-by-line interview mode (questionary, and --plain)."""
