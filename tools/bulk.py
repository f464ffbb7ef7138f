# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Records a scheduled action makes by the hundred, written in one statement.

The ORM inserts and updates a hundred rows a statement and runs each record's
defaults, computations and notifications: a cron escalating or reminding for
thousands of records costs queries in proportion. These helpers write rows
whose every value the caller computed, in one statement whatever their
number, for records nothing listens to (a message in a chatter, its tracking,
an Inbox notification, an activity): no default, computation or constraint of
the model runs, so the caller gives every value the record needs.
"""

import json

from odoo.tools import SQL


def _column_types(model, names):
    types = []
    for name in names:
        field = model._fields[name]
        assert field.store and field.column_type, f"{model._name}.{name} is no column"
        assert not field.translate, f"{model._name}.{name} is translated"
        types.append(SQL("%s %s", SQL.identifier(name), SQL(field.column_type[1])))
    return SQL(", ").join(types)


def insert(model, rows):
    """Insert ``rows`` (a list of {field name: value}, values as a create takes
    them: ids, dates, text; HTML sanitized here as the ORM would) into the
    table of ``model`` in one statement, with who created them and when, and
    return the new records in the order of ``rows``."""
    if not rows:
        return model.browse()
    env = model.env
    names = sorted({name for row in rows for name in row})
    audit = (
        {
            "create_uid": env.uid,
            "create_date": env.cr.now(),
            "write_uid": env.uid,
            "write_date": env.cr.now(),
        }
        if model._log_access
        else {}
    )
    columns = names + [name for name in audit if name not in names]
    converted = {}  # an HTML text is sanitized once, however many rows hold it
    data = []
    for row in rows:
        values = dict(audit)
        for name in names:
            value = row.get(name)
            field = model._fields[name]
            if field.type == "html" and value:
                key = (name, value)
                if key not in converted:
                    converted[key] = field.convert_to_column(value, model)
                value = converted[key]
            values[name] = value if value is not False else None
        data.append(values)
    env.flush_all()
    # the rows as one JSON parameter: an SQL object per value cost more than
    # the insert; the ids are drawn in the order of the rows
    ids = sorted(
        row_id
        for (row_id,) in env.execute_query(
            SQL(
                "INSERT INTO %(table)s (%(columns)s) SELECT %(columns)s "
                "FROM ROWS FROM (jsonb_to_recordset(%(rows)s::jsonb) AS (%(types)s)) "
                "WITH ORDINALITY AS r ORDER BY r.ordinality RETURNING id",
                table=SQL.identifier(model._table),
                columns=SQL(", ").join(SQL.identifier(name) for name in columns),
                rows=json.dumps(data, default=str),
                types=_column_types(model, columns),
            )
        )
    )
    model.invalidate_model()
    return model.browse(ids)


def link(records, field_name, pairs):
    """Add the pairs (record id, related id) to the many2many ``field_name`` of
    the model of ``records`` in one statement."""
    if not pairs:
        return
    field = records._fields[field_name]
    assert field.type == "many2many" and field.store
    records.env.flush_all()
    left, right = zip(*pairs, strict=True)
    records.env.cr.execute(
        SQL(
            "INSERT INTO %(table)s (%(column1)s, %(column2)s) "
            "SELECT * FROM unnest(%(left)s::int[], %(right)s::int[]) "
            "ON CONFLICT DO NOTHING",
            table=SQL.identifier(field.relation),
            column1=SQL.identifier(field.column1),
            column2=SQL.identifier(field.column2),
            left=list(left),
            right=list(right),
        )
    )
    records.invalidate_model([field_name])


def update(records, values):
    """Write the same ``values`` ({field name: column value}) on every record
    in one statement (the ORM updates a hundred rows a statement), with who
    wrote them and when; the fields depending on them are recomputed as after
    a write. No write override, tracking or constraint runs."""
    if not records:
        return
    env = records.env
    names = list(values)
    records.flush_recordset(names)
    assignments = dict(values)
    if records._log_access:
        assignments.update(write_uid=env.uid, write_date=env.cr.now())
    env.cr.execute(
        SQL(
            "UPDATE %s SET %s WHERE id = ANY(%s)",
            SQL.identifier(records._table),
            SQL(", ").join(
                SQL(
                    "%s = %s",
                    SQL.identifier(name),
                    records._fields[name].convert_to_column(value, records),
                )
                for name, value in assignments.items()
            ),
            records.ids,
        )
    )
    records.invalidate_recordset(list(assignments))
    records.modified(names)
