# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import bulk


class MailActivity(models.Model):
    _inherit = "mail.activity"

    lam_cadence_rule_id = fields.Many2one(
        "lam.cadence.rule",
        string="Cadence Rule",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        help="The contact cadence that scheduled this activity: one open activity per "
        "customer and rule.",
    )
    lam_cadence_feedback = fields.Char(string="Cadence Feedback", readonly=True)
    lam_psi_month = fields.Date(
        string="PSI Month Missing",
        index="btree_not_null",
        readonly=True,
        help="The month whose stock report (PSI) this reminder asks the dealer for: "
        "one open reminder per dealer and month.",
    )
    lam_collection_move_id = fields.Many2one(
        "account.move",
        string="Invoice to Collect",
        index="btree_not_null",
        ondelete="cascade",
        readonly=True,
        help="The invoice past due this collection activity is for: one open "
        "activity per invoice.",
    )

    lam_coverage_signature = fields.Char(
        string="Coverage Recommended On",
        index="btree_not_null",
        readonly=True,
        help="The customer's equipment coverage (units on our products / units) this "
        "full-range recommendation is for: one per customer, closed when the coverage "
        "changes; done with the reason why not, it is not asked again for the same "
        "coverage.",
    )

    # what a scheduled action's activity may carry, inserted as it is
    _lam_insert_fields = (
        "res_model_id",
        "res_id",
        "activity_type_id",
        "user_id",
        "date_deadline",
        "summary",
        "note",
        "lam_cadence_rule_id",
        "lam_psi_month",
        "lam_collection_move_id",
        "lam_coverage_signature",
    )

    @api.model
    def _lam_subscribe_managers(self, res_model, pairs, users):
        """Make each user follow his records of ``res_model`` ({(record id, user
        id)}), as an activity's creation would, in two statements: the
        followers not there yet with the default subtypes of an internal user
        (those of ``mail.followers._add_default_followers``), the others left
        as they are. Odoo's ``message_subscribe`` costs five queries per user
        and reads his records' followers again."""
        default_subtypes = self.env["mail.message.subtype"].default_subtypes(res_model)[
            0
        ]
        partner_of = {user.id: user.partner_id.id for user in users}
        records, followers = zip(
            *sorted((res_id, partner_of[user_id]) for res_id, user_id in pairs),
            strict=True,
        )
        self.env["mail.followers"].flush_model()
        # the pairs that follow already, then the others
        existing = set(
            self.env.execute_query(
                SQL(
                    """
                    SELECT f.res_id, f.partner_id
                      FROM unnest(%s::int[], %s::int[]) AS pair(res_id, partner_id)
                      JOIN mail_followers f
                        ON f.res_model = %s AND f.res_id = pair.res_id
                       AND f.partner_id = pair.partner_id
                    """,
                    list(records),
                    list(followers),
                    res_model,
                )
            )
        )
        missing = [
            pair
            for pair in zip(records, followers, strict=True)
            if pair not in existing
        ]
        if missing:
            self.env.cr.execute(
                SQL(
                    """
                    WITH added AS (
                        INSERT INTO mail_followers (res_model, res_id, partner_id)
                        SELECT %(model)s, pair.res_id, pair.partner_id
                          FROM unnest(%(records)s::int[], %(followers)s::int[])
                               AS pair(res_id, partner_id)
                        RETURNING id
                    )
                    INSERT INTO mail_followers_mail_message_subtype_rel
                           (mail_followers_id, mail_message_subtype_id)
                    SELECT added.id, subtype
                      FROM added, unnest(%(subtypes)s::int[]) AS subtype
                    """,
                    model=res_model,
                    records=[res_id for res_id, _partner_id in missing],
                    followers=[partner_id for _res_id, partner_id in missing],
                    subtypes=default_subtypes.ids,
                )
            )
        self.env["mail.followers"].invalidate_model()
        self.env[res_model].invalidate_model(
            ["message_follower_ids", "message_partner_ids", "message_is_follower"]
        )

    @api.model
    def _lam_create_bulk(self, vals_list):
        """Create the scheduled actions' activities (on records of one model)
        for their users in one INSERT: the ORM's create cost about a
        millisecond each (defaults, the note sanitized again, the record's
        name computed one by one) and an INSERT a hundred, more than half of a
        cadence run. Nothing listens to them: no mail is sent for each; each
        user follows the records (``_lam_subscribe_managers``, two statements
        for all: Odoo subscribes per activity) and his activity counter is
        told once. The notes are sanitized as the ORM would, once per distinct
        text."""
        if not vals_list:
            return self.browse()
        unknown = {key for values in vals_list for key in values} - set(
            self._lam_insert_fields
        )
        assert not unknown, f"not inserted as is: {unknown}"
        (model_id,) = {values["res_model_id"] for values in vals_list}
        res_model = self.env["ir.model"].browse(model_id).sudo().model
        users = self.env["res.users"].browse(
            list({values["user_id"] for values in vals_list})
        )
        self._lam_subscribe_managers(
            res_model,
            {(values["res_id"], values["user_id"]) for values in vals_list},
            users,
        )
        records = self.env[res_model].browse(
            list({values["res_id"] for values in vals_list})
        )
        if res_model == "res.partner":
            # their names as stored, in one query: computing each display name
            # cost more than the insert
            records.fetch(["complete_name"])
            names = dict(zip(records.ids, records.mapped("complete_name"), strict=True))
        else:
            names = dict(zip(records.ids, records.mapped("display_name"), strict=True))
        timezones = {user.id: user.tz for user in users}
        activities = bulk.insert(
            self,
            [
                {
                    **values,
                    "res_model": res_model,
                    "res_name": names[values["res_id"]],
                    "user_tz": timezones[values["user_id"]],
                    "automated": False,
                    "active": True,
                }
                for values in vals_list
            ],
        )
        # each user's activity counter, once
        users._bus_send("mail.activity/updated", {"activity_created": True})
        return activities
