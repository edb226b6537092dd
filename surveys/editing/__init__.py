"""Changing an open assessment: the one editing session both front ends use, and starting next year's review."""
