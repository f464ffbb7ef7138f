# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from .lam_cadence_rule import LOOKBACK_DAYS
from .res_users import MANAGER_CATEGORY_GROUPS

#: the row of lam.cron.progress that holds the run between batches
PROGRESS_NAME = "lubricant_account_manager.cadence_cursor"


class LamCadenceEngine(models.AbstractModel):
    """The scheduled action "Enforce contact cadences": for every active rule
    and every customer it selects, exactly one open activity for his manager
    while he is not covered, marked done once he is. Customers are processed
    in batches of a setting's size, each batch with the same few grouped
    queries; in the scheduler each batch is its own transaction and reports
    its progress."""

    _name = "lam.cadence.engine"
    _description = "Contact Cadence Enforcement"

    @api.model
    def _cron_enforce_cadences(self):
        """One batch per call in the scheduler (it calls again while customers
        remain, each batch its own transaction); every batch to the end
        otherwise, "Run Manually" included (its context has the progress
        record, not the scheduler's cron_id)."""
        context = self.env.context
        in_scheduler = bool(
            context.get("ir_cron_progress_id") and context.get("cron_id")
        )
        done_in_all = 0
        while True:
            done, remaining = self._lam_run_batch()
            done_in_all += done
            if in_scheduler:
                self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
                return
            if not remaining:
                if context.get("ir_cron_progress_id"):
                    self.env["ir.cron"]._notify_progress(done=done_in_all, remaining=0)
                return

    @api.model
    def _lam_customer_domain(self):
        return [
            ("is_company", "=", True),
            ("lam_customer_kind", "!=", False),
            ("user_id", "!=", False),
        ]

    @api.model
    def _lam_run_batch(self):
        """Process the next batch of the current run; return (done, remaining).
        The run's position and the activities it created per manager are kept
        in lam.cron.progress between batches (each its own transaction)."""
        # as the system: a scheduled action over every manager's customers and
        # activities
        self = self.sudo()
        progress = self.env["lam.cron.progress"]
        state = progress._lam_get(PROGRESS_NAME)
        if not state:
            self.env["lam.cadence.status"]._lam_purge()
            state = {"last_id": 0, "created": {}}
        Partner = self.env["res.partner"]
        customers = Partner.search(
            self._lam_customer_domain() + [("id", ">", state["last_id"])],
            order="id",
            limit=self.env.company.lam_cadence_batch_size,
        )
        remaining = 0
        if customers:
            for user_id, count in self._lam_enforce(customers).items():
                state["created"][str(user_id)] = (
                    state["created"].get(str(user_id), 0) + count
                )
            remaining = Partner.search_count(
                self._lam_customer_domain() + [("id", ">", customers[-1].id)]
            )
        if remaining:
            state["last_id"] = customers[-1].id
            progress._lam_set(PROGRESS_NAME, state)
        else:
            progress._lam_set(PROGRESS_NAME, {})
            self._lam_notify_managers(
                {int(user_id): count for user_id, count in state["created"].items()}
            )
        return len(customers), remaining

    @api.model
    def _lam_enforce_after_contact(self, customers):
        """Judge the cadences of ``customers`` again at once, once a contact is
        logged (a visit done, a call): the activities it satisfies close with
        their feedback and the compliance reads it now, not after the nightly
        run. A bounded call: a few queries for these customers only."""
        customers = customers.commercial_partner_id.filtered(
            lambda customer: customer.user_id and customer.lam_customer_kind
        )
        if customers:
            # as the system: the engine writes activities for every rule
            self.sudo()._lam_enforce(customers.sudo())

    @api.model
    def _lam_enforce(self, customers, today=None):
        """Enforce the active rules on ``customers``; return {manager id: activities
        created}.

        :param today: the day to judge on; by default each manager's today in
            his time zone (contacts are dated in their doer's)
        """
        rules = self.env["lam.cadence.rule"].search([])
        facts = self._lam_facts(customers, today)
        contacts = self._lam_contacts(
            customers,
            set(rules.mapped("contact_type")),
            max(customer_facts["today"] for customer_facts in facts.values()),
        )
        Activity = self.env["mail.activity"]
        Activity.flush_model(["res_model", "res_id", "lam_cadence_rule_id", "active"])
        # the open reminders by rule and customer, as ids: a recordset per
        # activity costs more than the rest of the batch's judging
        by_key = {
            (rule_id, res_id): activity_id
            for activity_id, rule_id, res_id in self.env.execute_query(
                SQL(
                    """
                    SELECT id, lam_cadence_rule_id, res_id
                      FROM mail_activity
                     WHERE res_model = 'res.partner' AND res_id = ANY(%s)
                       AND lam_cadence_rule_id IS NOT NULL AND active
                    """,
                    customers.ids,
                )
            )
        }
        to_create, covered, statuses = [], [], []
        selectors = [(rule, rule._lam_selector()) for rule in rules]
        texts = {}
        for customer in customers:
            customer_facts = facts[customer.id]
            company, today = customer_facts["company"], customer_facts["today"]
            for rule, selector in selectors:
                if not rule._lam_applies(customer_facts, selector):
                    continue
                activity = by_key.pop((rule.id, customer.id), None)
                days = contacts[selector["contact_type"]].get(customer.id, [])
                is_covered, count, since, deadline = rule._lam_coverage(
                    days, customer_facts, today, company, selector
                )
                statuses.append(
                    {
                        "rule_id": rule.id,
                        "partner_id": customer.id,
                        "user_id": customer_facts["user"].id,
                        "date": today,
                        "covered": is_covered,
                        "overdue": bool(deadline and deadline < today),
                        "count": count,
                        "required": selector["min_count"],
                        "since": since,
                        "deadline": deadline,
                    }
                )
                if is_covered and activity:
                    covered.append(activity)
                elif not is_covered and not activity:
                    to_create.append(
                        self._lam_activity_values(
                            rule, customer, customer_facts, since, deadline, texts
                        )
                    )
        # what is left open belongs to rules that no longer select the customer (or are
        # archived)
        self._lam_close(Activity.browse(covered), "covered")
        self._lam_close(Activity.browse(list(by_key.values())), "void")
        Activity._lam_create_bulk(to_create)
        self.env["lam.cadence.status"]._lam_replace(customers, statuses)
        created = defaultdict(int)
        for values in to_create:
            created[values["user_id"]] += 1
        return created

    @api.model
    def _lam_facts(self, customers, today=None):
        """{customer id: what the rules select on, and the manager's today}, for the
        batch in a few queries."""
        customers.fetch(
            [
                "lam_customer_kind",
                "lam_size",
                "lam_stage",
                "lam_dealer_id",
                "user_id",
                "company_id",
                "create_date",
                "lam_archive_completeness",
            ]
        )
        categories = {}
        for key, xmlid in MANAGER_CATEGORY_GROUPS.items():
            for user_id in (
                # as the system: group membership, including archived users, is not a
                # user's to read
                self.env.ref(xmlid).sudo().with_context(active_test=False).users.ids
            ):
                categories.setdefault(user_id, key)
        key_persons = dict(
            self.env["res.partner"]._read_group(
                [("parent_id", "in", customers.ids), ("lam_is_key_person", "=", True)],
                ["parent_id"],
                ["__count"],
            )
        )
        by_company = customers.grouped(
            lambda customer: customer.company_id
            or customer.user_id.company_id
            or self.env.company
        )
        todays = {
            user: today
            or fields.Date.context_today(self.with_context(tz=user.tz or "UTC"))
            for user in customers.user_id
        }
        facts = {}
        for company, partners in by_company.items():
            for partner in partners.with_company(company):
                facts[partner.id] = {
                    "company": company,
                    "company_id": company.id,
                    "user": partner.user_id,
                    "kind": partner.lam_customer_kind,
                    "size": partner.lam_size,
                    "stage": partner.lam_stage,
                    "via_dealer": bool(partner.lam_dealer_id),
                    "grade": partner.lam_abc_grade,
                    "credit": partner.lam_is_credit_customer,
                    "category": categories.get(partner.user_id.id),
                    "key_persons": key_persons.get(partner._origin, 0),
                    "completeness": partner.lam_archive_completeness,
                    "created": fields.Date.to_date(partner.create_date)
                    or todays[partner.user_id],
                    "today": todays[partner.user_id],
                }
        return facts

    @api.model
    def _lam_contacts(self, customers, contact_types, today):
        """{contact type: {customer id: [days of qualifying contacts, most recent
        first]}}."""
        start = today - relativedelta(days=LOOKBACK_DAYS)
        result = defaultdict(lambda: defaultdict(list))

        def collect(model, day_field, domain, types_of):
            for partner, *keys, day, count in self.env[model]._read_group(
                [
                    ("partner_id", "in", customers.ids),
                    (day_field, ">=", start),
                    (day_field, "<=", today),
                    *domain,
                ],
                ["partner_id", *types_of[0], f"{day_field}:day"],
                ["__count"],
            ):
                day = fields.Date.to_date(day)
                for contact_type in types_of[1](*keys):
                    result[contact_type][partner.id].extend([day] * count)

        if contact_types & {"visit", "credit_visit"}:
            collect(
                "lam.visit",
                "visit_date",
                [("state", "in", ("done", "reported"))],
                (
                    ["purpose"],
                    lambda purpose: ["visit", "credit_visit"]
                    if purpose == "credit"
                    else ["visit"],
                ),
            )
        if "call" in contact_types:
            collect(
                "lam.communication",
                "day",
                [("channel", "in", ("phone", "online"))],
                ([], lambda: ["call"]),
            )
        if "review" in contact_types:
            collect("lam.archive.review", "day", [], ([], lambda: ["review"]))
        for by_customer in result.values():
            for days in by_customer.values():
                days.sort(reverse=True)
        return result

    @api.model
    def _lam_activity_values(self, rule, customer, facts, since, deadline, texts=None):
        """The values of the activity ``rule`` opens for ``customer``, in his
        manager's language (``texts``: a dict the caller keeps for a batch,
        the rule's name and note by language, looked up once)."""
        user = facts["user"]
        lang = user.lang or self.env.lang
        texts = {} if texts is None else texts
        if (rule.id, lang) not in texts:
            local = rule.with_context(lang=lang)
            texts[rule.id, lang] = (local.env, local.name, local.note or False)
        env, rule_name, note = texts[rule.id, lang]
        return {
            "res_model_id": self.env["ir.model"]._get_id("res.partner"),
            "res_id": customer.id,
            "activity_type_id": rule.activity_type_id.id,
            "user_id": user.id,
            "lam_cadence_rule_id": rule.id,
            "date_deadline": deadline or facts["today"],
            "summary": env._(
                "%(rule)s: uncovered since %(date)s", rule=rule_name, date=since
            ),
            "note": note,
        }

    @api.model
    def _lam_close(self, activities, reason):
        """Mark activities done in one write per language, without a message each."""
        by_lang = activities.grouped(
            lambda activity: activity.user_id.lang or self.env.lang
        )
        for lang, group in by_lang.items():
            local = self.with_context(lang=lang)
            feedback = (
                local.env._("Covered: the contact was logged.")
                if reason == "covered"
                else local.env._("The cadence rule no longer applies to this customer.")
            )
            group.write({"active": False, "lam_cadence_feedback": feedback})

    @api.model
    def _lam_notify_managers(self, created):
        """At most one message per manager and run: how many customers became due."""
        for user in self.env["res.users"].browse(list(created)).exists():
            local = self.with_context(lang=user.lang or self.env.lang)
            self.env["mail.thread"].message_notify(
                partner_ids=user.partner_id.ids,
                subject=local.env._("Customers due a contact"),
                body=local.env._(
                    "%(count)s customers are due a contact under the contact cadences: "
                    "see your "
                    "activities.",
                    count=created[user.id],
                ),
            )
