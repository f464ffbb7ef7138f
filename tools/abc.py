# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""ABC grading (Art. 19) as a pure function: ranks and cumulative shares."""

GRADES = ("a", "b", "c")


def grade_ranking(values, threshold_a, threshold_b):
    """Grade customers on the cumulative share of what they bought.

    :param values: iterable of (customer id, value); a value below zero (more
        returned than bought) counts as zero
    :param threshold_a: cumulative share (%) up to which customers are A
    :param threshold_b: cumulative share (%) up to which customers are A or B
    :return: {customer id: (rank, cumulative share in %, grade)}. Customers
        are ranked by value, equal values by id. A customer whose band of the
        cumulative share straddles a threshold takes the higher grade: its
        grade is decided by the share before it. Nothing bought is C.
    """
    ordered = sorted(
        ((customer, max(value or 0.0, 0.0)) for customer, value in values),
        key=lambda item: (-item[1], item[0]),
    )
    total = sum(value for _customer, value in ordered)
    result, cumulative = {}, 0.0
    for rank, (customer, value) in enumerate(ordered, start=1):
        before = cumulative
        cumulative += value
        if value <= 0 or total <= 0:
            grade = "c"
        elif before * 100.0 < threshold_a * total * (1 - 1e-12):
            grade = "a"
        elif before * 100.0 < threshold_b * total * (1 - 1e-12):
            grade = "b"
        else:
            grade = "c"
        result[customer] = (
            rank,
            100.0 * cumulative / total if total > 0 else 0.0,
            grade,
        )
    return result
