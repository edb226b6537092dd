"""A grading panel: several raters' files, the spread of their answers, and one agreed assessment.

raters.py reads and re-reads the raters' files; spread.py says how their
answers spread and what is proposed; record.py is what the agreed file keeps;
session.py is the facilitator's panel, changing the agreed file through the
editing session; opening.py finds or creates the agreed file; words.py says
it all for the plain mode and the report.
"""
