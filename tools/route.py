# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""A short visiting order for one day: an open path from the manager's start
point through every customer, over great-circle distances.

Exact (Held-Karp dynamic programming) up to ``EXACT_MAX_STOPS`` stops; above
that, nearest neighbour improved by 2-opt until no move shortens the path.
Stops with an appointment (fixed) keep their time order: the free stops are
inserted where they lengthen the path least, then 2-opt reorders what lies
between two fixed stops (a time-window rule: no move swaps two appointments).
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


def insertion_order(matrix, fixed):
    """The fixed stops in their order, each free stop inserted where it adds
    least to the path (the farthest from the start first: they shape it)."""
    order = list(fixed)
    free = [stop for stop in range(len(matrix) - 1) if stop not in set(fixed)]
    for stop in sorted(free, key=lambda stop: (-matrix[0][stop + 1], stop)):
        position = min(
            range(len(order) + 1),
            key=lambda position: (_added_km(matrix, order, position, stop), position),
        )
        order.insert(position, stop)
    return order


def _added_km(matrix, order, position, stop):
    """What inserting ``stop`` at ``position`` of the open path adds to it."""
    before = order[position - 1] + 1 if position else 0
    if position == len(order):
        return matrix[before][stop + 1]
    after = order[position] + 1
    return matrix[before][stop + 1] + matrix[stop + 1][after] - matrix[before][after]


def two_opt(matrix, order, fixed=()):
    """Reverse segments of the open path while that shortens it; return a
    path no 2-opt move shortens (the start stays first, the end is free). A
    segment holding two fixed stops is never reversed: they keep their order."""
    order = list(order)
    fixed = set(fixed)
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
                if new < old - 1e-9 and len(fixed.intersection(order[i : j + 1])) < 2:
                    order[i : j + 1] = reversed(order[i : j + 1])
                    improved = True
    return order


def plan_route(start, points, fixed=()):
    """Return (order, total km) of a short open path from ``start`` through ``points``.

    :param start: (latitude, longitude) of the start point
    :param points: list of (latitude, longitude), one per stop
    :param fixed: indexes of the stops with an appointment, in time order
    :return: (list of indexes into ``points`` in visiting order, length in km)
    """
    matrix = distance_matrix(start, points)
    if len(fixed) > 1:
        order = two_opt(matrix, insertion_order(matrix, fixed), fixed)
    elif len(points) <= EXACT_MAX_STOPS:
        order = exact_order(matrix)
    else:
        order = two_opt(matrix, nearest_neighbour_order(matrix))
    return order, path_length(matrix, order)
