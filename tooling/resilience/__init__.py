"""Reliability drills: a corpus of bad input, consistency checks, and the figures `make resilience` prints."""
