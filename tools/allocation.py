# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Splitting a whole target in proportion to weights (largest remainder)."""

import math


def largest_remainder(total, weights):
    """Split the whole number ``total`` into whole parts proportional to
    ``weights`` (a list of numbers >= 0) that always add up to ``total``:
    each gets the floor of its exact share, and the units left over go to
    the largest remainders (ties: the larger weight, then the first). Equal
    parts when every weight is zero; [] without weights."""
    if not weights:
        return []
    total = int(total)
    weights = [max(float(weight), 0.0) for weight in weights]
    whole = sum(weights)
    if not whole:
        weights, whole = [1.0] * len(weights), float(len(weights))
    exact = [total * weight / whole for weight in weights]
    parts = [math.floor(share) for share in exact]
    left = total - sum(parts)
    order = sorted(
        range(len(weights)),
        key=lambda index: (-(exact[index] - parts[index]), -weights[index], index),
    )
    for index in order[:left]:
        parts[index] += 1
    return parts
