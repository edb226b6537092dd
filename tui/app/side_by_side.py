"""Text on the left, the radar on the right: the layout the question and result screens share.

The radar sits beside the text unless the terminal is narrow and tall enough
to stack it underneath. The screen lays the two out itself (its title and key
lines are docked), with no container: one node fewer to style.
"""

from __future__ import annotations


def body_css(screen: str) -> str:
    """CSS for `screen` (a Screen class name) holding the text and a `#radar`."""
    return f"""
    {screen} {{ layout: horizontal; }}
    {screen} > #radar {{ width: 42%; height: 1fr; padding: 0 1; border-left: vkey $foreground 30%; }}
    {screen}.-stacked {{ layout: vertical; }}
    {screen}.-stacked > #radar {{ width: 1fr; height: 45%; border-left: none; border-top: hkey $foreground 30%; }}
    """


def stacked(width: int, height: int) -> bool:
    return width < 100 and height >= 36
