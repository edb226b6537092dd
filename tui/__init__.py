"""The front ends: the Textual app, the line-by-line interview and the command line."""
