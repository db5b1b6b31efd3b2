"""The one owner of an article's derived facts: countries, actors, places, relations, filter keys
and text columns (search columns, the lede). ``rules`` says what they are, ``storage`` reads and
writes them, ``triggers`` makes every write path end in a refresh, ``decisions`` records
curators' choices.
"""
