# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

import json
import logging
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.abc import grade_ranking

_logger = logging.getLogger(__name__)

# The per-company columns of res.partner the grading writes (company-dependent jsonb).
GRADE_COLUMNS = {
    "grade": "lam_abc_grade",
    "computed": "lam_abc_computed_grade",
    "value": "lam_abc_value",
    "share": "lam_abc_share",
    "rank": "lam_abc_rank",
    "pinned": "lam_abc_pinned_grade",
    "pin_reason": "lam_abc_pin_reason",
    "pin_expiry": "lam_abc_pin_expiry",
}
COLUMN_TYPES = {
    "grade": "varchar",
    "computed": "varchar",
    "value": "float8",
    "share": "float8",
    "rank": "int",
    "pinned": "varchar",
    "pin_reason": "text",
    "pin_expiry": "date",
}


class LamAbcGrading(models.AbstractModel):
    """ABC grading (Art. 19, DOMAIN §3): ranks a company's lubricant customers
    on what they bought over the look-back window, less credit notes, read
    through the purchases service, and writes the grades that changed with
    their history, in a few statements whatever the number of customers."""

    _name = "lam.abc.grading"
    _description = "ABC Grading"

    @api.model
    def _cron_recompute(self):
        for company in self.env["res.company"].search([]):
            self._lam_recompute(company)

    @api.model
    def _lam_recompute(self, company, today=None):
        """Recompute and store the grades of ``company``'s customers.

        :return: dict with ``customers`` graded, ``changed`` grades,
            ``unconvertible`` lines left out (by customer, product and unit)
            and a ``message`` for the user
        """
        # as the system: the grading reads every customer's sales and writes grades no
        # user may write
        self = self.sudo().with_company(company)
        today = today or fields.Date.context_today(self)
        date_from = (
            today - relativedelta(months=company.lam_abc_months) + relativedelta(days=1)
        )
        customers = self.env["res.partner"].search(
            [
                ("is_company", "=", True),
                ("lam_customer_kind", "!=", False),
                ("company_id", "in", [False, company.id]),
            ],
            order="id",
        )
        purchases = self.env["lam.purchase.analysis"]._lam_purchases(
            date_from, today, partners=customers, company=company
        )
        key = "qty" if company.lam_abc_basis == "volume" else "amount"
        values = defaultdict(float)
        for row in purchases["rows"]:
            values[row["partner_id"]] += row[key]
        if key == "amount":  # revenue needs no conversion: lines in pieces count too
            for group in purchases["unconvertible"]:
                values[group["partner_id"]] += group["amount"]
        groups, ungraded = self._lam_scopes(customers, company)
        ranking = dict.fromkeys(ungraded, (None, 0.0, None))
        for group in groups:
            ranking.update(
                grade_ranking(
                    ((customer, values.get(customer, 0.0)) for customer in group),
                    company.lam_abc_threshold_a,
                    company.lam_abc_threshold_b,
                )
            )
        current = self._lam_current(customers, company)
        updates, history = [], []
        for customer in customers:
            rank, share, computed = ranking[customer.id]
            old = current.get(customer.id, {})
            pinned, reason, expiry = (
                old.get("pinned"),
                old.get("pin_reason"),
                old.get("pin_expiry"),
            )
            change = "computed"
            if pinned and expiry and fields.Date.to_date(expiry) < today:
                pinned = reason = expiry = None
                change = "expired"
            new = {
                "grade": pinned or computed,
                "computed": computed,
                "value": round(values.get(customer.id, 0.0), 3),
                "share": round(share, 4),
                "rank": rank,
                "pinned": pinned,
                "pin_reason": reason,
                "pin_expiry": expiry,
            }
            if any(new[name] != old.get(name) for name in new):
                updates.append({"id": customer.id, **new})
            if new["grade"] != old.get("grade"):
                history.append(
                    {
                        "partner_id": customer.id,
                        "old_grade": old.get("grade"),
                        "new_grade": new["grade"],
                        "computed_grade": computed,
                        "value": new["value"],
                        "share": new["share"],
                        "rank": rank,
                        "reason": change,
                    }
                )
        self._lam_write_grades(company, updates)
        self._lam_write_history(company, today, history)
        if purchases["unconvertible"] and key == "qty":
            _logger.warning(
                "ABC grading of %s left out %s groups of order lines whose unit cannot "
                "be converted "
                "into the reference unit",
                company.name,
                len(purchases["unconvertible"]),
            )
        unconvertible = purchases["unconvertible"] if key == "qty" else []
        return {
            "customers": len(customers),
            "changed": len(history),
            "unconvertible": unconvertible,
            "message": self._lam_message(len(customers), len(history), unconvertible),
        }

    @api.model
    def _lam_scopes(self, customers, company):
        """The customer ids ranked together (all, or each manager's portfolio;
        the dealers apart by default), and the ids not graded: a dealer's
        terminal customers, who buy through him, and the dealers when the
        company does not grade them."""
        Partner = self.env["res.partner"]
        ungraded = set(
            Partner.search(
                [("id", "in", customers.ids), ("lam_dealer_id", "!=", False)]
            ).ids
        )
        dealers = set(
            Partner.search(
                [("id", "in", customers.ids), ("lam_customer_kind", "=", "dealer")]
            ).ids
        )
        mode = company.lam_abc_dealers
        if mode == "none":
            ungraded |= dealers
        pools = [[], []]
        for customer in customers:
            if customer.id not in ungraded:
                pools[mode == "apart" and customer.id in dealers].append(customer)
        groups = []
        for pool in filter(None, pools):
            if company.lam_abc_scope != "manager":
                groups.append([customer.id for customer in pool])
                continue
            by_manager = defaultdict(list)
            for customer in pool:
                by_manager[customer.user_id.id].append(customer.id)
            groups += by_manager.values()
        return groups, ungraded

    @api.model
    def _lam_current(self, customers, company):
        """{customer id: {name: value}} of the stored per-company grading columns, in
        one query."""
        self.env["res.partner"].flush_model(list(GRADE_COLUMNS.values()))
        key = str(company.id)
        rows = self.env.execute_query(
            SQL(
                "SELECT id, %s FROM res_partner WHERE id = ANY(%s)",
                SQL(", ").join(
                    SQL("%s->>%s", SQL.identifier(column), key)
                    for column in GRADE_COLUMNS.values()
                ),
                customers.ids,
            )
        )
        result = {}
        for row in rows:
            values = dict(zip(GRADE_COLUMNS, row[1:], strict=False))
            values["value"] = (
                float(values["value"]) if values["value"] is not None else None
            )
            values["share"] = (
                float(values["share"]) if values["share"] is not None else None
            )
            values["rank"] = int(values["rank"]) if values["rank"] is not None else None
            result[row[0]] = values
        return result

    @api.model
    def _lam_write_grades(self, company, updates):
        """Write the changed per-company values in one statement."""
        if not updates:
            return
        key = str(company.id)
        assignments = SQL(", ").join(
            SQL(
                "%(column)s = COALESCE(p.%(column)s, '{}'::jsonb) || "
                "jsonb_build_object(%(key)s, v.%(name)s)",
                column=SQL.identifier(column),
                key=key,
                name=SQL.identifier(name),
            )
            for name, column in GRADE_COLUMNS.items()
        )
        self.env.cr.execute(
            SQL(
                """UPDATE res_partner p SET %(assignments)s, write_date = NOW() AT TIME
                    ZONE 'UTC', write_uid = %(uid)s
                 FROM jsonb_to_recordset(%(rows)s::jsonb) AS v(id int, %(record_type)s)
                WHERE p.id = v.id""",
                assignments=assignments,
                uid=self.env.uid,
                rows=json.dumps(updates, default=str),
                record_type=SQL(", ").join(
                    SQL("%s %s", SQL.identifier(name), SQL(COLUMN_TYPES[name]))
                    for name in GRADE_COLUMNS
                ),
            )
        )
        self.env["res.partner"].invalidate_model(
            list(GRADE_COLUMNS.values()) + ["lam_abc_differs", "write_date"]
        )

    @api.model
    def _lam_write_history(self, company, today, history):
        """Insert the history rows in one statement (the account manager copied from the
        customer)."""
        if not history:
            return
        self.env.cr.execute(
            SQL(
                """INSERT INTO lam_abc_history (partner_id, account_manager_id,
                    company_id, date, old_grade, new_grade,
                                            computed_grade, value, share, rank, reason,
                                                note,
                                            create_uid, create_date, write_uid,
                                                write_date)
               SELECT h.partner_id, p.user_id, %(company)s, %(today)s, h.old_grade,
                   h.new_grade, h.computed_grade,
                      h.value, h.share, h.rank, h.reason, h.note, %(uid)s, NOW() AT TIME
                          ZONE 'UTC', %(uid)s,
                      NOW() AT TIME ZONE 'UTC'
                 FROM jsonb_to_recordset(%(rows)s::jsonb) AS h(partner_id int, old_grade
                     varchar, new_grade varchar,
                                                              computed_grade varchar,
                                                                  value float8, share
                                                                  float8,
                                                              rank int, reason varchar,
                                                                  note varchar)
                 JOIN res_partner p ON p.id = h.partner_id""",
                company=company.id,
                today=today,
                uid=self.env.uid,
                rows=json.dumps(history),
            )
        )
        self.env["lam.abc.history"].invalidate_model()

    @api.model
    def _lam_message(self, customers, changed, unconvertible):
        message = self.env._(
            "%(customers)s customers graded, %(changed)s grades changed.",
            customers=customers,
            changed=changed,
        )
        if unconvertible:
            message += " " + self.env._(
                "%(count)s groups of order lines are in units that cannot be converted "
                "into the reference unit "
                "(for instance pieces) and were left out.",
                count=len(unconvertible),
            )
        return message

    @api.model
    def _lam_pin(self, partners, grade, reason, expiry):
        """Pin ``partners``' grade in the current company (an administrator's decision,
        checked by the caller)."""
        self._lam_set_pin(
            partners,
            {"pinned": grade, "pin_reason": reason, "pin_expiry": expiry},
            "pinned",
        )

    @api.model
    def _lam_unpin(self, partners):
        self._lam_set_pin(
            partners,
            {"pinned": None, "pin_reason": None, "pin_expiry": None},
            "unpinned",
        )

    @api.model
    def _lam_set_pin(self, partners, pin, reason):
        company = self.env.company
        current = self._lam_current(partners, company)
        today = fields.Date.context_today(self)
        updates, history = [], []
        for partner in partners:
            old = current.get(partner.id, {})
            new = {
                **old,
                **pin,
                "pin_expiry": pin["pin_expiry"]
                and fields.Date.to_string(pin["pin_expiry"]),
            }
            new["grade"] = new["pinned"] or old.get("computed") or "c"
            updates.append({"id": partner.id, **new})
            if new["grade"] != old.get("grade") or reason == "pinned":
                history.append(
                    {
                        "partner_id": partner.id,
                        "old_grade": old.get("grade"),
                        "new_grade": new["grade"],
                        "computed_grade": old.get("computed"),
                        "value": old.get("value") or 0.0,
                        "share": old.get("share") or 0.0,
                        "rank": old.get("rank") or 0,
                        "reason": reason,
                        "note": pin["pin_reason"],
                    }
                )
        self._lam_write_grades(company, updates)
        self._lam_write_history(company, today, history)
