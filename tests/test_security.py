# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MODULE, LamCommon


@tagged("post_install", "-at_install")
class TestSecurity(LamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.equipment_a = cls._create_equipment(cls.customer_a, quantity=2)
        cls.equipment_b = cls._create_equipment(cls.customer_b, quantity=5)
        cls.contact_b = cls.env["res.partner"].create(
            {
                "name": "Liu Yang",
                "parent_id": cls.customer_b.id,
                "lam_is_key_person": True,
                "lam_private_note": "Prefers calls after 17:00",
            }
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Drum Supplier", "is_company": True}
        )

    def test_manager_cannot_read_colleague_customer(self):
        with self.assertRaises(AccessError):
            self.customer_b.with_user(self.manager_a).read(["name"])
        with self.assertRaises(AccessError):
            self.customer_b.with_user(self.manager_a).write({"lam_stage": "lost"})

    def test_manager_cannot_see_colleague_equipment(self):
        with self.assertRaises(AccessError):
            self.equipment_b.with_user(self.manager_a).read(["name"])
        with self.assertRaises(AccessError):
            self.env["lam.equipment"].with_user(self.manager_a).create(
                {"name": "Crusher", "partner_id": self.customer_b.id}
            )
        visible = self.env["lam.equipment"].with_user(self.manager_a).search([])
        self.assertEqual(visible, self.equipment_a)

    def test_records_follow_reassigned_customer(self):
        self.customer_b.user_id = self.manager_a
        self.assertEqual(self.equipment_b.account_manager_id, self.manager_a)
        self.assertEqual(self.equipment_b.with_user(self.manager_a).quantity, 5)
        with self.assertRaises(AccessError):
            self.equipment_b.with_user(self.manager_b).read(["name"])

    def test_manager_searches_only_own_customers_and_their_contacts(self):
        partners = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .search([("lam_customer_kind", "!=", False)])
        )
        self.assertEqual(partners, self.customer_a)
        contacts = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .search([("parent_id", "=", self.customer_b.id)])
        )
        self.assertFalse(contacts)

    def test_other_partners_stay_readable(self):
        for manager in (self.manager_a, self.manager_b, self.manager_c):
            self.assertEqual(
                self.vendor.with_user(manager).read(["name"])[0]["name"],
                "Drum Supplier",
            )
        self.assertTrue(self.env.company.partner_id.with_user(self.manager_a).name)

    def test_department_manager_sees_team(self):
        dep = self.department_manager
        customers = (
            self.env["res.partner"]
            .with_user(dep)
            .search([("lam_customer_kind", "!=", False)])
        )
        self.assertEqual(customers, self.customer_a | self.customer_b)
        self.customer_b.with_user(dep).write({"lam_stage": "developing"})
        self.assertEqual(self.customer_b.lam_stage, "developing")
        self.assertEqual(self.equipment_b.with_user(dep).quantity, 5)
        with self.assertRaises(AccessError):
            self.customer_c.with_user(dep).read(["name"])

    def test_a_change_of_team_changes_what_its_leader_sees_at_once(self):
        east, west = self.department_manager, self.other_department_manager
        Partner = self.env["res.partner"]
        kinds = [("lam_customer_kind", "!=", False)]
        self.assertEqual(
            Partner.with_user(east).search(kinds), self.customer_a | self.customer_b
        )
        self.assertEqual(east.lam_team_user_ids, self.manager_a | self.manager_b)
        # manager C joins the east team (and leaves the west one): the domains of
        # the record rules, which Odoo caches per user, follow at once
        self.team.crm_team_member_ids = [Command.create({"user_id": self.manager_c.id})]
        self.assertEqual(
            Partner.with_user(east).search(kinds),
            self.customer_a | self.customer_b | self.customer_c,
        )
        self.assertFalse(Partner.with_user(west).search(kinds))
        self.team.user_id = west
        self.assertFalse(Partner.with_user(east).search(kinds))
        self.assertEqual(
            Partner.with_user(west).search(kinds),
            self.customer_a | self.customer_b | self.customer_c,
        )

    def test_an_archived_membership_never_counts(self):
        east = self.department_manager
        Partner = self.env["res.partner"]
        kinds = [("lam_customer_kind", "!=", False)]
        self.team.crm_team_member_ids.filtered(
            lambda member: member.user_id == self.manager_b
        ).active = False
        # read first by a caller that sees archived records: the value is cached for
        # the transaction, and the rules' domains are cached past it
        self.assertEqual(
            east.with_context(active_test=False).lam_team_user_ids, self.manager_a
        )
        self.assertEqual(Partner.with_user(east).search(kinds), self.customer_a)
        with self.assertRaises(AccessError):
            self.customer_b.with_user(east).read(["name"])

    def test_finance_reads_but_does_not_write_the_archive(self):
        finance_customer = self.customer_a.with_user(self.finance)
        self.assertEqual(finance_customer.read(["lam_size"])[0]["lam_size"], "large")
        with self.assertRaises(AccessError):
            finance_customer.write({"lam_stage": "lost"})
        with self.assertRaises(AccessError):
            self.env["lam.equipment"].with_user(self.finance).create(
                {"name": "Crusher", "partner_id": self.customer_a.id}
            )
        self.vendor.with_user(self.finance).write({"phone": "+86 10 1234 5678"})
        self.assertEqual(self.vendor.phone, "+86 10 1234 5678")

    def test_finance_cannot_read_confidential_fields(self):
        with self.assertRaises(AccessError):
            self.customer_a.with_user(self.finance).read(["lam_competitor_prices"])
        with self.assertRaises(AccessError):
            self.contact_b.with_user(self.finance).read(["lam_private_note"])
        owner_view = self.customer_a.with_user(self.manager_a).read(
            ["lam_competitor_prices"]
        )[0]
        self.assertEqual(
            owner_view["lam_competitor_prices"], "Brand X hydraulic oil 14.5 CNY/L"
        )
        self.assertEqual(
            self.contact_b.with_user(self.department_manager).read(
                ["lam_private_note"]
            )[0]["lam_private_note"],
            "Prefers calls after 17:00",
        )

    def test_finance_reads_credit_history(self):
        self.customer_a.write({"lam_credit_rating": "b"})
        events = (
            self.env["lam.credit.event"]
            .with_user(self.finance)
            .search([("partner_id", "=", self.customer_a.id)])
        )
        self.assertEqual(events.new_rating, "b")
        self.assertEqual(self.customer_a.with_user(self.finance).lam_credit_rating, "b")

    def test_credit_history_cannot_be_forged(self):
        with self.assertRaises(AccessError):
            self.env["lam.credit.event"].with_user(self.manager_a).create(
                {"partner_id": self.customer_a.id, "new_rating": "aaa"}
            )

    def test_admin_assigns_manager_category(self):
        user = self.manager_c
        self.assertEqual(user.lam_manager_category, "channel")
        user.lam_manager_category = "maintenance"
        self.assertTrue(user.has_group(f"{MODULE}.group_lam_maintenance"))
        self.assertFalse(user.has_group(f"{MODULE}.group_lam_channel"))
        self.assertTrue(user.has_group(f"{MODULE}.group_lam_user"))

    def test_a_partner_not_his_is_no_customer_of_a_manager(self):
        """Issue 17, hole 7: an account manager does not turn a shared partner,
        a vendor or another company's partner into his customer."""
        company_b = self.env["res.company"].create({"name": "Lubricants North"})
        vendor = self.env["res.partner"].create(
            {"name": "Drum Supplier Co.", "is_company": True}
        )
        foreign = self.env["res.partner"].create(
            {"name": "North Own Client", "is_company": True, "company_id": company_b.id}
        )
        colleagues = self.env["res.partner"].create(
            {
                "name": "Colleague's Lead",
                "is_company": True,
                "user_id": self.manager_b.id,
            }
        )
        # (with no credit terms, which only finance gives: not the reason refused)
        (vendor | foreign | colleagues).sudo().property_payment_term_id = False
        for partner in (vendor, colleagues):
            with self.subTest(partner=partner.name), self.assertRaises(AccessError):
                partner.with_user(self.manager_a).write(
                    {"lam_customer_kind": "terminal", "user_id": self.manager_a.id}
                )
            self.assertFalse(partner.lam_customer_kind)
        with self.assertRaises(AccessError):
            foreign.with_user(self.manager_a).write(
                {"lam_customer_kind": "terminal", "user_id": self.manager_a.id}
            )
        # a company he entered himself becomes his customer
        own = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .create({"name": "Walk-in Works", "is_company": True})
        )
        own.sudo().property_payment_term_id = False
        own.write({"lam_customer_kind": "terminal", "user_id": self.manager_a.id})
        self.assertEqual(own.lam_customer_kind, "terminal")
        # the department manager gives a kind to the shared partner
        vendor.with_user(self.department_manager).write(
            {"lam_customer_kind": "terminal", "user_id": self.manager_a.id}
        )
        self.assertEqual(vendor.user_id, self.manager_a)

    def test_a_search_method_answers_only_who_reads_its_field(self):
        """Issue 17, hole 13: searching on a restricted computed field is
        refused to a user who may not read it."""
        Partner = self.env["res.partner"].with_user(self.internal_user)
        for fname in (
            "lam_is_credit_customer",
            "lam_purchase_drop",
            "lam_missing_key_person",
            "lam_review_overdue",
            "lam_abc_differs",
        ):
            with self.subTest(field=fname), self.assertRaises(AccessError):
                Partner.search([(fname, "=", True)])
        # never reviewed: the review cadence finds the archive overdue
        self.env["lam.cadence.engine"]._lam_enforce(self.customer_a)
        self.assertIn(
            self.customer_a,
            self.env["res.partner"]
            .with_user(self.manager_a)
            .search([("lam_review_overdue", "=", True)]),
        )

    def test_a_unique_key_tells_nothing_of_a_colleague(self):
        """Issue 17, hole 14: taking the unique key of a colleague's record
        (his work log of a day, his plan of a week, another team's dealer
        report...) is refused exactly as a free key is, by the record rules,
        not by the constraint naming the record."""
        dealer_c = self.env["res.partner"].create(
            {
                "name": "Chongqing Oil Trading",
                "is_company": True,
                "lam_customer_kind": "dealer",
                "user_id": self.manager_c.id,
            }
        )
        criterion = self.env["lam.prospect.criterion"].create(
            {"name": "Distance to the depot", "weight": 10}
        )
        assessment_criterion = self.env["lam.assessment.criterion"].create(
            {"name": "Training attended", "weight": 10}
        )
        psi = self.env["lam.dealer.psi"].create(
            {"partner_id": dealer_c.id, "month": "2026-10-01"}
        )
        psi_free = self.env["lam.dealer.psi"].create(
            {"partner_id": dealer_c.id, "month": "2026-09-01"}
        )
        assessment = self.env["lam.dealer.assessment"].create(
            {
                "partner_id": dealer_c.id,
                "date_from": "2026-05-01",
                "date_to": "2026-10-31",
            }
        )
        assessment_free = self.env["lam.dealer.assessment"].create(
            {
                "partner_id": dealer_c.id,
                "date_from": "2025-11-01",
                "date_to": "2026-04-30",
            }
        )
        sales_plan = self.env["lam.sales.plan"].create(
            {"month": "2031-12-01", "target_volume": 1000.0}
        )
        sales_plan_free = self.env["lam.sales.plan"].create(
            {"month": "2032-01-01", "target_volume": 1000.0}
        )
        categ = self.hydraulic_oil.categ_id
        c = self.manager_c.id
        # model: the colleague's values (stored here), the same key but free,
        # the attacker
        cases = {
            "lam.work.log": (
                {"user_id": c, "date": "2026-11-20"},
                {"user_id": c, "date": "2026-11-21"},
                self.manager_a,
            ),
            "lam.plan": (
                {"user_id": c, "period_type": "week", "date": "2026-11-16"},
                {"user_id": c, "period_type": "week", "date": "2026-11-23"},
                self.manager_a,
            ),
            "lam.dealer.psi": (
                {"partner_id": dealer_c.id, "month": "2026-08-01"},
                {"partner_id": dealer_c.id, "month": "2026-07-01"},
                self.manager_a,
            ),
            "lam.dealer.psi.line": (
                {"psi_id": psi.id, "product_id": self.hydraulic_oil.id},
                {"psi_id": psi_free.id, "product_id": self.hydraulic_oil.id},
                self.manager_a,
            ),
            "lam.dealer.quota": (
                {
                    "partner_id": dealer_c.id,
                    "month": "2026-11-01",
                    "categ_id": categ.id,
                    "target": 10.0,
                },
                {
                    "partner_id": dealer_c.id,
                    "month": "2026-12-01",
                    "categ_id": categ.id,
                    "target": 10.0,
                },
                self.manager_a,
            ),
            "lam.prospect.score": (
                {"partner_id": self.customer_c.id, "criterion_id": criterion.id},
                {"partner_id": dealer_c.id, "criterion_id": criterion.id},
                self.manager_a,
            ),
            "lam.sales.plan.manager": (
                {"plan_id": sales_plan.id, "user_id": c},
                {"plan_id": sales_plan_free.id, "user_id": c},
                self.department_manager,
            ),
            "lam.dealer.assessment.line": (
                {
                    "assessment_id": assessment.id,
                    "criterion_id": assessment_criterion.id,
                    "weight": 10.0,
                },
                {
                    "assessment_id": assessment_free.id,
                    "criterion_id": assessment_criterion.id,
                    "weight": 10.0,
                },
                self.manager_a,
            ),
        }
        for model, (taken, free, attacker) in cases.items():
            with self.subTest(model=model):
                Model = self.env[model]
                existing = Model.search(
                    [(fname, "=", value) for fname, value in taken.items()]
                ) or Model.create(taken)
                self.assertTrue(existing)
                Model.search(
                    [(fname, "=", value) for fname, value in free.items()]
                ).unlink()
                errors = []
                for values in (taken, free):
                    with self.assertRaises(AccessError) as caught:
                        with self.env.cr.savepoint():
                            Model.with_user(attacker).create(values)
                    errors.append(str(caught.exception))
                self.assertEqual(errors[0], errors[1])
        # moving one's own record onto the colleague's key says the same as onto a
        # free one
        errors = []
        for day in ("2026-11-20", "2026-11-21"):
            own = (
                self.env["lam.work.log"].with_user(self.manager_a).create({"date": day})
            )
            with self.assertRaises(AccessError) as caught:
                with self.env.cr.savepoint():
                    own.write({"user_id": self.manager_c.id})
            errors.append(str(caught.exception))
        self.assertEqual(errors[0], errors[1])

    def test_a_form_computes_nothing_from_a_colleague_s_customer(self):
        """Issue 17, hole 15: onchange with a colleague's customer answers
        neither its position on the map nor whether it is a dealer."""
        self.customer_c.write({"partner_latitude": 29.56, "partner_longitude": 106.55})
        for model, spec in (
            ("lam.visit", {"partner_id": {}, "partner_latitude": {}}),
            ("lam.complaint", {"partner_id": {}, "is_dealer": {}}),
        ):
            with self.subTest(model=model):
                Model = self.env[model].with_user(self.manager_a)
                with self.assertRaises(AccessError):
                    Model.onchange(
                        {"partner_id": self.customer_c.id}, ["partner_id"], spec
                    )
                # his own customer: the form fills in
                result = Model.onchange(
                    {"partner_id": self.customer_a.id}, ["partner_id"], spec
                )
                self.assertIn("value", result)
        own = (
            self.env["lam.visit"]
            .with_user(self.manager_a)
            .onchange(
                {"partner_id": self.customer_a.id},
                ["partner_id"],
                {"partner_id": {}, "partner_latitude": {}},
            )
        )
        self.assertEqual(own["value"].get("partner_latitude", 0.0), 0.0)

    def test_who_handles_a_complaint_edits_it_without_reading_the_customer(self):
        """The onchange check lets a colleague edit a record he may read although
        its customer is not his (the complaint he handles)."""
        complaint = self.env["lam.complaint"].create(
            {
                "partner_id": self.customer_c.id,
                "description": "Foam in the gear oil",
                "user_id": self.manager_a.id,
            }
        )
        spec = {"partner_id": {}, "lots": {}}
        result = complaint.with_user(self.manager_a).onchange(
            {"partner_id": self.customer_c.id, "lots": "2611-02"}, ["lots"], spec
        )
        self.assertIn("value", result)
        with self.assertRaises(AccessError):
            complaint.with_user(self.manager_b).onchange(
                {"partner_id": self.customer_c.id, "lots": "2611-02"}, ["lots"], spec
            )

    def test_a_salesperson_set_first_adopts_nothing(self):
        """Second review of issue 17 (M-2): setting oneself as salesperson of a
        shared partner, then giving it a kind, is refused as in one call."""
        vendor = self.vendor.with_user(self.manager_a)
        vendor.write({"user_id": self.manager_a.id})
        with self.assertRaises(AccessError):
            vendor.write(
                {"lam_customer_kind": "terminal", "user_id": self.manager_a.id}
            )
        self.assertFalse(self.vendor.lam_customer_kind)
        # his own partner he adopts
        own = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .create({"name": "Anshan Forge", "is_company": True})
        )
        own.write({"lam_customer_kind": "terminal", "user_id": self.manager_a.id})
        self.assertEqual(own.lam_customer_kind, "terminal")
        with self.assertRaisesRegex(UserError, "dated by the hand-off"):
            own.write({"lam_handoff_date": "2026-01-01"})
