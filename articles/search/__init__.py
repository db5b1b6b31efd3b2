"""Search: query matching (``query``), list selection (``selection``), highlighting (``highlight``)."""
