# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Issue 24, 档案完整度: the weighted share of the archive's fields filled in,
what is missing, and the cadence rule that asks for the rest."""

import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MODULE
from .test_cadence import LamCadenceCase

DAY = datetime.date(2026, 11, 24)


@tagged("post_install", "-at_install")
class TestArchiveCompleteness(LamCadenceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.uscc = cls.env.ref(f"{MODULE}.lam_archive_field_uscc")
        cls.key_persons = cls.env.ref(f"{MODULE}.lam_archive_field_key_person_ids")
        cls.shipped = cls.env["lam.archive.field"].search([])
        (cls.shipped - cls.uscc - cls.key_persons).active = False
        cls.uscc.weight = 3
        cls.key_persons.weight = 1
        cls.archive_rule = cls.env["lam.cadence.rule"].create(
            {
                "name": "Archive 80 %",
                "contact_type": "archive",
                "min_completeness": 80,
                "deadline_days": 14,
                "activity_type_id": cls.env.ref(
                    f"{MODULE}.mail_activity_type_lam_cadence_review"
                ).id,
            }
        )

    def test_the_shipped_weights(self):
        """Shipped: 21 P9 fields weighing 30; Bohai Port has only its size."""
        self.uscc.weight, self.key_persons.weight = 2, 3
        self.shipped.active = True
        self.assertEqual(len(self.shipped), 21)
        self.assertEqual(sum(self.shipped.mapped("weight")), 30)
        self.assertEqual(self.customer_b.lam_archive_completeness, 3.3)  # 1 of 30
        self.assertIn("Unified Social Credit Code", self.customer_b.lam_archive_missing)
        self.assertNotIn("Size", self.customer_b.lam_archive_missing)

    def test_share_follows_the_fields_filled_and_their_weights(self):
        customer = self.customer_a
        self.assertEqual(customer.lam_archive_completeness, 0.0)
        self.assertEqual(
            customer.lam_archive_missing, "Unified Social Credit Code、Key Persons"
        )
        customer.with_user(self.manager_a).lam_uscc = "91110000600037341L"
        self.assertEqual(customer.lam_archive_completeness, 75.0)
        self.assertEqual(customer.lam_archive_missing, "Key Persons")
        person = self.env["res.partner"].create(
            {"name": "Wang Gong", "parent_id": customer.id}
        )
        self.assertEqual(customer.lam_archive_completeness, 75.0)
        person.lam_is_key_person = True
        self.assertEqual(customer.lam_archive_completeness, 100.0)
        self.assertFalse(customer.lam_archive_missing)
        # the administrator weighs the key persons as much as the code: recomputed
        # for every customer at once
        self.key_persons.weight = 3
        self.assertEqual(customer.lam_archive_completeness, 100.0)
        person.lam_is_key_person = False
        self.assertEqual(customer.lam_archive_completeness, 50.0)
        self.uscc.active = False
        self.assertEqual(customer.lam_archive_completeness, 0.0)
        # a contact is no archive
        self.assertEqual(person.lam_archive_completeness, 0.0)

    def test_completeness_is_computed_not_written(self):
        for value in (100, -50):
            with self.subTest(value=value), self.assertRaises(UserError):
                self.customer_a.with_user(self.manager_a).write(
                    {"lam_archive_completeness": value}
                )
        self.assertEqual(self.customer_a.lam_archive_completeness, 0.0)

    def test_team_average(self):
        self.customer_a.lam_uscc = "91110000600037341L"  # 75 %
        groups = dict(
            self.env["res.partner"]._read_group(
                [("id", "in", (self.customer_a | self.customer_b).ids)],
                ["user_id"],
                ["lam_archive_completeness:avg"],
            )
        )
        self.assertEqual(groups[self.manager_a], 75.0)
        self.assertEqual(groups[self.manager_b], 0.0)

    def test_weights_are_the_administrators(self):
        with self.assertRaises(AccessError):
            self.uscc.with_user(self.department_manager).weight = 10
        self.assertEqual(
            self.uscc.with_user(self.manager_a).read(["weight"])[0]["weight"], 3
        )
        for weight in (0, 101, -1):
            with self.subTest(weight=weight), mute_logger("odoo.sql_db"):
                with self.assertRaises(IntegrityError), self.cr.savepoint():
                    self.uscc.weight = weight
                    self.env.flush_all()
        with mute_logger("odoo.sql_db"):
            with self.assertRaises(IntegrityError), self.cr.savepoint():
                self.env["lam.archive.field"].create({"field_name": "lam_uscc"})
                self.env.flush_all()

    def test_rule_asks_for_the_archive_below_the_share(self):
        self.customer_a.lam_uscc = "91110000600037341L"  # 75 %
        person = self.env["res.partner"].create(
            {"name": "Li Gong", "parent_id": self.customer_b.id}
        )
        person.lam_is_key_person = True  # Bohai: 25 %
        self.customer_c.write({"lam_uscc": "91130200MA0A1B2C36"})
        self.env["res.partner"].create(
            {
                "name": "Zhao Gong",
                "parent_id": self.customer_c.id,
                "lam_is_key_person": True,
            }
        )  # Chongqing: 100 %
        self._run(DAY)
        for customer, count in (
            (self.customer_a, 1),
            (self.customer_b, 1),
            (self.customer_c, 0),
        ):
            with self.subTest(customer=customer.name):
                activities = self._activities(customer, self.archive_rule)
                self.assertEqual(len(activities), count)
                status = self._status(customer, self.archive_rule)
                self.assertEqual(status.covered, not count)
        activity = self._activities(self.customer_a, self.archive_rule)
        self.assertEqual(activity.user_id, self.manager_a)
        self.assertEqual(activity.date_deadline, datetime.date(2025, 1, 15))
        self.assertEqual(self.archive_rule.description, "Archive at least 80 %")
        # filled in: done at the next run
        self.env["res.partner"].create(
            {
                "name": "Sun Gong",
                "parent_id": self.customer_a.id,
                "lam_is_key_person": True,
            }
        )
        self._run(DAY + datetime.timedelta(days=1))
        self.assertFalse(self._activities(self.customer_a, self.archive_rule))
