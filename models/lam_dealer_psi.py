# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.periods import month_bounds
from ..tools.robots import escape as md

# Volumes are compared to the thousandth of the reference unit.
TOLERANCE = 0.001


class LamDealerPsi(models.Model):
    """进销存 (Art. 14): a dealer's monthly stock report, per product: opening
    stock, purchases, sales, closing stock, in the reference unit. It must
    balance, follow on the previous month, and its purchases are compared
    with our own confirmed sales to the dealer."""

    _name = "lam.dealer.psi"
    _description = "Dealer Monthly PSI"
    _inherit = [
        "lam.customer.record.mixin",
        "lam.month.mixin",
        "lam.volume.mixin",
        "mail.thread",
    ]
    _order = "month desc, partner_id, id"
    _lam_volume_fields = (
        "total_opening",
        "total_purchases",
        "total_sales",
        "total_closing",
    )

    partner_id = fields.Many2one(
        string="Dealer",
        domain=[("is_company", "=", True), ("lam_customer_kind", "=", "dealer")],
    )
    month = fields.Date(tracking=True, help="Any day of the month reported.")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    submitted_on = fields.Date(
        string="Reported On",
        required=True,
        default=fields.Date.context_today,
        help="When the dealer reported the month: on time by the day set in Settings.",
    )
    suggestions = fields.Text(
        string="Opinions and Suggestions",
        tracking=True,
        help="The channel manager's analysis of the month and what he proposes "
        "(Art. 14.1): printed with the PSI analysis.",
    )
    line_ids = fields.One2many(
        "lam.dealer.psi.line", "psi_id", string="Products", copy=True
    )
    total_opening = fields.Float(
        string="Opening Stock",
        compute="_compute_totals",
        store=True,
        digits="Lubricant Volume",
    )
    total_purchases = fields.Float(
        string="Bought In",
        compute="_compute_totals",
        store=True,
        digits="Lubricant Volume",
    )
    total_sales = fields.Float(
        string="Sales", compute="_compute_totals", store=True, digits="Lubricant Volume"
    )
    total_closing = fields.Float(
        string="Closing Stock",
        compute="_compute_totals",
        store=True,
        digits="Lubricant Volume",
    )
    sell_through = fields.Float(
        string="Sell-through (%)",
        compute="_compute_totals",
        store=True,
        digits=(5, 1),
        aggregator="avg",
        help="Sales of the month over the stock available in it.",
    )
    stock_cover = fields.Float(
        string="Stock Cover (months)",
        compute="_compute_totals",
        store=True,
        digits=(6, 1),
        aggregator="avg",
        help="Months the closing stock lasts at this month's sales.",
    )
    on_time = fields.Boolean(string="Reported on Time", compute="_compute_on_time")
    our_sales = fields.Float(
        string="Our Sales to the Dealer",
        compute="_compute_comparison",
        digits="Lubricant Volume",
    )
    flagged_count = fields.Integer(
        string="Purchases Differing", compute="_compute_comparison"
    )

    _lam_unique_keys = [("partner_id", "month", "company_id")]
    _sql_constraints = [
        (
            "one_report",
            "UNIQUE(partner_id, month, company_id)",
            "A dealer reports each month once.",
        )
    ]

    @api.model
    def _lam_unique_values(self, values):
        self._lam_normalize_month(values)
        return super()._lam_unique_values(values)

    @api.depends(
        "line_ids.opening", "line_ids.purchases", "line_ids.sales", "line_ids.closing"
    )
    def _compute_totals(self):
        for psi in self:
            lines = psi.line_ids
            psi.total_opening = sum(lines.mapped("opening"))
            psi.total_purchases = sum(lines.mapped("purchases"))
            psi.total_sales = sum(lines.mapped("sales"))
            psi.total_closing = sum(lines.mapped("closing"))
            available = psi.total_opening + psi.total_purchases
            psi.sell_through = 100.0 * psi.total_sales / available if available else 0.0
            psi.stock_cover = (
                psi.total_closing / psi.total_sales if psi.total_sales else 0.0
            )

    @api.depends("month", "submitted_on", "company_id.lam_psi_due_day")
    def _compute_on_time(self):
        for psi in self:
            due = psi._lam_due_date()
            psi.on_time = bool(psi.submitted_on and due and psi.submitted_on <= due)

    def _lam_due_date(self):
        self.ensure_one()
        if not self.month:
            return False
        due_day = self.company_id.lam_psi_due_day
        return month_bounds(self.month)[1] + relativedelta(days=due_day)

    @api.depends(
        "partner_id", "month", "company_id", "line_ids.purchases", "line_ids.product_id"
    )
    def _compute_comparison(self):
        sales = self._lam_our_sales()
        for psi in self:
            ours = sales.get(psi.id, {})
            psi.our_sales = sum(ours.values())
            psi.flagged_count = sum(
                line._lam_differs(ours.get(line.product_id.id, 0.0))
                for line in psi.line_ids
            )

    def _lam_our_sales(self):
        """{psi id: {product id: our confirmed sales to the dealer in the month, less
        credit notes}}."""
        result = defaultdict(dict)
        by_month = defaultdict(lambda: self.browse())
        for psi in self.filtered(lambda psi: psi.partner_id and psi.month):
            by_month[psi.month, psi.company_id] |= psi
        # as the system: the dealer's purchases come from sales orders the user may not
        # read
        Purchases = self.env["lam.purchase.analysis"].sudo()
        for (month, company), reports in by_month.items():
            first, last = month_bounds(month)
            rows = Purchases._lam_purchases(
                first,
                last,
                company=company,
                # as the system: all the purchases of these dealers, not only those the
                # user may see
                partners=reports.partner_id.sudo(),
                groupby=("partner", "product"),
            )["rows"]
            for psi in reports:
                for row in rows:
                    if row["partner_id"] == psi.partner_id.id:
                        result[psi.id][row["product_id"]] = row["qty"]
        return result

    @api.constrains("partner_id")
    def _check_dealer(self):
        # as the system: the dealer's kind is restricted to the archive groups
        for psi in self.sudo():
            if psi.partner_id.lam_customer_kind != "dealer":
                raise ValidationError(
                    _(
                        "%(partner)s is not a dealer: stock reports are a dealer's.",
                        partner=psi.partner_id.name,
                    )
                )

    @api.constrains("month", "partner_id", "line_ids")
    def _check_continuity(self):
        """Each product opens the month with the stock it closed the previous one
        with."""
        for psi in self:
            errors = psi._lam_continuity_errors()
            if errors:
                raise ValidationError("\n".join(errors))

    def _lam_continuity_errors(self, lines=None, skip=None):
        """The messages of the products whose opening stock is not the previous closing
        (``lines``: {product: (opening, closing)}, by default the report's own;
        ``skip``: products not to check)."""
        self.ensure_one()
        lines = (
            lines
            if lines is not None
            else {
                line.product_id: (line.opening, line.closing) for line in self.line_ids
            }
        )
        # as the system: the previous and next months' reports, whoever filed them
        neighbours = self.sudo().search(
            [
                ("partner_id", "=", self.partner_id.id),
                (
                    "month",
                    "in",
                    [
                        self.month - relativedelta(months=1),
                        self.month + relativedelta(months=1),
                    ],
                ),
                ("id", "!=", self._origin.id or 0),
            ]
        )
        previous = neighbours.filtered(lambda psi: psi.month < self.month)
        following = neighbours - previous
        errors = []
        if previous:
            closing = {line.product_id: line.closing for line in previous.line_ids}
            for product in (set(closing) | set(lines)) - set(skip or ()):
                opening = lines.get(product, (0.0, 0.0))[0]
                if abs(opening - closing.get(product, 0.0)) > TOLERANCE:
                    errors.append(
                        _(
                            "%(product)s: opening stock %(opening)s is not the closing "
                            "stock %(closing)s of "
                            "%(month)s.",
                            product=product.display_name,
                            opening=opening,
                            closing=closing.get(product, 0.0),
                            month=previous.month.strftime("%Y-%m"),
                        )
                    )
        if following:
            opening = {line.product_id: line.opening for line in following.line_ids}
            for product in (set(opening) | set(lines)) - set(skip or ()):
                closing = lines.get(product, (0.0, 0.0))[1]
                if abs(closing - opening.get(product, 0.0)) > TOLERANCE:
                    errors.append(
                        _(
                            "%(product)s: closing stock %(closing)s is not the opening "
                            "stock %(opening)s of "
                            "%(month)s.",
                            product=product.display_name,
                            closing=closing,
                            opening=opening.get(product, 0.0),
                            month=following.month.strftime("%Y-%m"),
                        )
                    )
        return errors

    @api.depends("partner_id", "month")
    def _compute_display_name(self):
        for psi in self:
            psi.display_name = _(
                "PSI of %(dealer)s, %(month)s",
                dealer=psi.partner_id.name or "",
                month=psi.month and psi.month.strftime("%Y-%m") or "",
            )

    def action_lam_open_import(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Import a PSI Month"),
            "res_model": "lam.psi.import.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_month": self.month,
            },
        }

    @api.model
    def _cron_psi_reminders(self):
        """Daily (Art. 14.1): a dealer whose last month is not reported once its
        due day has passed gives his channel manager one reminder (an activity
        on the dealer), closed once the month is reported. One query per kind
        of record, whatever the number of dealers."""
        today = fields.Date.context_today(self)
        month = month_bounds(today - relativedelta(months=1))[0]
        Activity = self.env["mail.activity"].sudo()
        reminders = Activity.search([("lam_psi_month", "!=", False)])
        # as the system: every company's dealers and reports, for their managers
        months = list(set(reminders.mapped("lam_psi_month")) | {month})
        reported = {
            (psi.partner_id.id, psi.month)
            for psi in self.sudo().search([("month", "in", months)])
        }
        done = reminders.filtered(
            lambda activity: (activity.res_id, activity.lam_psi_month) in reported
        )
        open_keys = {
            (activity.res_id, activity.lam_psi_month) for activity in reminders - done
        }
        if done:
            done.action_feedback(feedback=_("The month is reported."))
        dealers = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("lam_customer_kind", "=", "dealer"),
                    ("is_company", "=", True),
                    ("user_id", "!=", False),
                ]
            )
        )
        late = dealers.filtered(
            lambda dealer: today
            > month_bounds(month)[1]
            + relativedelta(
                days=(dealer.company_id or self.env.company).lam_psi_due_day
            )
            and (dealer.id, month) not in reported
            and (dealer.id, month) not in open_keys
        )
        activity_type = self.env.ref(
            "lubricant_account_manager.mail_activity_type_lam_psi"
        )
        partner_model = self.env["ir.model"]._get_id("res.partner")
        Activity._lam_create_bulk(
            [
                {
                    "res_model_id": partner_model,
                    "res_id": dealer.id,
                    "activity_type_id": activity_type.id,
                    "user_id": dealer.user_id.id,
                    "date_deadline": today,
                    "summary": self.with_context(
                        lang=dealer.user_id.lang or self.env.lang
                    ).env._(
                        "Ask %(dealer)s for the PSI of %(month)s",
                        dealer=dealer.name,
                        month=month.strftime("%Y-%m"),
                    ),
                    "lam_psi_month": month,
                }
                for dealer in late
            ]
        )
        self.env["lam.robot.message"]._lam_enqueue(
            "event_psi",
            late,
            "user_id",
            lambda dealer: (
                dealer.env._(
                    "PSI not reported: %(dealer)s, %(month)s",
                    dealer=dealer.name,
                    month=month.strftime("%Y-%m"),
                ),
                [
                    dealer.env._(
                        "**Channel manager**: %(user)s", user=md(dealer.user_id.name)
                    ),
                    dealer.env._(
                        "**Due**: day %(day)s of the following month",
                        day=(dealer.company_id or self.env.company).lam_psi_due_day,
                    ),
                ],
            ),
        )
