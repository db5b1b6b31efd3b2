"""Writes articles/chart_data/world_map.json, the country shapes of the coverage map, from
pygal_maps_world's worldmap.svg (778 KB of curves) simplified to about a seventh of that.

    python -m tooling.world_map_geometry

Curves become their end points, outlines are thinned with Douglas-Peucker, coordinates are
halved and rounded to whole units of a 1238-wide view box, and islands smaller than a unit are
dropped (a country keeps its largest shape whatever its size, so Singapore stays clickable).
"""

import json
import re
from pathlib import Path

import pygal_maps_world

SOURCE = Path(pygal_maps_world.__file__).parent / "worldmap.svg"
TARGET = Path(__file__).resolve().parent.parent / "articles" / "chart_data" / "world_map.json"
SCALE = 0.5
TOLERANCE = 1.6  # source units (2475 wide): under a unit of the scaled map
SMALLEST = 1.0  # scaled units: islands narrower and lower than this are left out
LEFT_OUT = {"AQ"}  # Antarctica: no news country (see ingest/data/countries.py), a fifth of the height

_COUNTRY = re.compile(r'<g class="(\w\w) country[^"]*">(.*?)</g>', re.S)
_PATH = re.compile(r'<path d="([^"]+)"')
_TOKEN = re.compile(r"([a-zA-Z])|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")
_ARITY = {"m": 2, "l": 2, "c": 6, "s": 4, "q": 4, "t": 2, "h": 1, "v": 1}


def outlines(d: str) -> list[list[tuple[float, float]]]:
    """The end points of every segment of a path of relative commands, one list per subpath."""
    shapes, x, y, command, numbers = [], 0.0, 0.0, None, []

    def run(command, args):
        nonlocal x, y
        if command == "m":
            x, y = x + args[0], y + args[1]
            shapes.append([(x, y)])
            return "l"  # later pairs of an m are line-tos
        if command == "h":
            x += args[0]
        elif command == "v":
            y += args[0]
        else:
            x, y = x + args[-2], y + args[-1]
        shapes[-1].append((x, y))
        return command

    for letter, number in _TOKEN.findall(d):
        if letter:
            if letter.lower() == "z":
                continue
            if letter.isupper():
                raise ValueError(f"absolute command {letter} not handled")
            command = letter
            continue
        numbers.append(float(number))
        if len(numbers) == _ARITY[command]:
            command = run(command, numbers)
            numbers = []
    return shapes


def simplified(points, tolerance):
    """Douglas-Peucker: the fewest points within ``tolerance`` of the outline."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5
    far, at = -1.0, 0
    for index in range(1, len(points) - 1):
        px, py = points[index]
        distance = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / length if length else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
        if distance > far:
            far, at = distance, index
    if far <= tolerance:
        return [points[0], points[-1]]
    return simplified(points[: at + 1], tolerance)[:-1] + simplified(points[at:], tolerance)


def simplified_ring(points, tolerance):
    """A closed outline starts and ends at one point, which gives Douglas-Peucker no chord: it is
    cut at the point farthest from the start and each half thinned."""
    x0, y0 = points[0]
    far = max(range(len(points)), key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2)
    if far in (0, len(points) - 1):
        return simplified(points, tolerance)
    return simplified(points[: far + 1], tolerance)[:-1] + simplified(points[far:], tolerance)


def path_data(shapes) -> str:
    parts = []
    for shape in shapes:
        cells = [(round(x * SCALE), round(y * SCALE)) for x, y in shape]
        kept = [cells[0]] + [cell for previous, cell in zip(cells, cells[1:]) if cell != previous]
        (x, y), moves = kept[0], []
        for nx, ny in kept[1:]:
            moves.append(f"{nx - x} {ny - y}")
            x, y = nx, ny
        parts.append(f"M{kept[0][0]} {kept[0][1]}" + ("l" + " ".join(moves) if moves else "h1") + "z")
    return "".join(parts)


def extent(shape) -> float:
    xs, ys = [x for x, _ in shape], [y for _, y in shape]
    return max(max(xs) - min(xs), max(ys) - min(ys)) * SCALE


def country_paths(svg: str) -> tuple[dict[str, str], int]:
    """Path data by alpha-2 code, and the lowest point drawn (the map's height)."""
    paths, lowest = {}, 0
    for code, body in _COUNTRY.findall(svg):
        if code.upper() in LEFT_OUT:
            continue
        shapes = [shape for d in _PATH.findall(body) for shape in outlines(d)]
        if not shapes:
            continue
        largest = max(shapes, key=extent)
        kept = [shape for shape in shapes if shape is largest or extent(shape) >= SMALLEST]
        paths[code.upper()] = path_data([simplified_ring(shape, TOLERANCE) for shape in kept])
        lowest = max(lowest, *(round(y * SCALE) for shape in kept for _, y in shape))
    return paths, lowest


def main():
    svg = SOURCE.read_text(encoding="utf-8")
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    countries, lowest = country_paths(svg)
    data = {"width": round(width * SCALE), "height": lowest + 4, "countries": countries}
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(data['countries'])} countries, {TARGET.stat().st_size // 1024} KB -> {TARGET}")


if __name__ == "__main__":
    main()
