"""Context of a figure: who asserts it, when it held, whether it is hedged, where, what is counted."""
