# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Isolation between managers, generated over every model that hangs on a
customer through lam.customer.record.mixin: for each one, the five verbs
(read, write, create, move into another customer, unlink) tried by the owner,
a colleague of the same team, a manager of another team, the department
manager of the team and of another team, finance, and a finance user and a
manager of a second company.

Adding a model to the mixin without a case here fails
``test_every_customer_record_model_has_a_case``.
"""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import MODULE, LamCommon

ALLOWED, DENIED = True, False


class _Rollback(Exception):
    pass


def customer_record_models(env):
    """The concrete models inheriting lam.customer.record.mixin, through other mixins
    too."""
    return env["lam.customer.record.mixin"]._lam_record_models()


# model: values of a new record on a customer, values a write changes, the
# field hanging it on its customer, what its owner may do (besides read and
# move), and whether finance reads it.
CASES = {
    "lam.equipment": {
        "values": lambda t, customer: {"name": "Crusher", "partner_id": customer.id},
        "write": {"name": "Jaw crusher"},
        "link": "partner_id",
        "owner": {"write", "create", "unlink"},
        "finance": True,
    },
    "lam.oil.usage": {
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "quantity": 5.0,
            "uom_id": t.uom_litre.id,
            "date": "2026-10-01",
        },
        "write": {"note": "Top-up"},
        "link": "partner_id",
        "owner": {"write", "create", "unlink"},
        "finance": True,
    },
    "lam.oil.sample": {
        "values": lambda t, customer: {"partner_id": customer.id, "brand": "Brand X"},
        "write": {"brand": "Brand Y"},
        "link": "partner_id",
        "owner": {"write", "create", "unlink"},
        "finance": True,
    },
    "lam.oil.sample.line": {
        "values": lambda t, customer: {
            "sample_id": t.samples[customer].id,
            "name": "Water content",
        },
        "write": {"value": "0.02 %"},
        "link": "sample_id",
        "owner": {"write", "create", "unlink"},
        "finance": True,
    },
    # the credit history is written by the system only (res.partner.write)
    "lam.credit.event": {
        "values": lambda t, customer: {"partner_id": customer.id, "new_rating": "a"},
        "write": {"reason": "forged"},
        "link": "partner_id",
        "owner": set(),
        "finance": True,
    },
    # records of work: finance has no business in them
    "lam.visit": {
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "goal": "Collect the oil plan",
        },
        "write": {"goal": "Agree the price"},
        "link": "partner_id",
        "owner": {"write", "create", "unlink"},
        "finance": False,
    },
    "lam.visit.participant": {
        "values": lambda t, customer: {
            "visit_id": t.visits[customer].id,
            "name": "Li Na",
        },
        "write": {"function": "Buyer"},
        "link": "visit_id",
        "owner": {"write", "create", "unlink"},
        "finance": False,
    },
    "lam.communication": {
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "summary": "Asked for the price list",
        },
        "write": {"summary": "Sent the price list"},
        "link": "partner_id",
        "owner": {"write", "create", "unlink"},
        "finance": False,
    },
    "lam.archive.review": {
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "updated": "Key persons",
        },
        "write": {"updated": "Equipment"},
        "link": "partner_id",
        "owner": {"write", "create"},
        "finance": False,
    },
    # planning and development
    "lam.plan.line": {
        "values": lambda t, customer: {
            "plan_id": t.plans[customer].id,
            "partner_id": customer.id,
            "action": "Present the trial results",
            "planned_date": "2026-11-04",
        },
        "write": {"action": "Agree the trial"},
        "link": "partner_id",
        "owner": {"write", "create", "unlink"},
        "finance": False,
    },
    "lam.expansion.plan": {
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "breakthrough": "product",
            "scheme": "Trial of our gear oil on one kiln",
        },
        "write": {"progress": "Trial agreed"},
        "link": "partner_id",
        "owner": {"write", "create", "unlink"},
        "finance": False,
    },
    "lam.senior.visit.request": {
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "senior_user_id": t.senior.id,
            "reason": "The owner wants to meet our director",
            "date_from": "2026-12-01",
            "date_to": "2026-12-05",
        },
        # a request is read-only once made: its deciders write why they refuse
        # (made by the system here: no department manager decides it)
        "write": {"refusal_reason": "The director is abroad"},
        "link": "partner_id",
        "owner": {"create"},
        "department": {"create"},
        "finance": False,
    },
    "lam.prospect.score": {
        # a criterion of its own for each mark: one mark per criterion and prospect
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "mark": 3,
            "criterion_id": t.env["lam.prospect.criterion"]
            .create({"name": "Distance to the depot", "weight": 10})
            .id,
        },
        "write": {"mark": 4},
        "link": "partner_id",
        "owner": {"write", "create", "unlink"},
        "finance": True,
    },
    # grade history: written by the grading only
    "lam.abc.history": {
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "company_id": t.company.id,
            "date": "2026-11-01",
            "old_grade": "b",
            "new_grade": "a",
        },
        "write": {"note": "forged"},
        "link": "partner_id",
        "owner": set(),
        "finance": True,
    },
    # complaints follow the customer's manager and who handles them; never deleted but
    # by administrators
    "lam.complaint": {
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "description": "Foam in the hydraulic oil",
        },
        "write": {"lots": "2610-07"},
        "link": "partner_id",
        "owner": {"write", "create"},
        "finance": False,
    },
    # what hangs on a dealer (customer C is manager C's dealer in these cases)
    "lam.dealer.quota": {
        "values": lambda t, customer: {
            "partner_id": t.dealers[customer].id,
            "month": "2026-10-01",
            "target": 100.0,
            "categ_id": t.env["product.category"].create({"name": "Quota group"}).id,
        },
        "write": {"target": 120.0},
        "link": "partner_id",
        "targets": "dealers",
        "owner": {"write", "create", "unlink"},
        "finance": True,
    },
    "lam.dealer.psi": {
        "values": lambda t, customer: {
            "partner_id": t.dealers[customer].id,
            "month": next(t.months),
        },
        "write": {"submitted_on": "2026-11-09"},
        "link": "partner_id",
        "targets": "dealers",
        "owner": {"write", "create", "unlink"},
        "finance": True,
    },
    "lam.dealer.psi.line": {
        "values": lambda t, customer: {
            "psi_id": t.psis[customer].id,
            "product_id": t._create_product("Gear Oil 220", t.uom_litre).id,
            "opening": 10.0,
            "purchases": 5.0,
            "sales": 5.0,
            "closing": 10.0,
        },
        "write": {"sales": 0.0, "closing": 15.0},
        "link": "psi_id",
        "owner": {"write", "create", "unlink"},
        "finance": True,
    },
    "lam.channel.violation": {
        "values": lambda t, customer: {
            "partner_id": t.dealers[customer].id,
            "date": "2026-10-12",
            "description": "Our drums with his batch numbers sold out of his territory",
        },
        "write": {"place": "Mianyang"},
        "link": "partner_id",
        "targets": "dealers",
        "owner": {"write", "create"},
        "finance": False,
    },
    "lam.dealer.assessment": {
        "values": lambda t, customer: {
            "partner_id": t.dealers[customer].id,
            "date_from": "2026-05-01",
            "date_to": "2026-10-31",
        },
        "write": {"remarks": "Report the PSI on time"},
        "link": "partner_id",
        "targets": "dealers",
        "owner": {"write", "create"},
        "finance": False,
    },
    "lam.dealer.assessment.line": {
        "values": lambda t, customer: {
            "assessment_id": t.assessments[customer].id,
            "weight": 10.0,
            "score": 50.0,
            "criterion_id": t.env["lam.assessment.criterion"]
            .create({"name": "Training attended", "weight": 10})
            .id,
        },
        "write": {"score": 60.0},
        "link": "assessment_id",
        # the lines come from the criteria (made by the system)
        "owner": {"write"},
        "finance": False,
    },
    # sales: a manager's plan per customer, the stocks he records
    "lam.sales.plan.line": {
        "values": lambda t, customer: {
            "manager_plan_id": t._plan_part(customer.user_id).id,
            "partner_id": customer.id,
            "target": 100.0,
            "customer_plan": 90.0,
        },
        "write": {"customer_plan": 120.0},
        "link": "partner_id",
        "owner": {"write", "create", "unlink"},
        "finance": True,
    },
    "lam.customer.stock": {
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "product_id": t.hydraulic_oil.id,
            "quantity": 40.0,
            "date": "2026-10-20",
        },
        "write": {"quantity": 35.0},
        "link": "partner_id",
        "owner": {"write", "create", "unlink"},
        "finance": True,
    },
    # receivables: finance records collection actions and decides credit requests
    "lam.collection.action": {
        "values": lambda t, customer: {
            "receivable_id": t.receivables[customer].id,
            "action": "call",
            "description": "Called the buyer",
        },
        "write": {"result": "Promised for Friday"},
        "link": "receivable_id",
        "owner": {"write", "create"},
        "finance": True,
        "finance_can": {"write", "create"},
    },
    "lam.credit.approval": {
        "values": lambda t, customer: {
            "order_id": t.orders[customer].id,
            "partner_id": customer.id,
            "amount": 1000.0,
            "exception_msg": "Over the limit",
        },
        "write": {"refusal_reason": "Overdue invoices"},
        "link": "partner_id",
        "owner": set(),
        "department": {"write"},
        "finance": True,
        "finance_can": {"write"},
    },
    "lam.credit.change.request": {
        "values": lambda t, customer: {
            "partner_id": customer.id,
            "credit_limit": 9000.0,
            "reason": "More orders",
        },
        # a request is read-only once made: its deciders write why they refuse
        "write": {"refusal_reason": "Overdue invoices"},
        "link": "partner_id",
        "owner": {"create"},
        "department": {"write", "create"},
        "finance": True,
        "finance_can": {"write"},
    },
}
LINK_TARGETS = {
    "sample_id": "samples",
    "visit_id": "visits",
    "psi_id": "psis",
    "assessment_id": "assessments",
    "receivable_id": "receivables",
}


@tagged("post_install", "-at_install")
class TestCustomerRecordIsolation(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        customers = (cls.customer_a, cls.customer_b, cls.customer_c)
        # real archives: orders in several units, equipment, samples, credit history
        cls.orders = {
            customer: cls._create_order(
                customer,
                [(cls.hydraulic_oil, 400.0), (cls.bulk_oil, 1.5)],
                "2026-10-03 08:00:00",
            )
            for customer in customers
        }
        for order in cls.orders.values():
            order._create_invoices().action_post()
        cls.receivables = {
            customer: cls.env["lam.receivable"].search(
                [("partner_id", "=", customer.id)]
            )
            for customer in customers
        }
        cls.samples = {
            customer: cls.env["lam.oil.sample"].create(
                {"partner_id": customer.id, "brand": "Brand X"}
            )
            for customer in customers
        }
        cls.visits = {
            customer: cls.env["lam.visit"].create(
                {"partner_id": customer.id, "user_id": customer.user_id.id}
            )
            for customer in customers
        }
        for customer in customers:
            customer.lam_credit_rating = "b"
        cls.plans = {
            customer: cls.env["lam.plan"].create(
                {"user_id": customer.user_id.id, "date": "2026-11-02"}
            )
            for customer in customers
        }
        cls.senior = cls.env.ref("base.user_admin")
        # each manager's dealer, with a month of stock and an assessment
        cls.dealers = {
            customer: cls.env["res.partner"].create(
                {
                    "name": f"Dealer of {customer.name}",
                    "is_company": True,
                    "lam_customer_kind": "dealer",
                    "user_id": customer.user_id.id,
                }
            )
            for customer in customers
        }
        cls.months = (
            f"{year}-06-01" for year in range(1900, 2100)
        )  # never adjacent: no continuity between them
        cls.psis = {
            customer: cls.env["lam.dealer.psi"].create(
                {
                    "partner_id": cls.dealers[customer].id,
                    "month": next(cls.months),
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": cls.hydraulic_oil.id,
                                "opening": 0.0,
                                "purchases": 400.0,
                                "sales": 300.0,
                                "closing": 100.0,
                            },
                        )
                    ],
                }
            )
            for customer in customers
        }
        cls.assessments = {
            customer: cls.env["lam.dealer.assessment"].create(
                {
                    "partner_id": cls.dealers[customer].id,
                    "date_from": "2026-05-01",
                    "date_to": "2026-10-31",
                }
            )
            for customer in customers
        }
        cls.records = {
            model: {customer: cls._make(model, customer) for customer in customers}
            for model in CASES
        }
        # a second company, with a finance user and a manager of its own
        company_b = cls.env["res.company"].create(
            {"name": "Lubricants North Ltd.", "currency_id": cls.company.currency_id.id}
        )
        users_of_b = {
            login: new_test_user(
                cls.env,
                login,
                groups=groups,
                name=login,
                lang="en_US",
                company_id=company_b.id,
                company_ids=[Command.set(company_b.ids)],
            )
            for login, groups in (
                (
                    "lam_fin_b",
                    f"base.group_partner_manager,{MODULE}.group_lam_finance",
                ),
                ("lam_north", f"{MODULE}.group_lam_maintenance"),
            )
        }
        cls.roles = {
            "finance of another company": users_of_b["lam_fin_b"],
            "manager of another company": users_of_b["lam_north"],
            "owner": cls.manager_a,
            "colleague in the team": cls.manager_b,
            "manager of another team": cls.manager_c,
            "department manager of the team": cls.department_manager,
            "department manager of another team": cls.other_department_manager,
            "finance": cls.finance,
        }

    @classmethod
    def _plan_part(cls, user):
        """A part of a new month's sales plan for ``user``."""
        plan = cls.env["lam.sales.plan"].create(
            {"month": next(cls.months), "target_volume": 1000.0}
        )
        return cls.env["lam.sales.plan.manager"].create(
            {"plan_id": plan.id, "user_id": user.id}
        )

    @classmethod
    def _make(cls, model, customer):
        if model == "lam.credit.event":
            return cls.env[model].search([("partner_id", "=", customer.id)], limit=1)
        return cls.env[model].create(CASES[model]["values"](cls, customer))

    def _link_value(self, model, customer):
        case = CASES[model]
        link = case["link"]
        if link in LINK_TARGETS:
            return getattr(self, LINK_TARGETS[link])[customer].id
        return (
            getattr(self, case["targets"])[customer].id
            if "targets" in case
            else customer.id
        )

    def test_every_customer_record_model_has_a_case(self):
        self.assertEqual(set(customer_record_models(self.env)), set(CASES))

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
        """Try the five verbs on manager A's record as ``user``; return {verb:
        allowed}."""
        case = CASES[model]
        record = self.records[model][self.customer_a].with_user(user)
        other = self.records[model][self.customer_c].with_user(user)
        return {
            "read": self._try(lambda: record.read(list(case["write"]))),
            "write": self._try(lambda: record.write(case["write"])),
            "create": self._try(
                lambda: self.env[model]
                .with_user(user)
                .create(case["values"](self, self.customer_a))
            ),
            # move manager A's record into manager C's customer, and C's record into A's
            "move": self._try(
                lambda: record.write(
                    {case["link"]: self._link_value(model, self.customer_c)}
                )
            ),
            "move in": self._try(
                lambda: other.write(
                    {case["link"]: self._link_value(model, self.customer_a)}
                )
            ),
            "unlink": self._try(lambda: record.unlink()),
        }

    def _expected(self, model, role):
        case = CASES[model]
        nothing = dict.fromkeys(
            ("read", "write", "create", "move", "move in", "unlink"), False
        )
        if role == "department manager of the team" and "department" in case:
            return nothing | {"read": True} | dict.fromkeys(case["department"], True)
        if role in ("owner", "department manager of the team"):
            return nothing | {"read": True} | dict.fromkeys(case["owner"], True)
        if role == "finance":
            return (
                nothing
                | {"read": case["finance"]}
                | dict.fromkeys(case.get("finance_can", ()), True)
            )
        return nothing

    def test_isolation_of_every_customer_record_model(self):
        for model in CASES:
            for role, user in self.roles.items():
                with self.subTest(model=model, role=role):
                    self.assertEqual(
                        self._verbs(model, user), self._expected(model, role)
                    )

    def test_owner_moves_records_between_his_own_customers(self):
        second = self.env["res.partner"].create(
            {
                "name": "Anshan Coking",
                "is_company": True,
                "lam_customer_kind": "terminal",
                "user_id": self.manager_a.id,
            }
        )
        equipment = self.records["lam.equipment"][self.customer_a].with_user(
            self.manager_a
        )
        equipment.partner_id = second
        self.assertEqual(equipment.partner_id, second)

    def test_search_lists_only_what_the_user_may_read(self):
        for model in CASES:
            with self.subTest(model=model):
                mine = self.env[model].with_user(self.manager_a).search([])
                self.assertEqual(mine.account_manager_id, self.manager_a)
                team = self.env[model].with_user(self.department_manager).search([])
                self.assertEqual(
                    team.account_manager_id, self.manager_a | self.manager_b
                )
                if CASES[model]["finance"]:
                    self.assertEqual(
                        len(self.env[model].with_user(self.finance).search([])),
                        len(self.env[model].search([])),
                    )
                    # finance of another company: none of them
                    finance_b = self.roles["finance of another company"]
                    self.assertFalse(self.env[model].with_user(finance_b).search([]))
