# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.misc import format_date, formatLang

from ..tools.periods import month_bounds, week_bounds
from .lam_complaint import OPEN_STATES
from .lam_receivable import overdue_ranges
from .res_users import MANAGER_CATEGORY_GROUPS

MODULE = "lubricant_account_manager"


class LamCockpit(models.AbstractModel):
    """The cockpit (经营部看板): the figures a department manager runs his
    morning on, for the managers he answers for (an account manager: his
    own), each with the list behind it. Every figure is one grouped query for
    all the managers, whatever the number of customers."""

    _name = "lam.cockpit"
    _description = "Account Management Cockpit"

    @api.model
    def get_cockpit_data(self):
        """The cockpit of the current user, as the client action shows it:
        ``tiles`` (label, value, hint, state, action) and ``managers`` (one row
        per manager, each figure with its column's action)."""
        user = self.env.user
        if not user.has_group(f"{MODULE}.group_lam_user"):
            raise AccessError(_("The cockpit is for account management only."))
        today = fields.Date.context_today(self)
        users = self._lam_scope_users()
        figures = self._lam_figures(users, today)
        return {
            "title": self._lam_title(users),
            "today": format_date(self.env, today),
            "currency_id": self.env.company.currency_id.id,
            "tiles": figures["tiles"],
            "columns": figures["columns"],
            "managers": [
                {
                    "id": manager.id,
                    "name": manager.name,
                    "values": figures["by_user"][manager.id],
                }
                for manager in users.sorted(
                    lambda manager: -figures["by_user"][manager.id]["completion"]
                )
            ],
        }

    @api.model
    def _lam_scope_users(self):
        """The managers of the cockpit: a department manager's team members
        (administrators: every account manager of the company), else the user."""
        user = self.env.user
        if not user.has_group(f"{MODULE}.group_lam_department_manager"):
            return user
        categories = [
            self.env.ref(xmlid).id for xmlid in MANAGER_CATEGORY_GROUPS.values()
        ]
        managers = (
            self.env["res.users"]
            # as the system: who is an account manager, not what they own
            .sudo()
            .search(
                [
                    ("groups_id", "in", categories),
                    # department managers and administrators have the managers'
                    # groups too: not account managers themselves
                    (
                        "groups_id",
                        "not in",
                        self.env.ref(f"{MODULE}.group_lam_department_manager").id,
                    ),
                    ("share", "=", False),
                    ("company_ids", "in", self.env.company.id),
                ]
            )
        )
        led = user._lam_led_users(managers)
        return self.env["res.users"].browse(led.ids)

    @api.model
    def _lam_title(self, users):
        if users == self.env.user:
            return _("My Cockpit")
        return _("Department Cockpit: %(count)s managers", count=len(users))

    @api.model
    def _lam_action(
        self, xmlid, domain, name=None, user_field="user_id", context=None, empty=None
    ):
        """The list behind a figure; ``empty``: what its list says when there is
        nothing (rather than the action's invitation to create)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(f"{MODULE}.{xmlid}")
        if empty:
            action["help"] = (
                Markup('<p class="o_view_nocontent_smiling_face">%s</p>') % empty
            )
        # the list first: a figure opens the records it counts
        action["views"] = sorted(action["views"], key=lambda view: view[1] != "list")
        action["domain"] = domain
        action["context"] = dict(context or {}, create=False)
        action["lam_user_field"] = user_field
        if name:
            action["name"] = action["display_name"] = name
        return action

    @api.model
    def _lam_figures(self, users, today):
        first, last = month_bounds(today)
        monday, sunday = week_bounds(today)
        by_user = {user.id: defaultdict(float, name=user.name) for user in users}
        tiles = []
        for method in (
            self._lam_volume_figures,
            self._lam_abc_figures,
            self._lam_cadence_figures,
            self._lam_visit_figures,
            self._lam_complaint_figures,
            self._lam_receivable_figures,
            self._lam_drop_figures,
            self._lam_psi_figures,
            self._lam_archive_figures,
        ):
            tiles += method(users, by_user, today, (first, last), (monday, sunday))
        columns = [
            {
                "key": key,
                "label": tile["label"],
                "action": tile["action"],
                "format": tile.get("format", "int"),
            }
            for tile in tiles
            for key in [tile.get("column")]
            if key
        ]
        return {
            "tiles": tiles,
            "columns": columns,
            "by_user": {user_id: dict(values) for user_id, values in by_user.items()},
        }

    # --- the figures, one method per tile
    def _lam_volume_figures(self, users, by_user, today, month, week):
        first, last = month
        rows = self.env["lam.purchase.analysis"]._lam_purchases(
            first, last, groupby=("manager",)
        )["rows"]
        for row in rows:
            if row["manager_id"] in by_user:
                by_user[row["manager_id"]]["volume"] += row["qty"]
        for user, target in self.env["lam.sales.plan.manager"]._read_group(
            [
                ("user_id", "in", users.ids),
                ("month", ">=", first),
                ("month", "<=", last),
            ],
            ["user_id"],
            ["target_volume:sum"],
        ):
            by_user[user.id]["target"] = target
        volume = target = 0.0
        for values in by_user.values():
            values["completion"] = (
                round(100.0 * values["volume"] / values["target"], 1)
                if values["target"]
                else 0.0
            )
            volume += values["volume"]
            target += values["target"]
        uom = self.env.company._lam_reference_uom()
        completion = 100.0 * volume / target if target else 0.0
        plan_action = self._lam_action(
            "lam_sales_plan_manager_action",
            [
                ("user_id", "in", users.ids),
                ("month", ">=", first),
                ("month", "<=", last),
            ],
            name=_("Sales Plan of %(month)s", month=first.strftime("%Y-%m")),
        )
        return [
            {
                "key": "volume",
                "label": _("Volume This Month (%(uom)s)", uom=uom.name),
                "value": round(volume, 1),
                "format": "float",
                "hint": _(
                    "%(completion)s %% of the plan's %(target)s",
                    completion=formatLang(self.env, completion, digits=1),
                    target=formatLang(self.env, target, digits=1),
                ),
                "state": "success" if target and completion >= 100 else None,
                "column": "volume",
                "action": plan_action,
            },
            {
                "key": "completion",
                "label": _("Plan Completion (%)"),
                "value": round(completion, 1),
                "format": "float",
                "hint": _(
                    "target %(target)s %(uom)s",
                    target=formatLang(self.env, target, digits=1),
                    uom=uom.name,
                ),
                "column": "completion",
                "action": plan_action,
            },
        ]

    def _lam_customer_domain(self, users):
        return [
            ("user_id", "in", users.ids),
            ("is_company", "=", True),
            ("lam_customer_kind", "!=", False),
        ]

    def _lam_abc_figures(self, users, by_user, today, month, week):
        counts = dict(
            self.env["res.partner"]._read_group(
                self._lam_customer_domain(users), ["lam_abc_grade"], ["__count"]
            )
        )
        return [
            {
                "key": "abc",
                "label": _("Customers A / B / C"),
                "value": " / ".join(str(counts.get(grade, 0)) for grade in "abc"),
                "format": "text",
                "hint": _("%(count)s not graded", count=counts.get(False, 0)),
                "action": self._lam_action(
                    "res_partner_action_lam_customer",
                    self._lam_customer_domain(users),
                    name=_("Customers by ABC Grade"),
                    context={"group_by": "lam_abc_grade"},
                ),
            }
        ]

    def _lam_cadence_figures(self, users, by_user, today, month, week):
        domain = [("user_id", "in", users.ids)]
        total = covered = 0
        for user, is_covered, count in self.env["lam.cadence.status"]._read_group(
            domain, ["user_id", "covered"], ["__count"]
        ):
            total += count
            covered += count if is_covered else 0
            by_user[user.id]["cadence_total"] += count
            by_user[user.id]["on_time"] += count if is_covered else 0
        overdue = set()
        for user, partner_ids in self.env["lam.cadence.status"]._read_group(
            domain + [("overdue", "=", True)],
            ["user_id"],
            ["partner_id:array_agg"],
        ):
            by_user[user.id]["overdue"] = len(set(partner_ids))
            overdue.update(partner_ids)
        for values in by_user.values():
            values["on_time"] = (
                round(100.0 * values["on_time"] / values["cadence_total"], 1)
                if values["cadence_total"]
                else 0.0
            )
        on_time = round(100.0 * covered / total, 1) if total else 0.0
        return [
            {
                "key": "on_time",
                "label": _("Cadences Kept (%)"),
                "value": on_time,
                "format": "float",
                "hint": _("%(covered)s of %(total)s", covered=covered, total=total),
                "column": "on_time",
                "action": self._lam_action(
                    "lam_cadence_status_action", domain, name=_("Contact Cadences")
                ),
            },
            {
                "key": "overdue",
                "label": _("Customers Overdue"),
                "value": len(overdue),
                "hint": _("past a cadence's deadline"),
                "state": "danger" if overdue else "success",
                "column": "overdue",
                # the customers, as counted (a customer may be late on two rules)
                "action": self._lam_action(
                    "res_partner_action_lam_customer",
                    [("id", "in", sorted(overdue))],
                    name=_("Customers Overdue"),
                    empty=_("No customer is past a cadence's deadline."),
                ),
            },
        ]

    def _lam_visit_figures(self, users, by_user, today, month, week):
        monday, sunday = week
        domain = [
            ("user_id", "in", users.ids),
            ("visit_date", ">=", monday),
            ("visit_date", "<=", sunday),
            ("state", "in", ("done", "reported")),
        ]
        done = 0
        for user, count in self.env["lam.visit"]._read_group(
            domain, ["user_id"], ["__count"]
        ):
            by_user[user.id]["visits"] = count
            done += count
        share = count = 0
        for user, actual in self.env["lam.scorecard"]._read_group(
            [
                ("user_id", "in", users.ids),
                ("period", "=", "week"),
                ("date_from", "=", monday),
                ("requirement", "=", "field_share"),
            ],
            ["user_id"],
            ["actual:sum"],
        ):
            by_user[user.id]["field_share"] = round(actual, 1)
            share += actual
            count += 1
        return [
            {
                "key": "visits",
                "label": _("Visits This Week"),
                "value": done,
                "hint": _(
                    "field time %(share)s %% on average",
                    share=formatLang(
                        self.env, share / count if count else 0.0, digits=1
                    ),
                ),
                "column": "visits",
                "action": self._lam_action(
                    "lam_visit_action", domain, name=_("Visits This Week")
                ),
            },
            {
                "key": "field_share",
                "label": _("Field Time (%)"),
                "value": round(share / count, 1) if count else 0.0,
                "format": "float",
                "hint": _("this week, as of the last scorecard refresh"),
                "column": "field_share",
                "action": self._lam_action(
                    "lam_scorecard_action",
                    [
                        ("user_id", "in", users.ids),
                        ("period", "=", "week"),
                        ("date_from", "=", monday),
                        ("requirement", "=", "field_share"),
                    ],
                    name=_("Field Time This Week"),
                ),
            },
        ]

    def _lam_complaint_figures(self, users, by_user, today, month, week):
        domain = [("user_id", "in", users.ids), ("state", "in", OPEN_STATES)]
        total = 0
        for user, count in self.env["lam.complaint"]._read_group(
            domain, ["user_id"], ["__count"]
        ):
            by_user[user.id]["complaints"] = count
            total += count
        late = self.env["lam.complaint"].search_count(
            domain + [("deadline", "<", fields.Datetime.now())]
        )
        return [
            {
                "key": "complaints",
                "label": _("Open Complaints"),
                "value": total,
                "hint": _("%(late)s past their deadline", late=late),
                "state": "danger" if late else None,
                "column": "complaints",
                "action": self._lam_action(
                    "lam_complaint_action", domain, name=_("Open Complaints")
                ),
            }
        ]

    def _lam_receivable_figures(self, users, by_user, today, month, week):
        base = [
            ("account_manager_id", "in", users.ids),
            ("amount_residual", ">", 0),
        ]
        tiles = []
        labels = dict(
            self.env["lam.receivable"]
            ._fields["bucket"]
            ._description_selection(self.env)
        )
        total = 0.0
        for key, first_day, last_day in overdue_ranges():
            domain = base + [
                ("invoice_date_due", "<=", today - timedelta(days=first_day))
            ]
            if last_day:
                domain.append(
                    ("invoice_date_due", ">=", today - timedelta(days=last_day))
                )
            amount = 0.0
            for user, residual in self.env["lam.receivable"]._read_group(
                domain, ["account_manager_id"], ["amount_residual:sum"]
            ):
                by_user[user.id]["overdue_amount"] += residual
                amount += residual
            total += amount
            tiles.append(
                {
                    "key": f"receivable_{key}",
                    "label": _("Overdue %(bucket)s", bucket=labels[key]),
                    "value": round(amount, 2),
                    "format": "monetary",
                    "state": "danger" if amount and key == "90_plus" else None,
                    "action": self._lam_action(
                        "lam_receivable_action",
                        domain,
                        name=_("Receivables Overdue %(bucket)s", bucket=labels[key]),
                        user_field="account_manager_id",
                    ),
                }
            )
        tiles.append(
            {
                "key": "overdue_amount",
                "label": _("Overdue Receivables"),
                "value": round(total, 2),
                "format": "monetary",
                "hint": _("all buckets"),
                "column": "overdue_amount",
                "action": self._lam_action(
                    "lam_receivable_action",
                    base + [("invoice_date_due", "<", today)],
                    name=_("Overdue Receivables"),
                    user_field="account_manager_id",
                ),
            }
        )
        return tiles

    def _lam_drop_figures(self, users, by_user, today, month, week):
        drops = 0
        domain = [("user_id", "in", users.ids)]
        for user, count in self.env["lam.purchase.drop"]._read_group(
            domain, ["user_id"], ["__count"]
        ):
            by_user[user.id]["drops"] = count
            drops += count
        lost_domain = self._lam_customer_domain(users) + [("lam_stage", "=", "lost")]
        lost = self.env["res.partner"].search_count(lost_domain)
        return [
            {
                "key": "drops",
                "label": _("Purchases Dropping"),
                "value": drops,
                "hint": _("customers below their usual volume"),
                "state": "warning" if drops else None,
                "column": "drops",
                "action": self._lam_action(
                    "lam_purchase_drop_action", domain, name=_("Purchases Dropping")
                ),
            },
            {
                "key": "lost",
                "label": _("Customers Lost"),
                "value": lost,
                "state": "danger" if lost else None,
                "action": self._lam_action(
                    "res_partner_action_lam_customer",
                    lost_domain,
                    name=_("Customers Lost"),
                    empty=_("No customer is lost."),
                ),
            },
        ]

    def _lam_psi_figures(self, users, by_user, today, month, week):
        dealers = {
            partner_id
            for (partner_id,) in self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", "res.partner"),
                    ("lam_psi_month", "!=", False),
                    ("user_id", "in", users.ids),
                ],
                ["res_id"],
            )
        }
        return [
            {
                "key": "psi",
                "label": _("PSI Not Reported"),
                "value": len(dealers),
                "hint": _("dealers past the due day"),
                "state": "warning" if dealers else None,
                "action": self._lam_action(
                    "res_partner_action_lam_customer",
                    self._lam_customer_domain(users) + [("id", "in", sorted(dealers))],
                    name=_("Dealers with PSI Not Reported"),
                    empty=_("Every dealer reported his PSI in time."),
                ),
            }
        ]

    def _lam_archive_figures(self, users, by_user, today, month, week):
        domain = self._lam_customer_domain(users)
        filled = customers = 0
        for user, share, count in self.env["res.partner"]._read_group(
            domain, ["user_id"], ["lam_archive_completeness:sum", "__count"]
        ):
            by_user[user.id]["archive"] = round(share / count, 1)
            filled += share
            customers += count
        average = filled / customers if customers else 0.0
        return [
            {
                "key": "archive",
                "label": _("Archive Completeness (%)"),
                "value": round(average, 1),
                "format": "float",
                "hint": _("average of the customers"),
                "column": "archive",
                "action": self._lam_action(
                    "res_partner_action_lam_customer",
                    domain,
                    name=_("Customer Archives"),
                ),
            }
        ]
