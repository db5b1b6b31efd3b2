"""Word lists and gazetteer data, kept apart from the code that uses them."""
