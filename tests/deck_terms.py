"""The deck's framework terms, as the brief reads them from "Making Race Equality stick in a PCT".

Counted slide by slide: 3 levels of mainstreaming (slide 3), 3 dimensions and
their 9 profiles (Figure A, slides 10 to 12), 4 steps to competence and the 3
transitions between them (slides 4 and 5), 5 adopter categories (slides 7
and 8), 5 success factors (slide 9), 8 business functions ("opportunities
for integration", slide 13), 5 core principles (slide 14) and 5 items of the
commission (slide 1: senior executive commitment, staff workshops, limited
priorities, clear commitments, lead responsibilities; its "linking to
corporate objectives and business plans" is the first business function, so
it is counted there). That is 50: the issue's 49 is one fewer, and every
reading of it is inside these 50.

Where the deck's wording and the built-in instrument's differ only in small
words, the shared core is checked ("Builds on ... existing work").
"""

from __future__ import annotations

LEVELS = ("Purpose and identity", "Values, beliefs and capability", "Behaviour and environment")
DIMENSIONS = ("Organisational maturity", "Structural chaos", "External challenge")
PROFILES = (
    "Naive",
    "Finding their way",
    "Astute",
    "Dinosaurs",
    "New borns",
    "Phoenix",
    "Surviving",
    "Swamped",
    "Struggling",
)
STEPS = ("Unconscious incompetence", "Conscious incompetence", "Conscious competence", "Unconscious competence")
TRANSITIONS = ("content", "process", "practice")
ADOPTERS = ("Innovators", "Early adopters", "Early majority", "Late majority", "Laggards")
SUCCESS_FACTORS = (
    "Leadership",
    "Applying corporate values",
    "Senior diversity specialist",
    "On-going support and training",
    "Systematic integration into",  # "... all business functions" in the deck, "... business functions" here
)
FUNCTIONS = (
    "Business plan and corporate objectives",
    "Local development plan",
    "Service and financial framework (SaFF)",
    "Clinical governance framework",
    "National service framework implementation plans",
    "Health improvement programme",
    "Improving Working Lives",
    "Patient and public involvement",
)
PRINCIPLES = (
    "existing work",
    "Links to mainstream targets and objectives",
    "Action focused",
    "Sets achievable priorities",
    "Reviewable",
)
COMMISSION = (
    "Senior executive commitment",
    "Staff workshops",
    "Limited priorities",
    "Clear commitments",
    "Lead responsibilities",
)

DECK_TERMS: tuple[str, ...] = (
    LEVELS
    + DIMENSIONS
    + PROFILES
    + STEPS
    + TRANSITIONS
    + ADOPTERS
    + SUCCESS_FACTORS
    + FUNCTIONS
    + PRINCIPLES
    + COMMISSION
)
