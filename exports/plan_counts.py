"""The plan's live counts: formulas over the Action plan that every sheet uses alike.

A priority is *set* when a person chose it (not suggested) and it is not
dropped; it is *open* while it is set and not done: the framework's
"limited priorities" are the open ones, held to five for each plan. Text is
compared with `=` inside SUMPRODUCT rather than with COUNTIFS, whose
criteria read `*`, `?` and a leading `<` in a label as patterns.
"""

from __future__ import annotations

from exports.sheets_plan import SUGGESTED, PlanColumns

LIMITED = 5  # the deck's "limited priorities", for each plan; the scoring suggests at most five too
DONE, DROPPED = "done", "dropped"


def chosen_terms(plan: PlanColumns) -> list[str]:
    """A priority a person chose, whatever its status."""
    return [f'({plan.column(plan.priority)}<>"")', f'({plan.column("Suggested")}<>"{SUGGESTED}")']


def set_terms(plan: PlanColumns) -> list[str]:
    return [*chosen_terms(plan), f'({plan.column("Status")}<>"{DROPPED}")']


def open_terms(plan: PlanColumns) -> list[str]:
    return [*set_terms(plan), f'({plan.column("Status")}<>"{DONE}")']


def suggested_terms(plan: PlanColumns) -> list[str]:
    return [f'({plan.column("Suggested")}="{SUGGESTED}")']


def _count(terms: list[str], conditions: tuple[str, ...]) -> str:
    return "SUMPRODUCT(" + "*".join([*terms, *conditions]) + ")"


def chosen_count(plan: PlanColumns, *conditions: str) -> str:
    return "=" + _count(chosen_terms(plan), conditions)


def set_count(plan: PlanColumns, *conditions: str) -> str:
    """Priorities set (chosen, not dropped) meeting every condition, over the whole plan."""
    return "=" + _count(set_terms(plan), conditions)


def open_count(plan: PlanColumns, *conditions: str) -> str:
    """Priorities set and not yet done: those the limit applies to."""
    return "=" + _count(open_terms(plan), conditions)


def suggested_count(plan: PlanColumns, *conditions: str) -> str:
    return "=" + _count(suggested_terms(plan), conditions)
