# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Companies kept apart (issue 17, hole 5): a finance user and a manager of a
second company only read none of the first company's records, decide none of
them, and put no record in a company they are not in."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import MODULE, LamCommon

LOG_FIELDS = ("write_date", "write_uid", "create_date", "create_uid")


class TestCompanies(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create(
            {"name": "Lubricants North Ltd.", "currency_id": cls.company.currency_id.id}
        )

        def user_of_b(login, groups):
            return new_test_user(
                cls.env,
                login,
                groups=groups,
                name=login,
                lang="en_US",
                company_id=cls.company_b.id,
                company_ids=[Command.set(cls.company_b.ids)],
            )

        cls.finance_b = user_of_b(
            "lam_fin_b", f"base.group_partner_manager,{MODULE}.group_lam_finance"
        )
        cls.manager_north = user_of_b("lam_north", f"{MODULE}.group_lam_maintenance")
        # the first company's records, one of each kind that can be made here
        cls.customer_a.sudo().credit_limit = 5000.0
        order = (
            cls.env["sale.order"]
            .with_user(cls.manager_a)
            .create(
                {
                    "partner_id": cls.customer_a.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.hydraulic_oil.id,
                                "product_uom_qty": 400.0,
                                "price_unit": 20.0,
                            }
                        )
                    ],
                }
            )
        )
        partner, reason = order._lam_risk_hold()
        cls.approval = (
            cls.env["lam.credit.approval"]
            .with_user(cls.manager_a)
            ._lam_request(order, reason, partner)
        )
        cls.change = (
            cls.env["lam.credit.change.request"]
            .with_user(cls.manager_a)
            .create(
                {
                    "partner_id": cls.customer_a.id,
                    "credit_limit": 9000.0,
                    "reason": "Bigger orders next quarter",
                }
            )
        )
        cls.complaint = (
            cls.env["lam.complaint"]
            .with_user(cls.manager_a)
            .create(
                {
                    "partner_id": cls.customer_a.id,
                    "category": "quality",
                    "description": "Foam in the hydraulic tank",
                }
            )
        )
        cls.usage = (
            cls.env["lam.oil.usage"]
            .with_user(cls.manager_a)
            .create(
                {
                    "partner_id": cls.customer_a.id,
                    "product_id": cls.hydraulic_oil.id,
                    "quantity": 1200.0,
                }
            )
        )
        cls.env["lam.cadence.rule"].search([]).company_id = cls.company
        # what hangs on a customer and had no company before: equipment, samples,
        # prospect marks, a dealer's quota and PSI, stocks
        cls.dealer_a = cls.env["res.partner"].create(
            {
                "name": "Anshan Lubricants Trading",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "user_id": cls.manager_a.id,
            }
        )
        cls._create_equipment(cls.customer_a)
        cls.env["lam.oil.sample"].create(
            {
                "partner_id": cls.customer_a.id,
                "brand": "Brand X",
                "line_ids": [Command.create({"name": "Water content"})],
            }
        )
        cls.env["lam.prospect.score"].create(
            {
                "partner_id": cls.customer_a.id,
                "mark": 3,
                "criterion_id": cls.env["lam.prospect.criterion"]
                .create({"name": "Distance to the depot", "weight": 10})
                .id,
            }
        )
        cls.env["lam.dealer.quota"].create(
            {
                "partner_id": cls.dealer_a.id,
                "month": "2026-11-01",
                "target": 100.0,
                "categ_id": cls.hydraulic_oil.categ_id.id,
            }
        )
        cls.env["lam.dealer.psi"].create(
            {
                "partner_id": cls.dealer_a.id,
                "month": "2026-10-01",
                "line_ids": [
                    Command.create(
                        {
                            "product_id": cls.hydraulic_oil.id,
                            "purchases": 400.0,
                            "closing": 400.0,
                        }
                    )
                ],
            }
        )
        cls.env["lam.customer.stock"].create(
            {
                "partner_id": cls.customer_a.id,
                "product_id": cls.hydraulic_oil.id,
                "quantity": 40.0,
            }
        )

    def _company_models(self):
        return [
            name
            for name, model in self.env.registry.items()
            if name.startswith("lam.")
            and not model._abstract
            and not model._transient
            and "company_id" in model._fields
            and model._fields["company_id"].comodel_name == "res.company"
            and model._fields["company_id"].store
        ]

    def test_a_second_company_reads_none_of_the_first(self):
        models = self._company_models()
        self.assertGreaterEqual(len(models), 26)
        seen = 0
        for name in models:
            domain = [("company_id", "=", self.company.id)]
            seen += bool(self.env[name].search_count(domain))
            for user in (self.finance_b, self.manager_north):
                with self.subTest(model=name, user=user.login):
                    records = self.env[name].with_user(user)
                    if not records.has_access("read"):
                        continue  # no access to the model at all
                    self.assertEqual(records.search_count(domain), 0)
                    self.assertEqual(
                        records._read_group(domain, [], ["__count"]), [(0,)]
                    )
        # the walk is not empty: the first company has records of most kinds
        self.assertGreaterEqual(seen, 15)

    def test_a_second_company_decides_none_of_the_first(self):
        for request in (self.approval, self.change):
            with self.subTest(request=request._name):
                with self.assertRaises(AccessError):
                    request.with_user(self.finance_b).action_approve()
                request.sudo().refusal_reason = "Not ours"
                with self.assertRaises(AccessError):
                    request.with_user(self.finance_b).action_refuse()
                self.assertEqual(request.state, "requested")
        with self.assertRaises(AccessError):
            self.complaint.with_user(self.manager_north).action_start()
        self.assertEqual(self.complaint.state, "new")

    def _addon_buttons(self, name):
        """The action_* methods the addon defines on model ``name``, which take
        no argument: what a form's buttons call."""
        buttons = set()
        for cls in type(self.env[name]).__mro__:
            if not cls.__module__.startswith(f"odoo.addons.{MODULE}."):
                continue
            for attr, function in vars(cls).items():
                if (
                    attr.startswith("action_")
                    and callable(function)
                    and function.__code__.co_argcount == 1
                ):
                    buttons.add(attr)
        return sorted(buttons)

    def _stored_values(self, record):
        self.env.invalidate_all()
        fnames = [
            fname
            for fname, field in record._fields.items()
            if field.store and not field.compute and fname not in LOG_FIELDS
        ]
        values = record.sudo().read(fnames)
        # what a button reads next comes from the database, as in a request
        self.env.invalidate_all()
        return values

    def test_a_second_company_presses_no_button_of_the_first(self):
        refused = 0
        for name in self._company_models():
            record = self.env[name].search([("company_id", "=", self.company.id)])[:1]
            for button in self._addon_buttons(name) if record else ():
                for user in (self.finance_b, self.manager_north):
                    with self.subTest(model=name, button=button, user=user.login):
                        before = self._stored_values(record)
                        try:
                            with self.env.cr.savepoint():
                                getattr(record.with_user(user), button)()
                                self.env.flush_all()
                                # a button that passes changes nothing (it opens
                                # a view)
                                self.assertEqual(self._stored_values(record), before)
                        except AccessError:
                            refused += 1
        # the walk pressed the deciding buttons of the requests, the complaint...
        self.assertGreaterEqual(refused, 20)

    def test_no_record_is_put_in_a_company_one_is_not_in(self):
        with self.assertRaises(AccessError):
            self.complaint.with_user(self.manager_a).write(
                {"company_id": self.company_b.id}
            )
        with self.assertRaises(AccessError):
            self.env["lam.oil.usage"].with_user(self.manager_a).create(
                {
                    "partner_id": self.customer_a.id,
                    "product_id": self.hydraulic_oil.id,
                    "quantity": 10.0,
                    "company_id": self.company_b.id,
                }
            )
        self.assertEqual(self.complaint.company_id, self.company)

    def test_a_second_company_reads_no_customer_of_the_first(self):
        """Review of issue 17 (H3, H4): a lubricant customer belongs to his
        company: the other company's finance reads neither him, his contacts,
        his chatter nor his files, and changes none of his credit terms."""
        contact = self.env["res.partner"].create(
            {"name": "Wang Li", "parent_id": self.customer_a.id}
        )
        self.assertEqual(
            (self.customer_a.company_id, contact.company_id),
            (self.company, self.company),
        )
        message = self.customer_a.message_post(
            body="Signed the supply agreement",
            attachments=[("agreement.txt", b"price 14.2 CNY/L")],
        )
        for user in (self.finance_b, self.manager_north):
            with self.subTest(user=user.login):
                Partner = self.env["res.partner"].with_user(user)
                self.assertFalse(
                    Partner.search([("id", "in", (self.customer_a | contact).ids)])
                )
                self.assertFalse(
                    self.env["mail.message"]
                    .with_user(user)
                    .search([("id", "=", message.id)])
                )
                self.assertFalse(
                    self.env["ir.attachment"]
                    .with_user(user)
                    .search([("id", "in", message.attachment_ids.ids)])
                )
        with self.assertRaises(AccessError):
            self.env["lam.credit.change.wizard"].with_user(self.finance_b).create(
                {
                    "partner_id": self.customer_a.id,
                    "credit_rating": "c",
                    "reason": "Not ours",
                    "risk_sale_order_include": False,
                }
            )
        self.assertTrue(self.customer_a.risk_sale_order_include)

    def test_a_customer_stays_in_his_company(self):
        """Second review of issue 17 (M-1): neither a manager nor his department
        manager shares a customer or a contact with the other companies."""
        for user in (self.manager_a, self.department_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.customer_a.with_user(user).write({"company_id": False})
        contact = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .create(
                {
                    "name": "Key person X",
                    "parent_id": self.customer_a.id,
                    "company_id": False,
                }
            )
        )
        self.assertEqual(contact.company_id, self.company)
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.finance_b)
            .search([("id", "=", contact.id)])
        )
