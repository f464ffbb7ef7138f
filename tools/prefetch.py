# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Computed fields read for many records, computed in one call."""


def compute_together(records, fields, compute):
    """Put in the cache the values of the computed ``fields`` ({field name:
    key}) of those of ``records`` that lack them, from one call of
    ``compute(todo)`` -> {record id: {key: value}}: the ORM computes a
    thousand records at a time, and a read of all (a list, an export) would
    cost the same queries again for each thousand."""
    names = list(fields)
    todo = records.browse(
        list(records.env.cache.get_missing_ids(records, records._fields[names[0]]))
    )
    if not todo:
        return
    values = compute(todo)
    for name, key in fields.items():
        records.env.cache.update(
            todo,
            records._fields[name],
            [values[record_id][key] for record_id in todo.ids],
        )
