# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Input the database would store damaged, or Odoo would crash on, refused
with a message that names the field.

Odoo itself truncates a Char with a size, stores NaN in a float column, and
answers an integer over 2^31, a numeric overflow or a date string it cannot
parse with a traceback. Every model of the addon runs its values through
``check_vals`` before create and write.
"""

import base64
import binascii
import datetime
import math

from odoo.exceptions import ValidationError
from odoo.models import BaseModel, NewId

INT_MAX = 2**31 - 1
# Dates a lubricant archive can meaningfully hold; beyond them date
# arithmetic (next oil change, report periods) overflows.
DATE_MIN = datetime.date(1900, 1, 1)
DATE_MAX = datetime.date(2199, 12, 31)
# An oil change interval, at most (ten years): lam.equipment's constraint.
MAX_CHANGE_INTERVAL_DAYS = 3650
# Floats without digits (double precision): large enough for any volume or amount.
FLOAT_MAX = 1e15
# Texts without a size of their own: a name or a line of a few hundred
# characters, a note of a few pages. More is a paste gone wrong.
CHAR_MAX = 1000
TEXT_MAX = 20000


def shift_date(day, days):
    """``day`` moved by ``days``, or False where the calendar ends (a date an
    earlier version let in, such as 9999-06-01): a compute never overflows."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return False


def check_vals(model, vals, fnames=None):
    """Raise ValidationError for the first value of ``vals`` that cannot be stored as
    given.

    :param model: the model the values are for
    :param vals: field values, as given to create or write
    :param fnames: the field names to check (default: all of ``vals``)
    """
    env = model.env
    for fname, value in vals.items():
        field = model._fields.get(fname)
        if field is None or (fnames is not None and fname not in fnames):
            continue
        if value is None or value is False:
            if field.required and field.type in REQUIRED_TYPES:
                raise ValidationError(
                    env._(
                        "%(field)s is required: it cannot be emptied.",
                        field=field._description_string(env),
                    )
                )
            continue
        checker = CHECKERS.get(field.type)
        message = checker and checker(field, value, env)
        if message:
            raise ValidationError(
                env._(
                    "%(field)s: %(problem)s",
                    field=field._description_string(env),
                    problem=message,
                )
            )


def _check_float(field, value, env):
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return env._("%(value)r is not a number.", value=value)
    if not math.isfinite(number):
        return env._("%(value)s is not a number that can be stored.", value=value)
    digits = field.get_digits(env) if field.type == "float" else None
    limit = 10 ** (digits[0] - digits[1]) if digits and digits[0] else FLOAT_MAX
    if abs(number) >= limit:
        shown = f"{limit:,.0f}"
        return env._(
            "%(value)s is too large (the limit is %(limit)s).", value=value, limit=shown
        )
    return None


def _check_integer(field, value, env):
    if isinstance(value, bool):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return env._("%(value)r is not a whole number.", value=value)
    if isinstance(value, float) and not value.is_integer():
        return env._("%(value)s is not a whole number.", value=value)
    if abs(number) > INT_MAX:
        shown = f"{INT_MAX:,}"
        return env._(
            "%(value)s is too large (the limit is %(limit)s).", value=value, limit=shown
        )
    return None


def _check_char(field, value, env):
    size = field.size or (CHAR_MAX if field.type == "char" else TEXT_MAX)
    if isinstance(value, str) and len(value) > size:
        return env._(
            "%(length)s characters is too long: at most %(size)s are allowed.",
            length=len(value),
            size=size,
        )
    return None


def _check_date(field, value, env):
    try:
        day = field.to_date(value) if field.type == "date" else field.to_datetime(value)
    except (TypeError, ValueError, OverflowError):
        return env._("%(value)r is not a valid date.", value=value)
    day = day.date() if isinstance(day, datetime.datetime) else day
    if day and not DATE_MIN <= day <= DATE_MAX:
        return env._(
            "%(value)s is out of range (%(min)s to %(max)s).",
            value=value,
            min=DATE_MIN,
            max=DATE_MAX,
        )
    return None


def _check_selection(field, value, env):
    values = [key for key, _label in field._description_selection(env)]
    if value not in values:
        return env._("%(value)r is not one of the choices.", value=value)
    return None


def _is_id(value):
    return (
        isinstance(value, int) and not isinstance(value, bool) and 0 < value <= INT_MAX
    )


def _check_many2one(field, value, env):
    if _is_id(value) or isinstance(value, BaseModel) or isinstance(value, NewId):
        return None
    return env._("%(value)r is not a record.", value=value)


def _check_x2many(field, value, env):
    """Commands whose record ids are not ids (a string, a float) crash in SQL."""
    if not isinstance(value, list | tuple):
        return (
            None
            if isinstance(value, BaseModel)
            else env._("%(value)r is not a list of records.", value=value)
        )
    for command in value:
        if isinstance(command, list | tuple) and command:
            code = command[0]
            ids = (
                (command[2] or [])
                if code == 6 and len(command) > 2
                else ([command[1]] if code in (1, 2, 3, 4) and len(command) > 1 else [])
            )
            if not isinstance(ids, list | tuple) or not all(
                _is_id(id_) or isinstance(id_, NewId) for id_ in ids
            ):
                return env._("%(value)r is not a list of records.", value=value)
        elif not (_is_id(command) or isinstance(command, NewId)):
            return env._("%(value)r is not a list of records.", value=value)
    return None


def _check_binary(field, value, env):
    """A file is base64 text: what Odoo cannot decode crashes it."""
    if isinstance(value, bytes | str):
        try:
            # as Odoo decodes it (characters outside the alphabet are skipped)
            base64.b64decode(value)
        except (binascii.Error, ValueError):
            return env._("this is not a file's content (base64).")
        return None
    return env._("%(value)r is not a file's content (base64).", value=value)


# Empty is a value of its own for a number or a flag, none for these.
REQUIRED_TYPES = (
    "many2one",
    "selection",
    "char",
    "text",
    "html",
    "date",
    "datetime",
    "binary",
)

CHECKERS = {
    "binary": _check_binary,
    "many2one": _check_many2one,
    "one2many": _check_x2many,
    "many2many": _check_x2many,
    "selection": _check_selection,
    "float": _check_float,
    "monetary": _check_float,
    "integer": _check_integer,
    "char": _check_char,
    "text": _check_char,
    "html": _check_char,
    "date": _check_date,
    "datetime": _check_date,
}
