# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CHANNELS = [
    ("phone", "Phone"),
    ("online", "Online / WeChat"),
    ("email", "Email"),
    ("visit", "Visit"),
]


class LamCommunication(models.Model):
    """沟通跟进记录 (P6): a call, an online chat, an email or a short visit
    with a customer, what was said and what follows."""

    _name = "lam.communication"
    _description = "Customer Communication"
    _inherit = ["lam.work.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    user_id = fields.Many2one(string="Contacted By", tracking=True)
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact Person",
        domain="[('parent_id', '=', partner_id)]",
        help="Whom the manager spoke to at the customer.",
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    direction = fields.Selection(
        [("outgoing", "Outgoing"), ("incoming", "Incoming")],
        required=True,
        default="outgoing",
        help="Outgoing (去电): we contacted the customer; incoming (来电): he did.",
    )
    date = fields.Datetime(
        required=True, default=fields.Datetime.now, index=True, tracking=True
    )
    day = fields.Date(
        compute="_compute_day",
        store=True,
        index=True,
        help="The day of the contact in the caller's time zone.",
    )
    summary = fields.Text(required=True, help="What was said.")
    follow_up = fields.Text(string="Follow-up Action")
    next_date = fields.Date(string="Next Contact", tracking=True)

    @api.depends("date", "user_id.tz")
    def _compute_day(self):
        for record in self:
            record.day = (
                record.date
                and fields.Datetime.context_timestamp(
                    record.with_context(tz=record.user_id.tz or "UTC"), record.date
                ).date()
            )

    @api.depends("partner_id", "channel", "date")
    def _compute_display_name(self):
        channels = dict(self._fields["channel"]._description_selection(self.env))
        for record in self:
            when = record.date and fields.Datetime.context_timestamp(
                record, record.date
            )
            record.display_name = _(
                "%(channel)s with %(customer)s, %(date)s",
                channel=channels.get(record.channel, ""),
                customer=record.partner_id._lam_work_name(),
                date=when.strftime("%Y-%m-%d %H:%M") if when else "",
            )

    @api.constrains("contact_id", "partner_id")
    def _check_contact_id(self):
        for (
            record
        ) in self.sudo():  # compared as superuser: a stranger's name is not shown
            if (
                record.contact_id
                and record.contact_id.commercial_partner_id != record.partner_id
            ):
                raise ValidationError(
                    _("The contact person is one of the customer's people.")
                )

    @api.constrains("date", "next_date")
    def _check_next_date(self):
        for record in self:
            if record.next_date and record.day and record.next_date < record.day:
                raise ValidationError(_("The next contact comes after this one."))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.filtered("next_date")._lam_schedule_next_contact()
        self.env["lam.cadence.engine"]._lam_enforce_after_contact(
            records.filtered(
                lambda record: record.channel in ("phone", "online")
            ).partner_id
        )
        return records

    def write(self, vals):
        result = super().write(vals)
        if vals.get("next_date"):
            self._lam_schedule_next_contact()
        return result

    def _lam_schedule_next_contact(self):
        """The next date becomes an activity of the caller on the customer (on
        the call when he may not write the customer), updated rather than
        duplicated."""
        activity_type = self.env.ref(
            "lubricant_account_manager.mail_activity_type_lam_call"
        )
        for record in self:
            customer = record.partner_id
            target = (
                customer
                if customer.with_user(record.user_id).has_access("write")
                else record
            )
            caller = record.user_id
            # as the system: the caller's own follow-up, on a record he may write
            activity = target.sudo().activity_ids.filtered(
                lambda act, caller=caller: act.activity_type_id == activity_type
                and act.user_id == caller
            )[:1]
            values = {
                "date_deadline": record.next_date,
                "note": record.follow_up or "",
            }
            if activity:
                activity.write(values)
            else:
                target.sudo().activity_schedule(
                    act_type_xmlid="lubricant_account_manager.mail_activity_type_lam_call",
                    summary=_(
                        "Follow up with %(customer)s",
                        customer=customer._lam_work_name(),
                    ),
                    user_id=record.user_id.id,
                    **values,
                )
