# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The business records of the bench and the timings of every customer-wide
path of issue 22 against its SQL floor (imported by scripts/lam_bench.py).

``generate_business`` adds, with SQL copies of records the ORM made: three
posted invoices per customer (two of three open, over the last four months),
one collection action per invoice, one complaint per customer (one in twenty
late, open and not escalated), every bench manager's weekly and monthly plans
of the last year, and next month's sales plan with a part per manager.

``bench_paths`` times each path twice on a cold cache (the better run
counts), with its queries, and a hand-written SQL over the same data (its
floor, the better of two runs); it prints one line per path and returns
them for the summary table.
"""
# A command-line tool: it prints what it does and finds.
# pylint: disable=print-used

import datetime
import time

from dateutil.relativedelta import relativedelta

from odoo.tools import SQL

MODULE = "lubricant_account_manager"
FORECAST_FIELDS = (
    "lam_next_purchase_date",
    "lam_forecast_monthly",
    "lam_forecast_annual",
    "lam_equipment_annual",
    "lam_forecast_gap",
)


def timed(env, function):
    """(seconds, queries, result) of ``function()`` on a cold cache."""
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.monotonic()
    result = function()
    env.flush_all()
    return time.monotonic() - start, env.cr.sql_log_count - queries, result


def best_of(env, function, runs=2, rollback=False):
    """The faster of ``runs`` timings of ``function`` (a savepoint rolled back after
    each when ``rollback``): (seconds, queries, result), the queries those of
    the last run, as a server warm from earlier requests runs it (the first
    run also fills the registry's caches of fields, translations, defaults)."""
    timings = []
    for _run in range(runs):
        if rollback:
            with env.cr.savepoint(flush=False) as savepoint:
                timings.append(timed(env, function))
                savepoint.rollback()
            env.invalidate_all()
        else:
            timings.append(timed(env, function))
    seconds, _queries, result = min(timings, key=lambda timing: timing[0])
    return seconds, timings[-1][1], result


def floor_of(env, statements, runs=2):
    """The better of ``runs`` timings of the SQL ``statements`` run one after the
    other (each run rolled back: a floor may write)."""
    best = None
    for _run in range(runs):
        with env.cr.savepoint(flush=False) as savepoint:
            start = time.monotonic()
            for statement in statements:
                env.cr.execute(statement)
                env.cr.fetchall()
            elapsed = time.monotonic() - start
            savepoint.rollback()
        best = elapsed if best is None else min(best, elapsed)
    return best


def clone(cr, table, template_id, overrides, source_sql, **params):
    """INSERT copies of row ``template_id`` of ``table``, one per row of ``source_sql``
    (a FROM clause naming ``t`` the template), with ``overrides`` {column: SQL
    expression}.
    Copying a row made by the ORM fills every column other modules made NOT NULL."""
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
        "AND column_name != 'id' ORDER BY ordinal_position",
        [table],
    )
    columns = [row[0] for row in cr.fetchall()]
    select = ", ".join(overrides.get(column, f"t.{column}") for column in columns)
    cr.execute(
        SQL(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} {source_sql} "
            f"RETURNING id",  # noqa: S608
            template=template_id,
            **params,
        )
    )
    return [row[0] for row in cr.fetchall()]


# --- the business records
def generate_business(env, users, partner_ids, template_order):
    today = datetime.date.today()
    invoices, actions = generate_invoices(env, partner_ids, template_order, today)
    complaints = generate_complaints(env, template_order.partner_id, partner_ids)
    plans = generate_plans(env, users, today)
    return invoices, actions, complaints, plans


def generate_invoices(env, partner_ids, template_order, today):
    invoice = template_order._create_invoices()
    invoice.invoice_date = today - datetime.timedelta(days=40)
    invoice.action_post()
    action = env["lam.collection.action"].create(
        {
            "receivable_id": invoice.id,
            "action": "call",
            "description": "Bench call about the invoice",
            "date": today - datetime.timedelta(days=5),
        }
    )
    env.flush_all()
    cr = env.cr
    amount = "(1000 + mod(n, 50) * 100)"
    residual = f"(CASE WHEN mod(n, 3) = 0 THEN 0 ELSE {amount} END)"
    move_ids = clone(
        cr,
        "account_move",
        invoice.id,
        {
            "name": "'BINV/' || n",
            "partner_id": "p.id",
            "commercial_partner_id": "p.id",
            "partner_shipping_id": "p.id",
            "invoice_date": "%(today)s::date - mod(n, 120)",
            "date": "%(today)s::date - mod(n, 120)",
            "invoice_date_due": "%(today)s::date - mod(n, 120) + 30",
            "amount_untaxed": amount,
            "amount_total": amount,
            "amount_untaxed_signed": amount,
            "amount_total_signed": amount,
            "amount_total_in_currency_signed": amount,
            "amount_residual": residual,
            "amount_residual_signed": residual,
            "payment_state": "CASE WHEN mod(n, 3) = 0 THEN 'paid' ELSE 'not_paid' END",
            "payment_reference": "'BINV/' || n",
            "invoice_origin": "NULL",
            "access_token": "NULL",
            "sequence_number": "n",
            "create_date": "now()",
            "write_date": "now()",
        },
        "FROM account_move t, generate_series(1, %(count)s) n "
        "JOIN res_partner p ON p.id = (%(partners)s)[1 + mod(n, %(customers)s)] "
        "WHERE t.id = %(template)s",
        today=today,
        count=3 * len(partner_ids),
        partners=partner_ids,
        customers=len(partner_ids),
    )
    action_ids = clone(
        cr,
        "lam_collection_action",
        action.id,
        {
            "receivable_id": "m.id",
            "partner_id": "m.commercial_partner_id",
            "account_manager_id": "p.user_id",
            "user_id": "p.user_id",
            "date": "m.invoice_date + 35",
            "create_date": "now()",
            "write_date": "now()",
        },
        "FROM lam_collection_action t, account_move m "
        "JOIN res_partner p ON p.id = m.commercial_partner_id "
        "WHERE t.id = %(template)s AND m.id = ANY(%(moves)s)",
        moves=move_ids,
    )
    return len(move_ids), len(action_ids)


def generate_complaints(env, template_partner, partner_ids):
    now = datetime.datetime.now().replace(microsecond=0)
    complaint = env["lam.complaint"].create(
        {
            "partner_id": template_partner.id,
            "description": "Bench complaint: the oil darkens within a week",
            "received_at": now - datetime.timedelta(days=3),
        }
    )
    env.flush_all()
    late = "mod(p.id, 20) = 0"
    return len(
        clone(
            env.cr,
            "lam_complaint",
            complaint.id,
            {
                "name": "'BCMP/' || p.id",
                "partner_id": "p.id",
                "account_manager_id": "p.user_id",
                "user_id": "p.user_id",
                "received_at": "t.received_at - mod(p.id, 200) * interval '1 day'",
                "deadline": "t.deadline - mod(p.id, 200) * interval '1 day'",
                "state": f"CASE WHEN {late} THEN 'new' ELSE 'closed' END",
                "resolved_at": f"CASE WHEN {late} THEN NULL ELSE t.received_at END",
                "closed_at": f"CASE WHEN {late} THEN NULL ELSE t.received_at END",
                "create_date": "now()",
                "write_date": "now()",
            },
            "FROM lam_complaint t, res_partner p WHERE t.id = %(template)s "
            "AND p.id = ANY(%(partners)s)",
            partners=partner_ids,
        )
    )


def generate_plans(env, users, today):
    """Each manager's weekly plans of the last 52 weeks and monthly plans of the last
    twelve months, and next month's sales plan with a part for each."""
    monday = today - datetime.timedelta(days=today.weekday())
    first = today.replace(day=1)
    values = [
        {
            "user_id": user.id,
            "period_type": "week",
            "date": monday - datetime.timedelta(weeks=week),
            "target_volume": 500.0,
            "target_visits": 10,
            "target_calls": 20,
        }
        for user in users
        for week in range(52)
    ] + [
        {
            "user_id": user.id,
            "period_type": "month",
            "date": first - relativedelta(months=month),
            "target_volume": 2000.0,
            "target_visits": 40,
            "target_calls": 80,
        }
        for user in users
        for month in range(12)
    ]
    quiet = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
    plans = env["lam.plan"].with_context(**quiet).create(values)
    env["lam.sales.plan"].with_context(**quiet).create(
        {
            "month": first + relativedelta(months=1),
            "target_volume": 5000.0 * len(users),
            "manager_ids": [
                (0, 0, {"user_id": user.id, "target_volume": 5000.0}) for user in users
            ],
        }
    )
    env.flush_all()
    return len(plans)


# --- the floors
def volume_floor(env, date_from, date_to, keys, where=None):
    """A hand-written statement: the volume in the reference unit of the
    confirmed lubricant lines of the period, grouped by ``keys`` ({column:
    SQL expression over ``partner``, ``so``, ``line``}), filtered by ``where``."""
    company = env.company
    reference = company._lam_reference_uom()
    litre, kilogram = env.ref("uom.product_uom_litre"), env.ref("uom.product_uom_kgm")
    return SQL(
        """
        SELECT %(keys)s,
               SUM(line.product_uom_qty / uom.factor * CASE
                   WHEN uom.category_id = %(ref_cat)s THEN %(ref_factor)s
                   WHEN uom.category_id = %(litre_cat)s
                       THEN %(litre_factor)s * COALESCE(NULLIF(template.lam_density, 0),
                           %(density)s) / %(kg_factor)s * %(ref_factor)s
                   ELSE %(kg_factor)s / COALESCE(NULLIF(template.lam_density, 0),
                       %(density)s) / %(litre_factor)s * %(ref_factor)s
               END) AS volume
          FROM sale_order_line line
          JOIN sale_order so ON so.id = line.order_id
          JOIN res_partner partner ON partner.id = so.partner_id
          JOIN product_product product ON product.id = line.product_id
          JOIN product_template template ON template.id = product.product_tmpl_id
          JOIN uom_uom uom ON uom.id = line.product_uom
         WHERE so.state = 'sale' AND so.company_id = %(company)s
           AND so.date_order >= %(start)s AND so.date_order < %(stop)s
           AND template.lam_is_lubricant AND line.display_type IS NULL
           AND uom.category_id IN (%(litre_cat)s, %(kg_cat)s) AND %(where)s
         GROUP BY %(positions)s
        """,
        keys=SQL(", ").join(
            SQL("%s AS %s", SQL(expression), SQL.identifier(name))
            for name, expression in keys.items()
        ),
        positions=SQL(", ".join(str(index + 1) for index in range(len(keys)))),
        where=where or SQL("TRUE"),
        ref_cat=reference.category_id.id,
        ref_factor=reference.factor,
        litre_cat=litre.category_id.id,
        litre_factor=litre.factor,
        kg_cat=kilogram.category_id.id,
        kg_factor=kilogram.factor,
        density=company.lam_default_density,
        company=company.id,
        start=datetime.datetime.combine(date_from, datetime.time.min),
        stop=datetime.datetime.combine(
            date_to + datetime.timedelta(days=1), datetime.time.min
        ),
    )


def count_floor(table, day, date_from, date_to, where):
    return SQL(
        "SELECT user_id, %(day)s, count(*) FROM %(table)s WHERE %(day)s BETWEEN "
        "%(from)s AND %(to)s AND %(where)s GROUP BY 1, 2",
        day=SQL.identifier(day),
        table=SQL.identifier(table),
        where=where,
        **{"from": date_from, "to": date_to},
    )


# --- the paths
def path_p7_pivot(env):
    """The pivot of P7 as it opens: the four groupings the web client asks for."""
    Tracking = env["lam.purchase.tracking"]

    def pivot():
        for groupby in (
            [],
            ["account_manager_id"],
            ["date:month"],
            ["account_manager_id", "date:month"],
        ):
            Tracking.read_group([], ["volume:sum"], groupby, lazy=False)

    floor = [
        volume_floor(
            env,
            datetime.date(2000, 1, 1),
            datetime.date.today(),
            {
                "user_id": "partner.user_id",
                "month": "date_trunc('month', so.date_order)",
            },
        )
    ]
    return pivot, floor, None, "opens in <= 3 s"


def path_plan_results(env):
    plans = env["lam.plan"].search([])
    date_from, date_to = min(plans.mapped("date_from")), max(plans.mapped("date_to"))
    fields = ["actual_volume", "actual_visits", "actual_calls", "actual_new_customers"]

    def results():
        plans.invalidate_recordset(fields)
        return plans.read(fields)

    floor = [
        volume_floor(
            env,
            date_from,
            date_to,
            {"user_id": "partner.user_id", "day": "so.date_order::date"},
            SQL("partner.user_id = ANY(%s)", plans.user_id.ids),
        ),
        count_floor(
            "lam_visit",
            "visit_date",
            date_from,
            date_to,
            SQL("state IN ('done', 'reported')"),
        ),
        count_floor(
            "lam_communication",
            "day",
            date_from,
            date_to,
            SQL("channel IN ('phone', 'online')"),
        ),
        SQL(
            "SELECT so.partner_id, MIN(so.date_order) FROM sale_order so "
            "WHERE so.state = 'sale' GROUP BY 1"
        ),
    ]
    return results, floor, 3.0, "ratio"


def path_p8(env):
    report = env[f"report.{MODULE}.report_p8_receivables"]
    today = datetime.date.today()
    date_from = (today.replace(day=1) - relativedelta(months=1)).isoformat()
    date_to = (today.replace(day=1) - datetime.timedelta(days=1)).isoformat()
    customers = env["res.partner"].search(
        [("is_company", "=", True), ("lam_customer_kind", "!=", False)]
    )
    data = {"date_from": date_from, "date_to": date_to}
    floor = [
        SQL(
            """
            SELECT r.*, action.date, action.description
              FROM (%(view)s) r
              LEFT JOIN LATERAL (
                  SELECT date, description FROM lam_collection_action a
                   WHERE a.receivable_id = r.id ORDER BY date DESC, id DESC LIMIT 1
              ) action ON TRUE
             WHERE r.partner_id = ANY(%(partners)s)
               AND (r.amount_residual != 0
                    OR r.invoice_date BETWEEN %(from)s AND %(to)s)
             ORDER BY r.partner_id, r.invoice_date_due, r.id
            """,
            view=SQL(env["lam.receivable"]._table_query),
            partners=customers.ids,
            **{"from": date_from, "to": date_to},
        )
    ]
    return (
        lambda: report._get_report_values(customers.ids, data),
        floor,
        None,
        "queries constant",
    )


def path_propose(env):
    part = env["lam.sales.plan.manager"].search([], order="id", limit=1)
    first = part.month.replace(day=1)
    floor = [
        volume_floor(
            env,
            first - relativedelta(months=12),
            first - datetime.timedelta(days=1),
            {"partner_id": "partner.commercial_partner_id"},
            SQL("partner.user_id = %s", part.user_id.id),
        )
    ]
    # the forecast it also weighs (Art. 22.3): the order days of two years and
    # the equipment's needs
    floor += [
        SQL(
            """
            SELECT so.partner_id, array_agg(DISTINCT so.date_order::date)
              FROM sale_order so JOIN res_partner p ON p.id = so.partner_id
             WHERE so.state = 'sale' AND so.date_order >= %(since)s
               AND p.user_id = %(user)s
             GROUP BY 1
            """,
            since=first - relativedelta(years=2),
            user=part.user_id.id,
        ),
        SQL(
            "SELECT e.partner_id, SUM(e.annual_consumption) FROM lam_equipment e "
            "JOIN res_partner p ON p.id = e.partner_id WHERE p.user_id = %s GROUP BY 1",
            part.user_id.id,
        ),
    ]
    # and the lines written, one per customer
    floor.append(
        SQL(
            """
            INSERT INTO lam_sales_plan_line (manager_plan_id, partner_id, target,
                   company_id, month, account_manager_id, create_uid, create_date,
                   write_uid, write_date)
            SELECT %(part)s, p.id, 1.0, %(company)s, %(month)s, p.user_id, 1, now(),
                   1, now()
              FROM res_partner p
             WHERE p.user_id = %(user)s AND p.is_company
               AND p.lam_customer_kind IN ('terminal', 'dealer')
            RETURNING id
            """,
            part=part.id,
            company=part.company_id.id,
            month=part.month,
            user=part.user_id.id,
        )
    )
    return part._lam_propose, floor, 3.0, "ratio"


def path_forecast(env):
    customers = env["res.partner"].search(
        [("is_company", "=", True), ("lam_customer_kind", "!=", False)]
    )
    today = datetime.date.today()
    floor = [
        volume_floor(
            env,
            today - relativedelta(years=1),
            today,
            {"partner_id": "partner.commercial_partner_id"},
        ),
        SQL(
            "SELECT partner_id, array_agg(DISTINCT date_order::date) FROM sale_order "
            "WHERE state = 'sale' AND date_order >= %s GROUP BY 1",
            today - relativedelta(years=2),
        ),
    ]
    return (
        lambda: customers.read(list(FORECAST_FIELDS)),
        floor,
        None,
        "queries constant",
    )


def path_escalation(env):
    return env["lam.complaint"]._cron_escalate_overdue, [], None, "queries constant"


def path_purchase_drop(env):
    company = env.company
    Drop = env["lam.purchase.drop"]
    date_from, date_to = Drop._lam_window(company, datetime.date.today())
    history_from = date_from - relativedelta(months=12 + company.lam_drop_window_months)
    floor = [
        volume_floor(
            env,
            history_from,
            date_to,
            {
                "partner_id": "partner.commercial_partner_id",
                "month": "date_trunc('month', so.date_order)",
            },
        )
    ]
    return lambda: Drop._lam_refresh(company), floor, 2.0, "ratio"


def path_cockpit(env):
    """The cockpit of an administrator of account management: every bench
    manager's figures (issue 24)."""
    user = env.ref(f"{MODULE}.group_lam_admin").users.filtered("active")[:1]
    cockpit = env["lam.cockpit"].with_user(user).with_context(lang="zh_CN")
    return cockpit.get_cockpit_data, [], None, "opens in <= 2 s"


PATHS = (
    ("cockpit, every manager", path_cockpit),
    ("P7 pivot as it opens", path_p7_pivot),
    ("plan results, every plan", path_plan_results),
    ("P8, every customer", path_p8),
    ("Propose from History, one manager", path_propose),
    ("forecast read, every customer", path_forecast),
    ("complaint escalation", path_escalation),
    ("purchase-drop cron", path_purchase_drop),
)


def bench_paths(env):
    """Time every path; print a line each and a table, and return the rows
    (label, seconds, queries, floor seconds, target, met)."""
    lines = []
    if not env["lam.plan"].search_count([]):
        print("no plans, invoices or complaints: generate the data with this version")
        return lines
    for label, make in PATHS:
        function, floor, target, kind = make(env)
        seconds, queries, _result = best_of(env, function, rollback=True)
        floor_seconds = floor_of(env, floor) if floor else None
        ratio = seconds / floor_seconds if floor_seconds else None
        goal = f"ratio <= {target:g}" if target else kind
        if target:
            met = "yes" if ratio <= target else "NO"
        elif kind.startswith("opens in"):
            met = "yes" if seconds <= float(kind.split()[-2]) else "NO"
        else:
            met = "compare the queries at SCALE=0.1"
        print(
            f"{label}: {seconds:.3f} s, {queries} queries; floor "
            f"{f'{floor_seconds:.3f} s' if floor_seconds else 'n/a'}, ratio "
            f"{f'{ratio:.2f}' if ratio else 'n/a'} (target: {goal})"
        )
        lines.append((label, seconds, queries, floor_seconds, ratio, goal, met))
    print()
    print("| path | s | queries | floor s | ratio | target | met |")
    print("|---|---|---|---|---|---|---|")
    for label, seconds, queries, floor_seconds, ratio, goal, met in lines:
        print(
            f"| {label} | {seconds:.2f} | {queries} | "
            f"{f'{floor_seconds:.2f}' if floor_seconds else '-'} | "
            f"{f'{ratio:.2f}' if ratio else '-'} | {goal} | {met} |"
        )
    return lines
