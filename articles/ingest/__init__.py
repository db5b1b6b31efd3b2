"""Plain-Python text processing for seed documents.

Nothing in this package imports Django, so parsing, Vietnamese folding and
extraction can be tested and benchmarked on their own.
"""
