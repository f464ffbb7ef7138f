# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""A short visiting order for one day: an open path from the manager's start
point through every customer, over great-circle distances.

Exact (Held-Karp dynamic programming) up to ``EXACT_MAX_STOPS`` stops; above
that, nearest neighbour improved by 2-opt until no move shortens the path.
Pure functions on (latitude, longitude) pairs: no Odoo here.
"""

import itertools
import math

EARTH_RADIUS_KM = 6371.0088
# Held-Karp costs n² 2ⁿ: 9 stops are 41,472 steps, instantaneous.
EXACT_MAX_STOPS = 9


def great_circle_km(a, b):
    """Haversine distance in km between two (latitude, longitude) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_matrix(start, points):
    """Distances between the start (index 0) and the points (1..n)."""
    nodes = [start, *points]
    return [[great_circle_km(a, b) for b in nodes] for a in nodes]


def path_length(matrix, order):
    """Length of the open path start -> order[0] -> order[1] ... (stop indexes
    0..n-1)."""
    length, previous = 0.0, 0
    for stop in order:
        length += matrix[previous][stop + 1]
        previous = stop + 1
    return length


def exact_order(matrix):
    """Shortest open path from the start through every stop (Held-Karp)."""
    count = len(matrix) - 1
    if count <= 1:
        return list(range(count))
    # best[(visited set, last stop)] = (length, previous stop)
    best = {(1 << stop, stop): (matrix[0][stop + 1], None) for stop in range(count)}
    for size in range(2, count + 1):
        for subset in itertools.combinations(range(count), size):
            mask = sum(1 << stop for stop in subset)
            for last in subset:
                previous_mask = mask & ~(1 << last)
                best[mask, last] = min(
                    (
                        best[previous_mask, before][0] + matrix[before + 1][last + 1],
                        before,
                    )
                    for before in subset
                    if before != last
                )
    full = (1 << count) - 1
    last = min(range(count), key=lambda stop: best[full, stop][0])
    order, mask = [], full
    while last is not None:
        order.append(last)
        last, mask = best[mask, last][1], mask & ~(1 << last)
    return order[::-1]


def nearest_neighbour_order(matrix):
    """Greedy path: always on to the nearest stop not visited yet."""
    remaining = set(range(len(matrix) - 1))
    order, current = [], 0
    while remaining:
        nearest = min(remaining, key=lambda stop: (matrix[current][stop + 1], stop))
        order.append(nearest)
        remaining.remove(nearest)
        current = nearest + 1
    return order


def two_opt(matrix, order):
    """Reverse segments of the open path while that shortens it; return a
    path no 2-opt move shortens (the start stays first, the end is free)."""
    order = list(order)
    improved = True
    while improved:
        improved = False
        for i in range(len(order) - 1):
            before = order[i - 1] + 1 if i else 0
            for j in range(i + 1, len(order)):
                after = order[j + 1] + 1 if j + 1 < len(order) else None
                old = matrix[before][order[i] + 1] + (
                    matrix[order[j] + 1][after] if after is not None else 0.0
                )
                new = matrix[before][order[j] + 1] + (
                    matrix[order[i] + 1][after] if after is not None else 0.0
                )
                if new < old - 1e-9:
                    order[i : j + 1] = reversed(order[i : j + 1])
                    improved = True
    return order


def plan_route(start, points):
    """Return (order, total km) of a short open path from ``start`` through ``points``.

    :param start: (latitude, longitude) of the start point
    :param points: list of (latitude, longitude), one per stop
    :return: (list of indexes into ``points`` in visiting order, length in km)
    """
    matrix = distance_matrix(start, points)
    if len(points) <= EXACT_MAX_STOPS:
        order = exact_order(matrix)
    else:
        order = two_opt(matrix, nearest_neighbour_order(matrix))
    return order, path_length(matrix, order)
