"""The instrument files that ship with stick (package data)."""
