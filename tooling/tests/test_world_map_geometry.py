"""The committed map shapes are what the tool makes from pygal_maps_world's map, and small."""

import json

from tooling import world_map_geometry as tool


def test_committed_shapes_are_the_tools_output():
    committed = json.loads(tool.TARGET.read_text(encoding="utf-8"))
    countries, lowest = tool.country_paths(tool.SOURCE.read_text(encoding="utf-8"))
    assert committed["countries"] == countries and committed["height"] == lowest + 4
    assert "AQ" not in countries and {"RU", "VN", "SG", "ML"} <= set(countries)


def test_a_closed_outline_keeps_its_shape():
    square = [(0, 0), (5, 0.1), (10, 0), (10, 10), (0, 10), (0, 0.0001)]
    assert len(tool.simplified_ring(square, 1.0)) >= 4
