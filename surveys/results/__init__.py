"""Scoring an assessment, kept up to date answer by answer, and the result in words (report, suggestions, moves)."""
