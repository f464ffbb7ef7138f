# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import pytz

from odoo import _, api, fields, models


class LamWorkLog(models.Model):
    """营销工作日志 (P1): one per manager and day. Created from the day's
    records (communications, visits, sales, market information, samples),
    completed by hand where nothing is recorded (materials, training,
    consultation) and editable."""

    _name = "lam.work.log"
    _description = "Marketing Work Log"
    _inherit = ["lam.validated.mixin", "lam.review.mixin", "mail.thread"]
    _order = "date desc, id desc"

    user_id = fields.Many2one(
        "res.users",
        string="Account Manager",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    communications = fields.Text()
    visits = fields.Text()
    sales = fields.Text(string="Sales Follow-up")
    market_info = fields.Text(string="Market Information")
    customer_service = fields.Text(
        help="Samples, materials, deliveries, training, consultation.",
    )
    memo = fields.Text()

    _lam_rule_fields = ("user_id",)
    _lam_unique_keys = [("user_id", "date")]
    _sql_constraints = [
        (
            "one_log_a_day",
            "UNIQUE(user_id, date)",
            "A manager writes one work log a day: open the existing one.",
        ),
    ]

    @api.depends("user_id", "date")
    def _compute_display_name(self):
        for log in self:
            log.display_name = _(
                "Work log of %(user)s, %(date)s",
                user=log.user_id.name or "",
                date=log.date or "",
            )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        user = self.env["res.users"].browse(values.get("user_id")) or self.env.user
        day = fields.Date.to_date(values.get("date")) or fields.Date.context_today(self)
        prefill = self._lam_day_sections(user, day)
        values.update(
            {
                fname: text
                for fname, text in prefill.items()
                if fname in fields_list and not values.get(fname)
            }
        )
        return values

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # checked first: the day is read from the values below
            self._lam_check_vals(vals)
            user = self.env["res.users"].browse(vals.get("user_id")) or self.env.user
            day = fields.Date.to_date(vals.get("date")) or fields.Date.context_today(
                self
            )
            for fname, text in self._lam_day_sections(user, day).items():
                if fname not in vals:
                    vals[fname] = text
        return super().create(vals_list)

    def action_open_today_log(self):
        """Today's log of the user: the one he has, or a new one (a user has
        one log a day, so New opens the existing one rather than failing on
        save)."""
        log = self.search(
            [
                ("user_id", "=", self.env.uid),
                ("date", "=", fields.Date.context_today(self)),
            ],
            limit=1,
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Today's Work Log"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "res_id": log.id,
            "target": "current",
        }

    def action_prefill(self):
        """Fill the empty sections again from the day's records."""
        for log in self:
            sections = self._lam_day_sections(log.user_id, log.date)
            log.write(
                {
                    fname: text
                    for fname, text in sections.items()
                    if not log[fname] and text
                }
            )
        return True

    @api.model
    def _lam_day_sections(self, user, day):
        """Return {section: text} written from ``user``'s records of ``day``, in his
        language."""
        self = self.with_context(lang=user.lang or self.env.lang)
        return {
            "communications": self._lam_lines_communications(user, day),
            "visits": self._lam_lines_visits(user, day),
            "sales": self._lam_lines_sales(user, day),
            "market_info": self._lam_lines_market_info(user, day),
            "customer_service": self._lam_lines_customer_service(user, day),
        }

    @api.model
    def _lam_local_time(self, value, user):
        return fields.Datetime.context_timestamp(
            self.with_context(tz=user.tz or "UTC"), value
        ).strftime("%H:%M")

    @api.model
    def _lam_lines_communications(self, user, day):
        channels = dict(
            self.env["lam.communication"]
            ._fields["channel"]
            ._description_selection(self.env)
        )
        lines = []
        for call in self.env["lam.communication"].search(
            [("user_id", "=", user.id), ("day", "=", day)], order="date"
        ):
            line = (
                f"{self._lam_local_time(call.date, user)} {channels[call.channel]} "
                f"· {call.partner_id._lam_work_name()}"
            )
            if call.contact_id:
                line += f"（{call.contact_id.name}）"
            line += "：" + (call.summary or "").strip().rstrip("。.;；")
            if call.follow_up:
                line += "；" + _("follow-up: %(action)s", action=call.follow_up.strip())
            lines.append(line)
        return "\n".join(lines)

    @api.model
    def _lam_lines_visits(self, user, day):
        states = dict(
            self.env["lam.visit"]._fields["state"]._description_selection(self.env)
        )
        purposes = dict(
            self.env["lam.visit"]._fields["purpose"]._description_selection(self.env)
        )
        lines = []
        # the visits that happened: planned or cancelled ones are not the day's work
        for visit in self.env["lam.visit"].search(
            [
                ("user_id", "=", user.id),
                ("visit_date", "=", day),
                ("state", "in", ("done", "reported")),
            ],
            order="planned_start",
        ):
            line = (
                f"{self._lam_local_time(visit.planned_start, user)} "
                f"{visit.partner_id._lam_work_name()} · "
                f"{purposes[visit.purpose]} · {states[visit.state]}"
            )
            if visit.outcome:
                line += f"：{visit.outcome}"
            lines.append(line)
        return "\n".join(lines)

    @api.model
    def _lam_lines_sales(self, user, day):
        tz = pytz.timezone(user.tz or "UTC")
        start = (
            tz.localize(fields.Datetime.to_datetime(day))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )
        orders = self.env["sale.order"].search(
            [
                ("user_id", "=", user.id),
                ("state", "=", "sale"),
                ("date_order", ">=", start),
                ("date_order", "<", fields.Datetime.add(start, days=1)),
            ],
            order="date_order",
        )
        return "\n".join(
            f"{order.name} · {order.partner_id.commercial_partner_id.name} · "
            f"{order.currency_id.format(order.amount_untaxed)}"
            for order in orders
        )

    @api.model
    def _lam_lines_market_info(self, user, day):
        """Market information recorded on the day."""
        types = dict(
            self.env["lam.market.info"]
            ._fields["info_type"]
            ._description_selection(self.env)
        )
        lines = []
        for info in self.env["lam.market.info"].search(
            [("user_id", "=", user.id), ("date", "=", day)], order="id"
        ):
            parts = [
                types[info.info_type],
                info.partner_id.name,
                info.competitor,
                info.brand,
                info.product,
            ]
            line = " · ".join(part for part in parts if part)
            if info.price:
                line += f" · {info.price:g}"
            lines.append(f"{line}：{info.note}")
        return "\n".join(lines)

    @api.model
    def _lam_lines_customer_service(self, user, day):
        samples = self.env["lam.oil.sample"].search(
            [
                ("account_manager_id", "=", user.id),
                ("sample_date", "=", day),
            ],
            order="id",
        )
        return "\n".join(
            self.env._(
                "Oil sample %(reference)s at %(customer)s: %(oil)s",
                reference=sample.name,
                customer=sample.partner_id.name,
                oil=sample.product_id.display_name or sample.brand or "",
            )
            for sample in samples
        )
