# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CONTACT_TYPES = [
    ("visit", "Visit Done"),
    ("call", "Phone/Online Contact"),
    ("credit_visit", "Credit Follow-up Visit"),
    ("review", "Archive Review"),
    ("key_person", "Key Person Present"),
    ("archive", "Archive Complete"),
]
# rules judged on the customer as he is, not on contacts in a period
STATE_TYPES = ("key_person", "archive")
PERIOD_TYPES = [
    ("days", "Days"),
    ("week", "Weeks"),
    ("month", "Months"),
]
# How far back contacts are read to say since when a customer is uncovered.
LOOKBACK_DAYS = 400


class LamCadenceRule(models.Model):
    """A contact cadence (量化管理, Art. 20-22, DOMAIN §4): what counts, for
    which customers, how many per period. The scheduled action keeps exactly
    one open activity per customer and rule while the customer is not
    covered, and marks it done once he is."""

    _name = "lam.cadence.rule"
    _description = "Contact Cadence Rule"
    _inherit = ["lam.validated.mixin"]
    _order = "sequence, id"

    name = fields.Char(string="Rule Name", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Leave empty for every company."
    )
    contact_type = fields.Selection(
        CONTACT_TYPES, string="What Counts", required=True, default="visit"
    )
    # --- which customers
    grade_a = fields.Boolean(default=True)
    grade_b = fields.Boolean(default=True)
    grade_c = fields.Boolean(default=True)
    grade_none = fields.Boolean(string="Not Graded", default=True)
    credit_scope = fields.Selection(
        [
            ("any", "Any"),
            ("credit", "Credit Customers Only"),
            ("no_credit", "Other Customers Only"),
        ],
        string="Credit Customers",
        required=True,
        default="any",
        help="Credit customers have a credit limit or a payment term longer than "
        "immediate.",
    )
    kind_terminal = fields.Boolean(string="Terminal Customers", default=True)
    kind_dealer = fields.Boolean(string="Dealers", default=True)
    kind_prospect = fields.Boolean(string="Prospects", default=False)
    target_only = fields.Boolean(
        string="Target List Only",
        help="Customers and prospects only while they are on their manager's target "
        "list (Art. 12.4, 32).",
    )
    dealer_scope = fields.Selection(
        [
            ("any", "Any"),
            ("own", "Our Own Customers"),
            ("dealer", "A Dealer's Terminal Customers"),
        ],
        string="Bought Through",
        default="any",
        required=True,
        help="A dealer's terminal customers are followed by the dealer's channel "
        "manager (Art. 14.2).",
    )
    size_large = fields.Boolean(string="Large", default=True)
    size_medium = fields.Boolean(string="Medium", default=True)
    size_small = fields.Boolean(string="Small", default=True)
    size_none = fields.Boolean(string="Size Unknown", default=True)
    manager_category = fields.Selection(
        [
            ("any", "Any"),
            ("development", "Terminal Development"),
            ("maintenance", "Terminal Maintenance"),
            ("channel", "Distribution Channel"),
        ],
        required=True,
        default="any",
    )
    # --- how many per period
    min_count = fields.Integer(string="At Least", required=True, default=1)
    min_completeness = fields.Integer(
        string="Archive at Least (%)",
        default=80,
        help="Archive Complete: customers whose archive is filled below this share "
        "get the activity.",
    )
    period_type = fields.Selection(
        PERIOD_TYPES, string="Per", required=True, default="month"
    )
    period_length = fields.Integer(
        required=True,
        default=1,
        help="Days of the rolling window, or number of weeks or months.",
    )
    window = fields.Selection(
        [("rolling", "Rolling"), ("calendar", "Calendar")],
        required=True,
        default="rolling",
        help="Weeks and months: Rolling counts the contacts of the last N weeks or "
        "months up to today (every two months means never more than two months "
        "apart); Calendar counts those of the current calendar period (January and "
        "February, March and April...).",
    )
    # --- the activity
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        required=True,
        ondelete="restrict",
        domain=[("res_model", "in", (False, "res.partner"))],
    )
    note = fields.Text(
        translate=True, help="Put in the activity: what the manager should do."
    )
    deadline_days = fields.Integer(
        string="Deadline Offset (days)",
        default=0,
        help="Days added to the date the customer is due (or to today when he has no "
        "contact on record).",
    )
    description = fields.Char(compute="_compute_description", string="Cadence")

    _sql_constraints = [
        (
            "min_count_positive",
            "CHECK(min_count >= 1)",
            "A cadence asks for at least one contact.",
        ),
        (
            "period_length_positive",
            "CHECK(period_length BETWEEN 1 AND 366)",
            "A period lasts 1 to 366 days, weeks or months.",
        ),
        (
            "deadline_days_bounded",
            "CHECK(deadline_days BETWEEN -60 AND 60)",
            "A deadline offset is between -60 and 60 days.",
        ),
        (
            "min_completeness_bounded",
            "CHECK(min_completeness BETWEEN 1 AND 100)",
            "An archive is at least 1 to 100 % complete.",
        ),
    ]

    @api.depends(
        "min_count",
        "period_type",
        "period_length",
        "contact_type",
        "window",
        "min_completeness",
    )
    def _compute_description(self):
        units = {
            "days": _("days"),
            "week": _("weeks"),
            "month": _("months"),
        }
        for rule in self:
            if rule.contact_type == "key_person":
                rule.description = _("Always")
            elif rule.contact_type == "archive":
                rule.description = _(
                    "Archive at least %(share)s %%", share=rule.min_completeness
                )
            elif rule._lam_is_rolling():
                rule.description = _(
                    "%(count)s in any %(length)s %(unit)s",
                    count=rule.min_count,
                    length=rule.period_length,
                    unit=units.get(rule.period_type, ""),
                )
            else:
                rule.description = _(
                    "%(count)s per %(length)s calendar %(unit)s",
                    count=rule.min_count,
                    length=rule.period_length,
                    unit=units.get(rule.period_type, ""),
                )

    @api.constrains(
        "grade_a",
        "grade_b",
        "grade_c",
        "grade_none",
        "kind_terminal",
        "kind_dealer",
        "kind_prospect",
        "size_large",
        "size_medium",
        "size_small",
        "size_none",
    )
    def _check_selects_customers(self):
        for rule in self:
            if (
                not (rule.grade_a or rule.grade_b or rule.grade_c or rule.grade_none)
                or not (rule.kind_terminal or rule.kind_dealer or rule.kind_prospect)
                or not (
                    rule.size_large
                    or rule.size_medium
                    or rule.size_small
                    or rule.size_none
                )
            ):
                raise ValidationError(
                    _(
                        "%(rule)s selects no customer: tick at least one grade, one "
                        "kind and one "
                        "size.",
                        rule=rule.name,
                    )
                )

    # --- selection and coverage, on facts gathered for a batch of customers
    def _lam_selector(self):
        """What the rule selects on, as plain values: read once per batch, not
        for every customer it is tried on (a field read costs more than the
        test itself, over thousands of rule and customer pairs)."""
        self.ensure_one()
        return {
            "company_id": self.company_id.id,
            "kinds": {
                kind
                for kind in ("terminal", "dealer", "prospect")
                if self[f"kind_{kind}"]
            },
            "grades": {g for g in ("a", "b", "c", "none") if self[f"grade_{g}"]},
            "sizes": {
                size
                for size in ("large", "medium", "small", "none")
                if self[f"size_{size}"]
            },
            "credit_scope": self.credit_scope,
            "target_only": self.target_only,
            "dealer_scope": self.dealer_scope,
            "manager_category": self.manager_category,
            # and what its coverage is judged on
            "contact_type": self.contact_type,
            "min_count": self.min_count,
            "min_completeness": self.min_completeness,
            "offset": relativedelta(days=self.deadline_days),
            "rolling": self._lam_is_rolling(),
            "step": self._lam_period_step(),
            "starts": {},  # {today: first day of the period}, filled as asked
        }

    def _lam_applies(self, facts, selector=None):
        """Whether this rule selects the customer described by ``facts``
        (``selector``: the rule's ``_lam_selector()``, read once by a caller
        trying many customers)."""
        rule = selector or self._lam_selector()
        if rule["company_id"] and facts["company_id"] != rule["company_id"]:
            return False
        if facts["kind"] not in rule["kinds"]:
            return False
        if (facts["grade"] or "none") not in rule["grades"] or (
            facts["size"] or "none"
        ) not in rule["sizes"]:
            return False
        if (
            rule["credit_scope"] != "any"
            and (rule["credit_scope"] == "credit") != facts["credit"]
        ):
            return False
        if rule["target_only"] and facts["stage"] != "target":
            return False
        if (
            rule["dealer_scope"] != "any"
            and (rule["dealer_scope"] == "dealer") != facts["via_dealer"]
        ):
            return False
        return rule["manager_category"] in ("any", facts["category"])

    def _lam_is_rolling(self):
        self.ensure_one()
        return self.period_type == "days" or self.window == "rolling"

    def _lam_period_start(self, today):
        """First day of the current period (calendar rules) or of the rolling window."""
        self.ensure_one()
        if self._lam_is_rolling():
            return today - self._lam_period_step() + relativedelta(days=1)
        if self.period_type == "week":
            monday = today - relativedelta(days=today.weekday())
            weeks = (
                monday.toordinal() // 7
            ) % self.period_length  # weeks aligned on a fixed Monday
            return monday - relativedelta(weeks=weeks)
        first = today + relativedelta(day=1)
        return first - relativedelta(months=(first.month - 1) % self.period_length)

    def _lam_period_step(self):
        self.ensure_one()
        if self.period_type == "days":
            return relativedelta(days=self.period_length)
        if self.period_type == "week":
            return relativedelta(weeks=self.period_length)
        return relativedelta(months=self.period_length)

    def _lam_coverage(self, days, facts, today, company, selector=None):
        """Whether the customer is covered today, and if not since when and by when.

        :param days: the days of his qualifying contacts, most recent first
        :param selector: the rule's ``_lam_selector()``, read once by a caller
            judging many customers
        :return: (covered, count in the period, since, deadline)
        """
        rule = selector or self._lam_selector()
        offset = rule["offset"]
        if rule["contact_type"] in STATE_TYPES:
            if rule["contact_type"] == "key_person":
                count = facts["key_persons"]
                covered = count >= max(company.lam_key_person_min_count, 1)
            else:
                count = round(facts["completeness"])
                covered = facts["completeness"] >= rule["min_completeness"]
            since = facts["created"]
            return (
                covered,
                count,
                None if covered else since,
                None if covered else since + offset,
            )
        start = rule["starts"].get(today)
        if start is None:
            start = rule["starts"][today] = self._lam_period_start(today)
        min_count, step = rule["min_count"], rule["step"]
        count = sum(1 for day in days if start <= day <= today)
        if count >= min_count:
            return True, count, None, None
        if rule["rolling"]:
            # uncovered since the window stopped holding enough contacts (or since the
            # customer exists)
            nth = days[min_count - 1] if len(days) >= min_count else None
            since = nth + step if nth else facts["created"]
            return False, count, since, max(since, facts["created"]) + offset
        # calendar periods: due by the end of this one; overdue since the previous one
        # when it was missed too
        previous = start - step
        missed_before = sum(
            1 for day in days if previous <= day < start
        ) < min_count and (facts["created"] < start)
        since = max(previous if missed_before else start, facts["created"])
        deadline = (
            (start if missed_before else start + step) - relativedelta(days=1) + offset
        )
        return False, count, since, deadline
