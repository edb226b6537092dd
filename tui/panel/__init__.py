"""`stick panel`: the facilitator's front ends over the panel engine (surveys.panel)."""
