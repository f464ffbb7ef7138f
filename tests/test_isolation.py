# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Isolation between managers, generated over every model that hangs on a
customer through lam.customer.record.mixin: for each one, the five verbs
(read, write, create, move into another customer, unlink) tried by the owner,
a colleague of the same team, a manager of another team, the department
manager of the team and of another team, and finance.

Adding a model to the mixin without a case here fails
``test_every_customer_record_model_has_a_case``.
"""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LamCommon

ALLOWED, DENIED = True, False


class _Rollback(Exception):
    pass


# model: (values of a new record on a customer, values a write changes, link field,
#         whether users may create, write and unlink such records at all)
CASES = {
    "lam.equipment": (lambda t, customer: {"name": "Crusher", "partner_id": customer.id},
                      {"name": "Jaw crusher"}, "partner_id", True),
    "lam.oil.usage": (lambda t, customer: {"partner_id": customer.id, "quantity": 5.0, "uom_id": t.uom_litre.id,
                                           "date": "2026-10-01"},
                      {"note": "Top-up"}, "partner_id", True),
    "lam.oil.sample": (lambda t, customer: {"partner_id": customer.id, "brand": "Brand X"},
                       {"brand": "Brand Y"}, "partner_id", True),
    "lam.oil.sample.line": (lambda t, customer: {"sample_id": t.samples[customer].id, "name": "Water content"},
                            {"value": "0.02 %"}, "sample_id", True),
    # the credit history is written by the system only (res.partner.write)
    "lam.credit.event": (lambda t, customer: {"partner_id": customer.id, "new_rating": "a"},
                         {"reason": "forged"}, "partner_id", False),
}


@tagged("post_install", "-at_install")
class TestCustomerRecordIsolation(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        customers = (cls.customer_a, cls.customer_b, cls.customer_c)
        # real archives: orders in several units, equipment, samples, credit history
        for customer in customers:
            cls._create_order(customer, [(cls.hydraulic_oil, 400.0), (cls.bulk_oil, 1.5)], "2026-10-03 08:00:00")
        cls.samples = {
            customer: cls.env["lam.oil.sample"].create({"partner_id": customer.id, "brand": "Brand X"})
            for customer in customers
        }
        for customer in customers:
            customer.lam_credit_rating = "b"
        cls.records = {
            model: {customer: cls._make(model, customer) for customer in customers}
            for model in CASES
        }
        cls.roles = {
            "owner": cls.manager_a,
            "colleague in the team": cls.manager_b,
            "manager of another team": cls.manager_c,
            "department manager of the team": cls.department_manager,
            "department manager of another team": cls.other_department_manager,
            "finance": cls.finance,
        }

    @classmethod
    def _make(cls, model, customer):
        values, _write, _link, _users_write = CASES[model]
        if model == "lam.credit.event":
            return cls.env[model].search([("partner_id", "=", customer.id)], limit=1)
        return cls.env[model].create(values(cls, customer))

    def test_every_customer_record_model_has_a_case(self):
        mixin_models = {
            name for name in self.env["lam.customer.record.mixin"]._inherit_children
            if not self.env[name]._abstract
        }
        self.assertEqual(mixin_models, set(CASES))

    def _try(self, function):
        """Run ``function`` and undo it: True when allowed, False on AccessError."""
        try:
            with self.env.cr.savepoint():
                function()
                self.env.flush_all()
                raise _Rollback
        except _Rollback:
            return ALLOWED
        except AccessError:
            return DENIED
        finally:
            self.env.invalidate_all()

    def _verbs(self, model, user):
        """Try the five verbs on manager A's record as ``user``; return {verb: allowed}."""
        values, write_values, link, _users_write = CASES[model]
        record = self.records[model][self.customer_a].with_user(user)
        other = self.records[model][self.customer_c]
        link_target = (self.samples[self.customer_c] if link == "sample_id" else self.customer_c)
        return {
            "read": self._try(lambda: record.read(list(write_values))),
            "write": self._try(lambda: record.write(write_values)),
            "create": self._try(lambda: self.env[model].with_user(user).create(values(self, self.customer_a))),
            # move manager A's record into manager C's customer, and C's record into A's
            "move": self._try(lambda: record.write({link: link_target.id})),
            "move in": self._try(lambda: other.with_user(user).write(
                {link: (self.samples[self.customer_a] if link == "sample_id" else self.customer_a).id})),
            "unlink": self._try(lambda: record.unlink()),
        }

    def _expected(self, model, role):
        users_write = CASES[model][3]
        full = {"read": True, "write": users_write, "create": users_write, "move": False, "move in": False,
                "unlink": users_write}
        if role in ("owner", "department manager of the team"):
            return full
        if role == "finance":
            return dict.fromkeys(full, False) | {"read": True}
        return dict.fromkeys(full, False)

    def test_isolation_of_every_customer_record_model(self):
        for model in CASES:
            for role, user in self.roles.items():
                with self.subTest(model=model, role=role):
                    self.assertEqual(self._verbs(model, user), self._expected(model, role))

    def test_owner_moves_records_between_his_own_customers(self):
        second = self.env["res.partner"].create({
            "name": "Anshan Coking", "is_company": True, "lam_customer_kind": "terminal",
            "user_id": self.manager_a.id,
        })
        equipment = self.records["lam.equipment"][self.customer_a].with_user(self.manager_a)
        equipment.partner_id = second
        self.assertEqual(equipment.partner_id, second)

    def test_search_lists_only_what_the_user_may_read(self):
        for model in CASES:
            with self.subTest(model=model):
                mine = self.env[model].with_user(self.manager_a).search([])
                self.assertEqual(mine.account_manager_id, self.manager_a)
                team = self.env[model].with_user(self.department_manager).search([])
                self.assertEqual(team.account_manager_id, self.manager_a | self.manager_b)
                self.assertEqual(len(self.env[model].with_user(self.finance).search([])),
                                 len(self.env[model].search([])))
