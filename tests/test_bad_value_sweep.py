# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The bad-value sweep (issue 21, item 8): every stored field the addon
defines, on every model of the addon (and its fields of the customer), gets
the values a careless or hostile client sends, by create and by write; each
must be refused with a clear error (UserError, ValidationError, AccessError),
never a traceback, and leave the table as it was. The list grows with each
defect found."""

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.models import MAGIC_COLUMNS
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..tools.validation import REQUIRED_TYPES
from .common import MODULE, LamCommon

LONG = "长" * 100_001
BAD_VALUES = {
    "date": ["2026-13-45", "9999-12-31", 10**20, "nan", [2026]],
    "datetime": ["2026-13-45 25:00:00", "9999-12-31 23:59:59", 10**20, {"d": 1}],
    "float": [float("nan"), float("inf"), 1e300, "abc", [1]],
    "monetary": [float("nan"), float("-inf"), 1e300, "abc"],
    "integer": [2**40, "abc", 1.5, float("nan")],
    "char": [LONG],
    "text": [LONG],
    "html": [LONG],
    "many2one": ["abc", -1, 2**40, 1.5, [1]],
    "selection": ["no-such-choice", 12],
    "binary": ["!!!not base64!!!", 12345],
    "one2many": ["abc", [(6, 0, ["a"])], [(4, "x")]],
    "many2many": ["abc", [(6, 0, ["a"])], [(4, 2**40 + 0.5)]],
}
# what a clear refusal is; a duplicate key the database refuses becomes a
# validation error for a client (Odoo's RPC layer names the constraint)
CLEAR = (UserError, AccessError, IntegrityError)
# fields of the models that Odoo's mixins define: Odoo's own
OWN = MODULE
# a check records the user's own check of today: it takes no value given
IGNORES_VALUES = {"lam.purchase.check"}


@tagged("post_install", "-at_install")
class TestBadValueSweep(LamCommon):
    def _models(self):
        """The addon's models with a table of their own, and the customer."""
        names = [
            name
            for name, model in self.env.registry.items()
            if name.startswith("lam.") and not model._abstract and model._auto
        ]
        return sorted(names) + ["res.partner"]

    def _fields(self, model):
        return [
            field
            for fname, field in model._fields.items()
            if field.store
            and fname not in MAGIC_COLUMNS
            and OWN in getattr(field, "_modules", ())
            and field.type in BAD_VALUES
            # of Odoo's models, the addon's own fields
            and (model._name.startswith("lam.") or fname.startswith("lam_"))
        ]

    def _writer(self, Model, users):
        """(record, user): a record of the model and an account manager who may
        write it, else any record and the first manager (refused)."""
        for user in users:
            try:
                records = (
                    Model.with_user(user)
                    .with_context(active_test=False)
                    .search([], limit=20)
                )
            except AccessError:
                continue
            writable = records._filtered_access("write")
            if writable:
                return writable[:1], user
        record = Model.with_context(active_test=False).search([], limit=1)
        return record.with_user(users[0]), users[0]

    def _bad_values(self, field):
        values = list(BAD_VALUES[field.type])
        if field.required and field.type in REQUIRED_TYPES:
            values.append(False)
        return values

    def _attempt(self, what, call):
        """Run ``call``; return a description of what was wrong, or None when it
        was refused clearly."""
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                call()
                self.env.flush_all()
        except CLEAR:
            return None
        except Exception as error:  # noqa: BLE001  # pylint: disable=broad-except
            return f"{what}: {type(error).__name__}: {str(error)[:120]}"
        return f"{what}: accepted"

    def _count(self, model):
        self.env.cr.execute(f'SELECT count(*) FROM "{model._table}"')  # noqa: S608
        return self.env.cr.fetchone()[0]

    def test_every_bad_value_is_refused_clearly(self):
        problems, tried, written = [], 0, set()
        users = self.manager_a | self.env["res.users"].search(
            [
                ("groups_id", "in", self.env.ref(f"{MODULE}.group_lam_user").ids),
                ("share", "=", False),
                ("id", "!=", self.env.ref("base.user_admin").id),
            ],
            order="id",
        )
        for name in self._models():
            Model = self.env[name]
            fields_ = self._fields(Model)
            if not fields_:
                continue
            record, user = self._writer(Model, users)
            Model = Model.with_user(user)
            rows = self._count(Model)
            for field in fields_:
                for value in self._bad_values(field):
                    tried += 1
                    what = f"{name}.{field.name} = {value!r:.40}"
                    if name not in IGNORES_VALUES:
                        problems.append(
                            self._attempt(
                                f"create {what}",
                                lambda model=Model, f=field, v=value: model.create(
                                    {f.name: v}
                                ),
                            )
                        )
                    if record and record.with_user(user)._filtered_access("write"):
                        written.add(name)
                    if record:
                        problems.append(
                            self._attempt(
                                f"write {what}",
                                lambda r=record, f=field, v=value: r.write({f.name: v}),
                            )
                        )
            if self._count(Model) != rows:
                problems.append(
                    f"{name}: {rows} rows before, {self._count(Model)} after"
                )
        problems = [problem for problem in problems if problem]
        self.assertFalse(
            problems, "\n".join([f"{len(problems)} of {tried} not refused:", *problems])
        )
        # the sweep reached most models with a record to write
        self.assertGreater(tried, 500)
        self.assertGreater(len(written), 30)
