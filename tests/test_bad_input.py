# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Bad input and the addon's life cycle (issue 21): a required value cannot
be emptied, a file field takes files only, values an earlier version let in
are repaired before an upgrade (no overflow, every constraint in place, no
message posted), and the uninstall takes the addon's activities with it."""

import datetime

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.lubricant_account_manager import uninstall_hook
from odoo.addons.lubricant_account_manager.tools.repair import repair_all

from .common import MODULE, LamCommon


@tagged("post_install", "-at_install")
class TestBadInput(LamCommon):
    def test_a_required_value_cannot_be_emptied(self):
        """Item 5: a required date or company written False is refused with
        the field's name, not a TypeError or an 'Expected singleton'."""
        equipment = self._create_equipment(self.customer_a)
        stock = self.env["lam.customer.stock"].create(
            {
                "partner_id": self.customer_a.id,
                "date": "2026-11-05",
                "product_id": self.hydraulic_oil.id,
                "quantity": 80.0,
            }
        )
        complaint = self.env["lam.complaint"].create(
            {
                "partner_id": self.customer_a.id,
                "received_at": "2026-11-02 02:00:00",
                "category": "quality",
                "description": "Drums arrived dented",
            }
        )
        for record, fname in (
            (stock, "date"),
            (complaint, "company_id"),
            (equipment, "partner_id"),
        ):
            with self.subTest(model=record._name, field=fname):
                before = record[fname]
                with (
                    self.assertRaisesRegex(ValidationError, "is required"),
                    self.env.cr.savepoint(),
                ):
                    record.with_user(self.manager_a).write({fname: False})
                self.assertEqual(record[fname], before)

    def test_a_file_field_takes_a_file(self):
        """Item 6: text that is no base64 and a number are refused."""
        for value in ("!!!not base64!!!", 12345):
            with (
                self.subTest(value=value),
                self.assertRaisesRegex(ValidationError, "not a file's content"),
                self.env.cr.savepoint(),
            ):
                self.customer_a.with_user(self.manager_a).write(
                    {"lam_dealer_customer_file": value}
                )
        self.assertFalse(self.customer_a.lam_dealer_customer_file)

    def test_an_upgrade_repairs_what_an_earlier_version_let_in(self):
        """Items 9-10: rows an earlier version accepted (a year 9999, an
        interval over ten years) are repaired, so that the constraint can be
        added and the next oil change computed; the compute itself never
        overflows."""
        equipment = self._create_equipment(
            self.customer_a, last_change_date="2026-06-01", change_interval_days=365
        )
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            "ALTER TABLE lam_equipment "
            "DROP CONSTRAINT lam_equipment_change_interval_bounded"
        )
        cr.execute(
            "UPDATE lam_equipment SET last_change_date = '9999-06-01', "
            "change_interval_days = 5000 WHERE id = %s",
            [equipment.id],
        )
        equipment.invalidate_recordset()
        # what aborted the upgrade: the next change of 9999-06-01
        self.env.add_to_compute(equipment._fields["next_change_date"], equipment)
        self.assertFalse(equipment.next_change_date)
        self.assertEqual(repair_all(cr), 2)
        cr.execute(
            "ALTER TABLE lam_equipment ADD CONSTRAINT "
            "lam_equipment_change_interval_bounded "
            "CHECK(COALESCE(change_interval_days, 0) <= 3650)"
        )
        equipment.invalidate_recordset()
        self.assertEqual(
            (equipment.last_change_date, equipment.change_interval_days),
            (False, 3650),
        )
        self.assertEqual(repair_all(cr), 0)

    def test_every_constraint_of_the_addon_exists(self):
        """Item 10: each SQL constraint the addon declares is in the database."""
        self.env.cr.execute(
            """
            SELECT imc.name FROM ir_model_constraint imc
              JOIN ir_module_module m ON m.id = imc.module
             WHERE m.name = %s AND imc.type IN ('u', 'c')
               AND NOT EXISTS (
                   SELECT 1 FROM pg_constraint pc WHERE pc.conname = imc.name)
            """,
            [MODULE],
        )
        self.assertEqual(self.env.cr.fetchall(), [])
        self.env.cr.execute(
            "SELECT count(*) FROM ir_model_constraint imc JOIN ir_module_module m "
            "ON m.id = imc.module WHERE m.name = %s",
            [MODULE],
        )
        self.assertGreater(self.env.cr.fetchone()[0], 20)

    def test_no_message_is_posted_while_modules_load(self):
        """Item 11: a stored field computed while modules load (an upgrade)
        is not tracked; the same change outside an upgrade is."""
        equipment = self._create_equipment(self.customer_a)
        self.env.flush_all()
        messages = equipment.message_ids
        registry = self.env.registry
        registry._init = True
        try:
            equipment.last_change_date = datetime.date(2026, 3, 1)
            self.env.flush_all()
            self.env.cr.precommit.run()
        finally:
            registry._init = False
        self.assertEqual(equipment.message_ids, messages)
        equipment.last_change_date = datetime.date(2026, 4, 1)
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(len(equipment.message_ids - messages), 1)

    def test_the_uninstall_takes_the_addons_activities(self):
        """Item 12: the cadence reminders and every activity of the addon's
        types go; others stay; the assessment lines go before their criteria;
        the addon's calendar a company works on stays the company's."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        visit = self.env.ref(f"{MODULE}.mail_activity_type_lam_visit")
        kept, gone = (
            self.env["mail.activity"].create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "res_id": self.customer_a.id,
                    "activity_type_id": activity_type.id,
                    "user_id": self.manager_a.id,
                }
            )
            for activity_type in (todo, visit)
        )
        calendar = self.env.ref(f"{MODULE}.resource_calendar_cn")
        self.company.resource_calendar_id = calendar
        uninstall_hook(self.env)
        self.assertTrue(kept.exists())
        self.assertFalse(gone.exists())
        self.assertFalse(
            self.env["mail.activity"].search_count(
                [("activity_type_id", "=", visit.id)]
            )
        )
        self.assertFalse(self.env["lam.dealer.assessment.line"].search_count([]))
        self.assertFalse(
            self.env["ir.model.data"].search_count(
                [("module", "=", MODULE), ("model", "=", "resource.calendar")]
            )
        )
        self.assertEqual(self.company.resource_calendar_id, calendar)
