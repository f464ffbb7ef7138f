# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 19: every role's day in the forms, as the web client drives them."""

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import MODULE, LamCommon


@tagged("post_install", "-at_install")
class TestRoleDay(LamCommon):
    def test_the_department_manager_picks_a_manager_in_each_wizard(self):
        """Blocker 1: the first onchange of a wizard offers the managers the
        user may choose (it offered none: a computed field without dependency
        kept the empty value the form sends)."""
        team = self.manager_a | self.manager_b
        for model, field, offered in (
            ("lam.reassign.wizard", "from_user_id", team),
            ("lam.day.route.wizard", "user_id", team | self.department_manager),
            ("lam.report.wizard", "user_id", team | self.department_manager),
        ):
            with self.subTest(model=model):
                form = Form(self.env[model].with_user(self.department_manager))
                self.assertEqual(sorted(form.allowed_user_ids.ids), sorted(offered.ids))
                setattr(form, field, self.manager_b)
                self.assertEqual(getattr(form, field), self.manager_b)

    def _open_every_list(self, user):
        """Every list of the addon's menus the user sees, read as the web client
        reads it (web_search_read with the view's fields, many2one names
        included), and the default values of every form it opens."""
        root = self.env.ref(f"{MODULE}.menu_root")
        menus = (
            self.env["ir.ui.menu"]
            .with_user(user)
            .search([("id", "child_of", root.id), ("action", "!=", False)])
        )
        opened = []
        for menu in menus:
            action = menu.action
            if action._name != "ir.actions.act_window" or "list" not in (
                action.view_mode or ""
            ):
                continue
            Model = self.env[action.res_model].with_user(user)
            views = Model.get_views([(False, "list"), (False, "form")])
            fields = views["models"][action.res_model]["fields"]
            spec = {
                name: {"fields": {"display_name": {}}}
                if field["type"] == "many2one"
                else {}
                for name, field in fields.items()
                if field["type"] not in ("one2many", "many2many")
            }
            with self.subTest(menu=menu.complete_name, model=action.res_model):
                result = Model.web_search_read([], spec, limit=200)
                Model.default_get(list(fields))
                opened.append((action.res_model, result["length"]))
        return dict(opened)

    def test_work_done_stays_readable_after_a_reassignment(self):
        """Blocker 2: manager A's done visit and call on customer A stay in his
        lists, with the customer's name, once customer A moves to manager B."""
        visit = (
            self.env["lam.visit"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "planned_start": "2026-11-20 01:00:00",
                    "next_visit_date": "2026-12-20",
                }
            )
        )
        visit.action_done()
        call = (
            self.env["lam.communication"]
            .with_user(self.manager_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "channel": "phone",
                    "date": "2026-11-21 02:00:00",
                    "summary": "Asked about the next drum delivery.",
                }
            )
        )
        self.customer_a._lam_reassign(self.manager_a, self.manager_b)
        self.assertEqual(self.customer_a.user_id, self.manager_b)
        self.env.invalidate_all()
        # the archive is no longer his
        with self.assertRaises(AccessError):
            self.customer_a.with_user(self.manager_a).check_access("read")
        opened = self._open_every_list(self.manager_a)
        self.assertIn("lam.visit", opened)
        # his visit and call by name, as the calendar and the activity views ask
        for record in (visit, call):
            self.env.invalidate_all()
            [read] = record.with_user(self.manager_a).search_read(
                [("id", "=", record.id)], ["display_name"]
            )
            self.assertIn("Anshan Steel Works", read["display_name"])
        self.env.invalidate_all()
        visits = (
            self.env["lam.visit"]
            .with_user(self.manager_a)
            .web_search_read(
                [("id", "=", visit.id)],
                {"display_name": {}, "partner_id": {"fields": {"display_name": {}}}},
            )["records"]
        )
        self.assertEqual(visits[0]["partner_id"]["display_name"], "Anshan Steel Works")
        self.env.invalidate_all()
        self.assertIn(
            "Anshan Steel Works",
            call.with_user(self.manager_a).display_name,
        )

    def test_a_day_of_the_month_every_month_has(self):
        """Item 7: 31 as the breakdown's due day is refused with a message, not
        a crash while the due dates are computed."""
        # the demo's plans are for the months around its install: none in the way
        self.env["lam.sales.plan"].search([("month", "=", "2027-03-01")]).unlink()
        self.env["lam.sales.plan"].create({"month": "2027-03-01"})
        for fname in ("lam_sales_plan_due_day", "lam_psi_due_day"):
            with self.subTest(setting=fname):
                form = Form(self.env["res.config.settings"])
                setattr(form, fname, 31)
                with (
                    self.assertRaisesRegex(ValidationError, "1 to 28, not 31"),
                    self.env.cr.savepoint(),
                ):
                    form.save().execute()
        self.company.lam_sales_plan_due_day = 28
        plan = self.env["lam.sales.plan"].search([("month", "=", "2027-03-01")])
        self.assertEqual(str(plan.due_date), "2027-02-28")

    def test_no_summary_before_its_period_starts(self):
        """Item 5: the weekly summary of 7-13 December is refused on 3 December
        and accepted once the week has started."""
        with freeze_time("2026-12-03 02:00:00"):
            plan = (
                self.env["lam.plan"]
                .with_user(self.manager_a)
                .create(
                    {
                        "date": "2026-12-08",
                        "line_ids": [
                            (
                                0,
                                0,
                                {"partner_id": self.customer_a.id, "action": "Visit"},
                            )
                        ],
                    }
                )
            )
            plan.action_submit_plan()
            plan.summary = "Written too early."
            with self.assertRaisesRegex(UserError, "from 2026-12-07"):
                plan.action_submit_summary()
        with freeze_time("2026-12-11 02:00:00"):
            plan.action_submit_summary()
        self.assertEqual(plan.state, "done")

    def _menu_path(self, menu):
        path = menu
        while menu.parent_id:
            menu = menu.parent_id
            path |= menu
        return path

    def test_each_category_has_its_menus(self):
        """Item 8 (Art. 3, 11): development managers see prospects, targets and
        expansion plans; maintenance managers their P7 stocks, drops,
        complaints and receivables; channel managers the dealers; all three the
        customers, visits, calls, logs and plans."""
        menus = {
            "target_list": "menu_target_list",
            "expansion_plans": "menu_expansion_plan",
            "stocks": "menu_customer_stock",
            "drops": "menu_purchase_drop",
            "complaints": "menu_complaint",
            "receivables": "menu_receivable",
            "dealers": "menu_dealer",
            "psi": "menu_dealer_psi",
            "customers": "menu_customer",
            "visits": "menu_visit",
            "calls": "menu_communication",
            "logs": "menu_work_log",
            "plans": "menu_plan",
            "p7": "menu_purchase_tracking",
        }
        common = {"customers", "visits", "calls", "logs", "plans", "p7"}
        expected = {
            self.manager_a: common | {"target_list", "expansion_plans"},
            self.manager_b: common | {"stocks", "drops", "complaints", "receivables"},
            self.manager_c: common | {"complaints", "receivables", "dealers", "psi"},
            self.department_manager: set(menus),
        }
        for user, names in expected.items():
            with self.subTest(user=user.login):
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                # a menu is reached when it and every menu above it are visible
                seen = {
                    name
                    for name, xmlid in menus.items()
                    if all(
                        menu.id in visible
                        for menu in self._menu_path(self.env.ref(f"{MODULE}.{xmlid}"))
                    )
                }
                self.assertEqual(seen, names)

    def test_the_department_manager_opens_on_his_team(self):
        """Item 16: plans and communications open on the team for a department
        manager (his own included), on his own for a manager; no sample data
        behind an empty screen."""
        for xmlid, model in (
            ("lam_plan_action", "lam.plan"),
            ("lam_communication_action", "lam.communication"),
        ):
            with self.subTest(action=xmlid):
                action = self.env.ref(f"{MODULE}.{xmlid}")
                self.assertIn("'search_default_my_team': 1", action.context)
                for user, has_team in (
                    (self.department_manager, True),
                    (self.manager_a, False),
                ):
                    arch = (
                        self.env[model]
                        .with_user(user)
                        .get_views([(False, "search"), (False, "list")])["views"]
                    )
                    self.assertEqual(
                        'name="my_team"' in arch["search"]["arch"], has_team
                    )
                    self.assertNotIn('sample="1"', arch["list"]["arch"])

    def test_a_prospect_starts_potential_and_leaves_the_target_list(self):
        """Item 15: a new prospect is at the first development stage; a button
        takes a target off the list."""
        prospect = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .create(
                {
                    "name": "Baotou Rare Earth",
                    "is_company": True,
                    "lam_customer_kind": "prospect",
                    "user_id": self.manager_a.id,
                }
            )
        )
        self.assertEqual(prospect.lam_stage, "potential")
        prospect.action_lam_make_target()
        self.assertEqual(prospect.lam_stage, "target")
        prospect.action_lam_drop_target()
        self.assertEqual(prospect.lam_stage, "potential")

    def test_moving_all_customers_says_how_many(self):
        """Item 20: ticking all customers shows how many move, before the
        confirmed button moves them."""
        form = Form(self.env["lam.reassign.wizard"].with_user(self.department_manager))
        form.from_user_id = self.manager_a
        form.to_user_id = self.manager_b
        self.assertEqual(form.move_count, 0)
        form.all_customers = True
        mine = self.env["res.partner"].search_count(
            [
                ("user_id", "=", self.manager_a.id),
                ("is_company", "=", True),
                ("lam_customer_kind", "!=", False),
            ]
        )
        self.assertEqual(form.move_count, mine)
        wizard = form.save()
        result = wizard.action_reassign()
        self.assertIn(f"{mine} customers moved", result["params"]["message"])
        self.assertEqual(self.customer_a.user_id, self.manager_b)

    def test_finance_reads_quotas_psi_and_sales_plans(self):
        """Item 11: finance has the menus the README promises, read-only."""
        self.env["lam.sales.plan"].search([("month", "=", "2027-04-01")]).unlink()
        self.env["lam.sales.plan"].create({"month": "2027-04-01"})
        plans = (
            self.env["lam.sales.plan"]
            .with_user(self.finance)
            .search_read([("month", "=", "2027-04-01")], ["month", "target_volume"])
        )
        self.assertEqual(len(plans), 1)
        self.env["lam.sales.plan.manager"].with_user(self.finance).search([])
        visible = self.env["ir.ui.menu"].with_user(self.finance)._visible_menu_ids()

        def reached(xmlid):
            return all(
                menu.id in visible
                for menu in self._menu_path(self.env.ref(f"{MODULE}.{xmlid}"))
            )

        for xmlid in ("menu_dealer_quota", "menu_dealer_psi", "menu_sales_plan"):
            self.assertTrue(reached(xmlid), xmlid)
        for xmlid in ("menu_psi_import", "menu_channel_violation", "menu_target_list"):
            self.assertFalse(reached(xmlid), xmlid)
        with self.assertRaises(AccessError):
            self.env["lam.sales.plan"].with_user(self.finance).create(
                {"month": "2027-05-01"}
            )

    @freeze_time("2026-11-30 02:00:00")
    def test_new_work_log_opens_today_s_log(self):
        # issue 19, item 12: New opens today's log when there is one
        WorkLog = self.env["lam.work.log"].with_user(self.manager_a)
        action = WorkLog.action_open_today_log()
        self.assertEqual((action["res_model"], action["res_id"]), ("lam.work.log", 0))
        log = WorkLog.create({"memo": "Called three customers"})
        self.assertEqual(str(log.date), "2026-11-30")
        self.assertEqual(WorkLog.action_open_today_log()["res_id"], log.id)
        # a colleague's log of the same day is not his
        other = self.env["lam.work.log"].with_user(self.manager_b)
        self.assertEqual(other.action_open_today_log()["res_id"], 0)

    def test_volumes_show_their_unit(self):
        # issue 19, item 19: a quota's, a stock report's and a sales plan's
        # volumes are in the company's reference unit, shown beside them
        dealer = self.customer_b
        quota = self.env["lam.dealer.quota"].create(
            {
                "partner_id": dealer.id,
                "month": "2026-11-01",
                "categ_id": self.env.ref("product.product_category_all").id,
                "target": 1200.0,
            }
        )
        self.assertEqual(quota.volume_uom_id, self.uom_litre)
        self.company.lam_reference_uom_id = self.uom_ton
        quota.invalidate_recordset(["volume_uom_id"])
        self.assertEqual(quota.volume_uom_id, self.uom_ton)
        for model in (
            "lam.dealer.psi",
            "lam.dealer.psi.line",
            "lam.sales.plan",
            "lam.sales.plan.manager",
            "lam.sales.plan.line",
        ):
            self.assertIn("volume_uom_id", self.env[model]._fields, model)

    def test_pivots_and_forms_name_the_unit_of_their_volumes(self):
        # issue 19, item 19: where no unit column stands beside a volume (P7's
        # pivot, stocks, plans, drops, a customer's forecast) its label says it
        self.company.lam_reference_uom_id = self.uom_ton
        for model, names in (
            ("lam.purchase.tracking", ["volume"]),
            ("lam.customer.stock", ["quantity"]),
            ("lam.plan", ["target_volume", "actual_volume", "new_volume"]),
            ("lam.plan.line", ["expected_volume"]),
            ("lam.plan.key.change", ["volume", "average"]),
            ("lam.purchase.drop", ["recent_qty", "baseline_qty"]),
            ("lam.dealer.psi", ["total_sales", "total_closing"]),
            ("res.partner", ["lam_forecast_monthly", "lam_forecast_gap"]),
            ("lam.sales.plan", ["target_volume", "unallocated_volume"]),
            ("lam.sales.plan.line", ["target", "actual"]),
            ("lam.dealer.quota", ["target", "actual"]),
        ):
            with self.subTest(model=model):
                Model = self.env[model].with_user(self.manager_a)
                labels = Model.with_context(lang="en_US").fields_get(names, ["string"])
                for name in names:
                    self.assertEqual(
                        labels[name]["string"],
                        f"{Model._fields[name].string} (t)",
                    )
                # a field that is not a volume keeps its label
                self.assertNotIn(" (t)", Model.fields_get(["id"])["id"]["string"])
        label = (
            self.env["lam.purchase.tracking"]
            .with_context(lang="zh_CN")
            .fields_get(["volume"], ["string"])["volume"]["string"]
        )
        self.assertEqual(label, "进货量（t）")
        # the quantities of P7's lines are each in their own unit: the pivot
        # does not offer to add them up (the volume is the measure)
        tracking = self.env["lam.purchase.tracking"].fields_get(
            ["uom_qty", "volume"], ["aggregator"]
        )
        self.assertFalse(tracking["uom_qty"].get("aggregator"))
        self.assertEqual(tracking["volume"]["aggregator"], "sum")
        # the walk at 390 px: the reassignment does not offer to move customers
        # to the manager they come from
        to_domain = self.env["lam.reassign.wizard"]._fields["to_user_id"].domain
        self.assertIn("('id', '!=', from_user_id)", to_domain)

    def test_the_phone_opens_cards(self):
        # the walk at 390 px: wide tables of communications, receivables, quotas
        # and stock reports open as cards on a phone
        for xmlid, model in (
            ("lam_communication_action", "lam.communication"),
            ("lam_receivable_action", "lam.receivable"),
            ("lam_dealer_quota_action", "lam.dealer.quota"),
            ("lam_dealer_psi_action", "lam.dealer.psi"),
            ("lam_plan_action", "lam.plan"),
            ("lam_visit_action", "lam.visit"),
        ):
            with self.subTest(action=xmlid):
                action = self.env.ref(f"{MODULE}.{xmlid}")
                self.assertEqual(action.mobile_view_mode, "kanban")
                self.assertIn("kanban", action.view_mode.split(","))
                views = (
                    self.env[model]
                    .with_user(self.manager_c)
                    .get_views([(False, "kanban")])
                )
                self.assertIn(
                    f"{model.replace('.', '_')}_view_kanban",
                    self.env["ir.ui.view"]
                    .browse(views["views"]["kanban"]["id"])
                    .get_external_id()
                    .popitem()[1],
                )
