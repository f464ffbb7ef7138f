# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Demo data written by code, relative to the day of the install.

Called by the demo files only (demo/lam_*_demo.xml, through
res.company._lam_load_demo): not a model, and not imported outside a demo
install.

Eight weeks of visits, calls, work logs and archive reviews per demo manager
are hundreds of records whose dates follow the day the demo is installed: a
loop writes them, not a data file.
"""

import io
import random
from datetime import datetime, time, timedelta

import pytz
import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import fields

from ..tools.route import great_circle_km

# Coordinates of the demo customers' cities (WGS84).
CITY_COORDINATES = {
    "北京": (39.9042, 116.4074),
    "上海": (31.2304, 121.4737),
    "天津": (39.3434, 117.3616),
    "石家庄": (38.0428, 114.5149),
    "唐山": (39.6309, 118.1802),
    "包头": (40.6574, 109.8403),
    "龙岩": (25.0751, 117.0174),
    "鞍山": (41.1087, 122.9946),
    "青岛": (36.0671, 120.3826),
    "长沙": (28.2282, 112.9388),
    "鄂尔多斯": (39.6086, 109.7813),
    "郑州": (34.7466, 113.6254),
    "贵溪": (28.2926, 117.2453),
    "芜湖": (31.3526, 118.4331),
    "济南": (36.6512, 117.1201),
    "沈阳": (41.8057, 123.4315),
    "武汉": (30.5928, 114.3055),
    "柳州": (24.3264, 109.4281),
    "徐州": (34.2044, 117.2858),
    "平顶山": (33.7662, 113.1926),
    "岳阳": (29.3571, 113.1289),
    "宁波": (29.8683, 121.5440),
    "太原": (37.8706, 112.5489),
    "大连": (38.9140, 121.6147),
    "大同": (40.0769, 113.3001),
    "呼和浩特": (40.8414, 111.7519),
    "南京": (32.0603, 118.7969),
    "乌鲁木齐": (43.8256, 87.6168),
}
DEMO_MANAGERS = ("dev1", "dev2", "maint1", "maint2", "channel1", "channel2")
WEEKS = 8

CALL_SUMMARIES = (
    ("确认下月液压油需求，客户计划采购约 6 吨", "本周内报价"),
    ("询问上批齿轮油到货情况，已安排物流跟踪", "周五前确认到货"),
    ("设备部反馈换油后温升正常", "下次走访时取油样"),
    ("采购部要求提供新版产品技术资料", "发送技术资料和检测报告"),
    ("沟通付款进度，财务承诺月底前付清", "月底核对回款"),
    ("介绍 L-CKD 220 齿轮油的节能案例", "约定现场交流时间"),
    ("客户反映包装桶有渗漏，已道歉并登记", "联系仓库核查同批次包装"),
)
VISIT_OUTCOMES = (
    "取回油样两份，设备运行正常；客户同意试用我司液压油。",
    "与设备部长确认了全年用油计划，下季度增加 20% 采购量。",
    "了解到竞品降价 5%，客户要求我方给出年度框架价格。",
    "现场培训润滑管理要点，客户满意。",
)
PLAN_ACTIONS = (
    "走访设备部，了解下季度用油计划",
    "电话跟进试用油品的使用情况",
    "送检油样并反馈检测结果",
    "洽谈年度框架价格",
    "陪同技术人员现场培训",
    "催收上月货款",
)
PLAN_SUMMARIES = (
    "本期按计划完成走访，重点客户用量稳定；新客户开发进度偏慢，下期加大电话开发力度。",
    "完成全部计划走访，两家客户确认追加采购；一家客户因停产检修推迟。",
    "电话联系次数未达标，主要因外出走访较多；下期合理安排办公室时间。",
)
PLAN_PROPOSALS = (
    "建议公司针对水泥行业推出齿轮油试用装。",
    "建议加快油样检测报告的出具速度。",
    "建议调整重负荷齿轮油的季度价格。",
)
VOLUME_CHANGES = (
    "用量增加约 15%，原因是新增一条生产线",
    "用量下降约 10%，原因是设备检修停机",
    "用量持平",
)
MARKET_NOTES = (
    ("price", "壳牌", 16.5, "壳牌液压油本月降价 5%，客户以此压价"),
    ("competition", "美孚", 18.0, "美孚在该客户推出免费油液监测服务"),
    ("supply_demand", "昆仑", 14.2, "区域基础油供应偏紧，经销商普遍备货"),
)


class DemoData:
    """The demo's managers at work: visits, calls, plans, grades, cadences,
    dealers, complaints, sales and receivables."""

    # the steps the demo files call, in their order
    STEPS = (
        "_lam_create_field_work",
        "_lam_create_planning",
        "_lam_create_grades_and_cadences",
        "_lam_create_dealers_and_complaints",
        "_lam_create_sales_and_receivables",
    )

    def __init__(self, env):
        self.env = env

    def _lam_load_chinese(self):
        """The demo is made in Chinese: the addon's terms of its data records
        (cadence rules, criteria, activity types) are loaded before the demo
        writes activities and messages from them (Odoo loads them only after
        the install)."""
        langs = [
            code
            for code, _name in self.env["res.lang"].get_installed()
            if code != "en_US"
        ]
        if langs:
            self.env["ir.module.module"]._load_module_terms(
                ["lubricant_account_manager"], langs
            )
            self.env.invalidate_all()

    def _lam_create_field_work(self):
        self._lam_load_chinese()
        rng = random.Random(20261128)
        self._lam_locate_customers(rng)
        today = fields.Date.context_today(self.env.user)
        for login in DEMO_MANAGERS:
            manager = self.env.ref(f"lubricant_account_manager.user_lam_{login}_demo")
            customers = self.env["res.partner"].search(
                [
                    ("user_id", "=", manager.id),
                    ("is_company", "=", True),
                    ("lam_customer_kind", "!=", False),
                ],
                order="id",
            )
            if customers:
                # the manager's office: in the city of his first customer
                manager.write(
                    {
                        "lam_start_latitude": customers[0].partner_latitude,
                        "lam_start_longitude": customers[0].partner_longitude,
                    }
                )
                self._lam_manager_history(manager, customers, today, rng)

    def _lam_locate_customers(self, rng):
        customers = self.env["res.partner"].search(
            [("lam_customer_kind", "!=", False), ("city", "!=", False)]
        )
        for customer in customers:
            latitude, longitude = CITY_COORDINATES.get(customer.city, (0.0, 0.0))
            if latitude:
                customer.write(
                    {
                        "partner_latitude": latitude + rng.uniform(-0.08, 0.08),
                        "partner_longitude": longitude + rng.uniform(-0.08, 0.08),
                        "date_localization": fields.Date.context_today(self.env.user),
                    }
                )

    @staticmethod
    def _lam_demo_position(customer, spot):
        """A check-in's position near the customer, accurate to some tens of
        metres; now and then far away, or vague (flagged for review)."""
        if not (customer.partner_latitude or customer.partner_longitude):
            return {}
        draw = spot.random()
        reach = 0.012 if draw < 0.08 else 0.002  # about 1.3 km, or 200 m
        return {
            "checkin_latitude": customer.partner_latitude + spot.uniform(-reach, reach),
            "checkin_longitude": customer.partner_longitude
            + spot.uniform(-reach, reach),
            "checkin_accuracy": 350.0 if 0.08 <= draw < 0.14 else spot.uniform(8, 60),
        }

    def _lam_moment(self, manager, day, hour, minute=0):
        """UTC datetime of ``hour``:``minute`` on ``day`` in the manager's time zone."""
        tz = pytz.timezone(manager.tz or "Asia/Shanghai")
        return (
            tz.localize(datetime.combine(day, time(hour, minute)))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )

    def _lam_manager_history(self, manager, customers, today, rng):
        Visit = (
            self.env["lam.visit"]
            .with_user(manager)
            # as the system, still as the manager: the demo writes the check-in,
            # check-out and state that the buttons would have recorded
            .sudo()
            .with_context(tracking_disable=True, mail_create_nolog=True)
        )
        Call = (
            self.env["lam.communication"]
            .with_user(manager)
            .with_context(tracking_disable=True, mail_create_nolog=True)
        )
        monday = today - timedelta(days=today.weekday())
        # where the phone said it checked in: its own random series, so that
        # the rest of the demo stays as it was
        spot = random.Random(manager.id)
        cancelled_one = False
        visit_vals, call_vals, reviews, log_days = [], [], [], []
        for week in range(WEEKS, 0, -1):
            week_start = monday - timedelta(weeks=week)
            field_days = sorted(rng.sample(range(5), 3))
            for offset in range(5):
                day = week_start + timedelta(days=offset)
                log_days.append(day)
                for number in range(rng.randint(3, 6)):
                    summary, follow_up = rng.choice(CALL_SUMMARIES)
                    customer = rng.choice(customers)
                    people = customer.child_ids.filtered(
                        lambda partner: not partner.is_company
                    )
                    call_vals.append(
                        {
                            "partner_id": customer.id,
                            "contact_id": people and rng.choice(people).id,
                            "channel": rng.choice(
                                ("phone", "phone", "online", "email")
                            ),
                            "date": self._lam_moment(
                                manager, day, 9 + number, rng.randint(0, 50)
                            ),
                            "summary": summary,
                            "follow_up": follow_up,
                        }
                    )
                if offset not in field_days:
                    continue
                for slot, customer in enumerate(
                    rng.sample(list(customers), min(len(customers), 2))
                ):
                    start = self._lam_moment(manager, day, 9 + 3 * slot)
                    late = rng.random() < 0.25
                    values = {
                        "partner_id": customer.id,
                        "planned_start": start,
                        "planned_duration": 1.5,
                        "purpose": "credit"
                        if customer.lam_is_credit_customer and rng.random() < 0.6
                        else rng.choice(
                            ("first_contact", "negotiation", "follow_up", "follow_up")
                        ),
                        "goal": "了解设备用油情况，推荐全品项产品",
                        "prep_company_materials": True,
                        "prep_customer_file": True,
                        "prep_business_cards": True,
                        "prep_appointment_confirmed": True,
                        "appointment_start": start,
                        "checkin_time": start
                        + timedelta(
                            minutes=rng.randint(8, 25) if late else -rng.randint(5, 10)
                        ),
                        "checkout_time": start
                        + timedelta(minutes=rng.randint(60, 110)),
                        "outcome": rng.choice(VISIT_OUTCOMES),
                        "current_brand": rng.choice(("壳牌", "美孚", "昆仑", "长城")),
                        "concern_quality": True,
                        "concern_transport": rng.random() < 0.4,
                        "next_visit_date": day + timedelta(days=rng.randint(14, 35)),
                        "state": "reported"
                        if week > 1 or rng.random() < 0.5
                        else "done",
                    }
                    values.update(self._lam_demo_position(customer, spot))
                    if not cancelled_one and week == 4:
                        values.update(
                            state="cancelled",
                            cancel_reason="客户临时停产检修，改期拜访",
                            checkin_time=False,
                            checkin_latitude=0.0,
                            checkin_longitude=0.0,
                            checkin_accuracy=0.0,
                            checkout_time=False,
                            outcome=False,
                        )
                        cancelled_one = True
                    visit_vals.append(values)
                if offset == field_days[0]:
                    for customer in rng.sample(list(customers), min(len(customers), 2)):
                        reviews.append(
                            {
                                "partner_id": customer.id,
                                "date": self._lam_moment(manager, day, 17),
                                "updated": "更新了设备档案和关键人物联系方式",
                            }
                        )
        # today's and tomorrow's plans, for the day route: the customers nearest the
        # office
        office = (customers[0].partner_latitude, customers[0].partner_longitude)
        nearest = customers.sorted(
            lambda partner: great_circle_km(
                office, (partner.partner_latitude, partner.partner_longitude)
            )
        )[:4]
        for day in (today, today + timedelta(days=1)):
            for slot, customer in enumerate(nearest):
                visit_vals.append(
                    {
                        "partner_id": customer.id,
                        "planned_start": self._lam_moment(manager, day, 9 + 2 * slot),
                        "planned_duration": 1.5,
                        "purpose": "follow_up",
                        "goal": "例行回访，收集下月需求",
                    }
                )
        Visit.create(visit_vals)
        Call.create(call_vals)
        # as the system, still as the manager: past reviews, dated as the server
        # dated them then
        self.env["lam.archive.review"].with_user(manager).sudo().create(reviews)
        self.env["lam.work.log"].with_user(manager).create(
            [
                {
                    "user_id": manager.id,
                    "date": day,
                    "memo": "整理客户档案，准备周例会材料"
                    if day.weekday() == 4
                    else False,
                }
                for day in log_days
                if rng.random() < 0.9
            ]
        )

    # --- planning and development (issue: plans, prospects, senior visits)
    def _lam_create_planning(self):
        """Weekly and monthly plans and summaries over the last two months (one
        weekly plan late per manager), an expansion plan, market information,
        prospects scored (one handed to a dealer) and two senior-visit
        requests, one accepted and one declined; then the scorecards."""
        rng = random.Random(20261129)
        today = fields.Date.context_today(self.env.user)
        managers = self.env["res.users"]
        for login in DEMO_MANAGERS:
            manager = self.env.ref(f"lubricant_account_manager.user_lam_{login}_demo")
            customers = self.env["res.partner"].search(
                [
                    ("user_id", "=", manager.id),
                    ("is_company", "=", True),
                    ("lam_customer_kind", "!=", False),
                ],
                order="id",
            )
            if not customers:
                continue
            managers |= manager
            self._lam_manager_plans(manager, customers, today, rng)
            self._lam_manager_development(manager, customers, today, rng)
        self._lam_prospects(rng)
        self._lam_senior_requests(today)
        start = today + relativedelta(months=-2, day=1)
        self._lam_purchase_checks(managers, start, today, rng)
        self.env["lam.scorecard"]._lam_refresh(managers, start, today)

    def _lam_purchase_checks(self, managers, start, today, rng):
        """The daily check of P7 (Art. 20.2) on most working days, a few missed."""
        checks = []
        day = start
        while day < today:
            if day.weekday() < 5:
                checks += [
                    {
                        "user_id": manager.id,
                        "date": day,
                        "company_id": manager.company_id.id,
                        "checked_at": datetime.combine(
                            day, time(1, rng.randint(0, 59))
                        ),
                    }
                    for manager in managers
                    if rng.random() < 0.9
                ]
            day += timedelta(days=1)
        # as the system: past days, recorded as the button would have
        self.env["lam.purchase.check"].sudo().create(checks)

    def _lam_manager_plans(self, manager, customers, today, rng):
        Plan = (
            self.env["lam.plan"]
            .with_user(manager)
            .with_context(tracking_disable=True, mail_create_nolog=True)
        )
        monday = today - timedelta(days=today.weekday())
        late_week = rng.randint(2, 6)
        for week in range(8, -1, -1):
            start = monday - timedelta(weeks=week)
            plan = Plan.create(
                {
                    "date": start,
                    "target_visits": 6,
                    "target_calls": 25,
                    "target_new_customers": int(week % 3 == 0),
                    "target_volume": rng.choice((4000, 6000, 8000)),
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "partner_id": customer.id,
                                "action": rng.choice(PLAN_ACTIONS),
                                "planned_date": start
                                + timedelta(days=rng.randint(0, 4)),
                                "expected_volume": rng.choice((0, 200, 500, 1200)),
                                "quadrant": rng.choice(
                                    (
                                        "important_urgent",
                                        "important",
                                        "important",
                                        "urgent",
                                    )
                                ),
                                "done": week > 0,
                            },
                        )
                        for customer in rng.sample(
                            list(customers), min(len(customers), 3)
                        )
                    ],
                }
            )
            self._lam_submit(plan, manager, week == late_week, today, rng)
        first = today + relativedelta(day=1)
        for months_back in (2, 1, 0):
            plan = Plan.create(
                {
                    "period_type": "month",
                    "date": first - relativedelta(months=months_back),
                    "target_visits": 24,
                    "target_calls": 100,
                    "target_new_customers": 1,
                    "target_volume": 25000,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "partner_id": customer.id,
                                "action": rng.choice(PLAN_ACTIONS),
                                # spread over the first three weeks of the month
                                "planned_date": first
                                - relativedelta(months=months_back)
                                + relativedelta(days=3 + 5 * index),
                                "expected_volume": rng.choice((500, 1500, 3000)),
                                "quadrant": rng.choice(
                                    ("important_urgent", "important")
                                ),
                            },
                        )
                        for index, customer in enumerate(customers[:4])
                    ],
                }
            )
            self._lam_submit(plan, manager, False, today, rng)

    def _lam_submit(self, plan, manager, late, today, rng):
        """Submit the plan (and its summary) as the manager would have, on time or
        late."""
        plan_day = plan.plan_due + timedelta(days=2 if late else -rng.randint(0, 1))
        if plan_day > today:
            return
        values = {
            "state": "planned",
            "plan_submitted": self._lam_moment(manager, plan_day, 9, 30),
        }
        summary_day = plan.summary_due - timedelta(days=rng.randint(0, 1))
        if summary_day <= today:
            values.update(
                state="done",
                summary_submitted=self._lam_moment(manager, summary_day, 17),
                summary=rng.choice(PLAN_SUMMARIES),
                proposals=rng.choice(PLAN_PROPOSALS),
                key_customer_changes=f"{plan.line_ids[:1].partner_id.name}：{rng.choice(VOLUME_CHANGES)}",
            )
        # as the system: the plan's submission fields are the actions' (the demo acts as
        # its managers)
        plan.sudo().write(values)

    def _lam_manager_development(self, manager, customers, today, rng):
        target = customers.filtered(
            lambda partner: partner.lam_stage in ("target", "developing", "potential")
        )[:1]
        self.env["lam.expansion.plan"].with_user(manager).with_context(
            tracking_disable=True
        ).create(
            {
                "partner_id": (target or customers[:1]).id,
                "breakthrough": rng.choice(("person", "product", "price")),
                "breakthrough_detail": "设备部长认可我司技术服务，愿意安排试用",
                "scheme": "先在一台设备上试用 3 个月，出具油品检测报告后扩大到全厂",
                "expected_annual_volume": rng.choice((8000, 12000, 20000)),
                "stage": "in_progress",
                "date_start": today - timedelta(days=40),
                "date_target": today + timedelta(days=80),
                "progress": "已完成首次技术交流，试用方案待客户确认",
            }
        )
        Info = self.env["lam.market.info"].with_user(manager)
        Info.create(
            [
                {
                    "date": today - timedelta(days=days),
                    "info_type": info_type,
                    "partner_id": customer.id,
                    "competitor": competitor,
                    "brand": competitor,
                    "product": "L-HM 46",
                    "price": price,
                    "note": note,
                }
                for days, (info_type, competitor, price, note), customer in zip(
                    (3, 10, 24),
                    MARKET_NOTES,
                    rng.sample(list(customers), min(len(customers), 3)),
                    strict=False,
                )
            ]
        )

    def _lam_prospects(self, rng):
        """The development managers' prospects scored; the best become targets; one goes
        to a dealer."""
        criteria = self.env["lam.prospect.criterion"].search([])
        dealer = self.env["res.partner"].search(
            [("lam_customer_kind", "=", "dealer")], order="id", limit=1
        )
        for login in ("dev1", "dev2"):
            manager = self.env.ref(f"lubricant_account_manager.user_lam_{login}_demo")
            prospects = (
                self.env["res.partner"]
                .with_user(manager)
                .search(
                    [
                        ("user_id", "=", manager.id),
                        ("is_company", "=", True),
                        "|",
                        ("lam_customer_kind", "=", "prospect"),
                        ("lam_stage", "in", ("potential", "target")),
                    ],
                    order="id",
                )
            )
            for prospect in prospects:
                prospect.action_lam_score()
                for score in prospect.lam_prospect_score_ids:
                    score.mark = rng.randint(1, score.criterion_id.scale_max or 5)
            if login == "dev1" and dealer and prospects:
                handed = prospects.sorted("lam_prospect_score")[:1]
                self.env["lam.handoff.wizard"].with_user(manager).create(
                    {
                        "partner_id": handed.id,
                        "dealer": str(dealer.id),
                        "reason": "年用量小、分散采购，由当地经销商供货更合适",
                    }
                ).action_handoff()
            if criteria:
                prospects.filtered(lambda partner: not partner.lam_dealer_id).sorted(
                    "lam_prospect_score", reverse=True
                )[:2].write({"lam_stage": "target"})

    def _lam_senior_requests(self, today):
        boss = self.env.ref("lubricant_account_manager.user_lam_manager_demo")
        for login, accept in (("maint1", True), ("dev1", False)):
            manager = self.env.ref(f"lubricant_account_manager.user_lam_{login}_demo")
            customer = self.env["res.partner"].search(
                [
                    ("user_id", "=", manager.id),
                    ("is_company", "=", True),
                    ("lam_customer_kind", "!=", False),
                ],
                order="id",
                limit=1,
            )
            request = (
                self.env["lam.senior.visit.request"]
                .with_user(manager)
                .create(
                    {
                        "partner_id": customer.id,
                        "senior_user_id": boss.id,
                        "reason": "客户总经理希望与我方领导面谈明年框架协议"
                        if accept
                        else "客户采购部对价格有异议，希望领导出面",
                        "date_from": today + timedelta(days=5),
                        "date_to": today + timedelta(days=12),
                    }
                )
                .with_user(boss)
            )
            if accept:
                request.action_approve()
            else:
                request.refusal_reason = "价格问题先由客户经理按授权范围谈判，下月再议"
                request.action_refuse()

    # --- grades and contact cadences
    def _lam_create_grades_and_cadences(self):
        """Grade the demo customers on their twelve months of orders, then run
        the contact cadences: each demo manager finds his activities."""
        # the demo customers have a year of orders behind them: so long have they been
        # customers
        self.env["res.partner"].flush_model(["create_date"])
        self.env.cr.execute("""UPDATE res_partner SET create_date = LEAST(create_date,
            NOW() - INTERVAL '400 days')
                                WHERE lam_customer_kind IS NOT NULL""")
        self.env["res.partner"].invalidate_model(["create_date"])
        self.env["lam.abc.grading"]._lam_recompute(self.env.company)
        self.env["lam.cadence.engine"]._cron_enforce_cadences()

    # --- dealers and complaints (Art. 13.8, 14, 20.4) ---------------------
    def _lam_create_dealers_and_complaints(self):
        """For the demo channel managers: dealers with territories and terminal
        customers, six months of quotas and stock reports, an example file of
        the last month with one unbalanced row, two violations and a finished
        assessment; complaints in every state, one breached and escalated."""
        rng = random.Random(20261129)
        today = fields.Date.context_today(self.env.user)
        this_month = today + relativedelta(day=1)
        months = [
            this_month - relativedelta(months=offset) for offset in range(7, 1, -1)
        ]
        category = self.env.ref(
            "lubricant_account_manager.product_lam_hm46_demo"
        ).categ_id
        first_dealers = []
        for login, territories in (
            ("channel1", ("河北石家庄、保定", "山东济南、淄博")),
            ("channel2", ("河南郑州、洛阳", "辽宁沈阳、鞍山", "湖北武汉")),
        ):
            manager = self.env.ref(f"lubricant_account_manager.user_lam_{login}_demo")
            dealers = self.env["res.partner"].search(
                [("user_id", "=", manager.id), ("lam_customer_kind", "=", "dealer")],
                order="id",
            )
            for dealer, territory in zip(dealers, territories, strict=False):
                dealer.write(
                    {
                        "lam_territory": territory,
                        "email": dealer.email
                        or f"purchase{dealer.id}@dealer.example.com",
                    }
                )
                self._lam_dealer_terminals(dealer, manager, rng)
                self._lam_dealer_months(dealer, manager, months, category, rng)
            first_dealers.append((manager, dealers[:1]))
        manager, dealer = first_dealers[0]
        self._lam_dealer_example_file(dealer, this_month - relativedelta(months=1))
        self._lam_dealer_violations(first_dealers, today)
        assessment = (
            self.env["lam.dealer.assessment"]
            .with_user(manager)
            .create(
                {
                    "partner_id": dealer.id,
                    "date_from": months[0],
                    "date_to": months[-1] + relativedelta(day=31),
                    "remarks": "进销存报表按时报送，任务完成良好；"
                    "请加强区域内市场秩序管理，杜绝窜货。",
                }
            )
        )
        assessment.action_compute_scores()
        assessment.line_ids.filtered(lambda line: not line.automatic).write(
            {"score": 85.0}
        )
        assessment.action_done()
        self._lam_demo_complaints(rng)

    def _lam_dealer_terminals(self, dealer, manager, rng):
        for number in range(1, 3):
            brand = ("恒达", "宏远", "永固", "金桥")[rng.randrange(4)]
            self.env["res.partner"].with_context(
                tracking_disable=True, mail_create_nolog=True
            ).create(
                {
                    "name": f"{dealer.city or ''}{brand}机械厂"
                    f"（{dealer.name[:4]}终端{number}）",
                    "is_company": True,
                    "lam_customer_kind": "terminal",
                    "lam_stage": "active",
                    "lam_size": "small",
                    "city": dealer.city,
                    "country_id": dealer.country_id.id,
                    "user_id": manager.id,
                    "lam_dealer_id": dealer.id,
                }
            )

    def _lam_dealer_months(self, dealer, manager, months, category, rng):
        """Quotas and stock reports of ``months`` that balance and follow on,
        purchases from our own sales (one month reported a little off)."""
        # as the system: all the dealers' purchases, as the monthly report sees them
        Purchases = self.env["lam.purchase.analysis"].sudo()
        closing = {}
        for index, month in enumerate(months):
            last = month + relativedelta(day=31)
            rows = Purchases._lam_purchases(
                month,
                last,
                partners=dealer,
                groupby=("partner", "product"),
            )["rows"]
            ours = {row["product_id"]: row["qty"] for row in rows}
            lines = []
            for product_id in sorted(set(closing) | set(ours)):
                opening = closing.get(product_id, 0.0)
                purchases = round(
                    ours.get(product_id, 0.0) * (1.12 if index == 3 else 1.0), 1
                )
                sales = round((opening + purchases) * rng.uniform(0.6, 0.9), 1)
                closing[product_id] = round(opening + purchases - sales, 1)
                lines.append(
                    (
                        0,
                        0,
                        {
                            "product_id": product_id,
                            "opening": opening,
                            "purchases": purchases,
                            "sales": sales,
                            "closing": closing[product_id],
                        },
                    )
                )
            bought = sum(ours.values())
            self.env["lam.dealer.quota"].with_user(manager).create(
                {
                    "partner_id": dealer.id,
                    "month": month,
                    "categ_id": category.id,
                    "target": round(max(bought * rng.uniform(0.9, 1.25), 500.0), -1),
                }
            )
            self.env["lam.dealer.psi"].with_user(manager).with_context(
                tracking_disable=True
            ).create(
                {
                    "partner_id": dealer.id,
                    "month": month,
                    "line_ids": lines,
                    "submitted_on": last
                    + relativedelta(days=rng.choice((4, 6, 8, 9, 13))),
                }
            )

    def _lam_dealer_example_file(self, dealer, month):
        """The dealer's file of ``month`` as he sent it, one row not balancing:
        the import refuses it and names the row."""
        previous = (
            self.env["lam.dealer.psi"]
            # as the system: the demo files the report on the channel manager's behalf
            .sudo()
            .search([("partner_id", "=", dealer.id)], order="month desc", limit=1)
        )
        stream = io.BytesIO()
        workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
        sheet = workbook.add_worksheet(month.strftime("%Y-%m"))
        sheet.write_row(0, 0, [f"{dealer.name} {month.strftime('%Y年%m月')}进销存"])
        sheet.write_row(
            2, 0, ["产品编码", "产品", "期初库存", "本月进货", "本月销售", "期末库存"]
        )
        for row, line in enumerate(previous.line_ids, start=3):
            sales = round(line.closing * 0.5, 1)
            closing = round(line.closing - sales, 1) + (
                25.0 if row == 3 else 0.0
            )  # the first row is off by 25
            sheet.write_row(
                row,
                0,
                [
                    line.product_id.default_code or "",
                    line.product_id.name,
                    line.closing,
                    0.0,
                    sales,
                    closing,
                ],
            )
        workbook.close()
        self.env["ir.attachment"].create(
            {
                "name": f"进销存-{month.strftime('%Y-%m')}-示例（有一行不平衡）.xlsx",
                "res_model": "res.partner",
                "res_id": dealer.id,
                "raw": stream.getvalue(),
                "mimetype": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
            }
        )

    def _lam_dealer_violations(self, first_dealers, today):
        (manager, dealer), (other_manager, other_dealer) = first_dealers
        Violation = self.env["lam.channel.violation"]
        confirmed = Violation.with_user(manager).create(
            {
                "partner_id": dealer.id,
                "violation_type": "cross_territory",
                "date": today - timedelta(days=75),
                "place": "山西太原",
                "description": "太原市场发现该经销商批号的液压油，"
                "低于区域指导价 8% 销售。",
                "measures": "约谈经销商负责人，扣减当季返利 2%。",
            }
        )
        confirmed.evidence_ids = [
            (
                0,
                0,
                {
                    "name": "太原市场照片.txt",
                    "raw": "批号 2607-118，售价 14.8 元/升".encode(),
                    "res_model": "lam.channel.violation",
                    "res_id": confirmed.id,
                },
            )
        ]
        confirmed.action_confirm()
        Violation.with_user(other_manager).create(
            {
                "partner_id": other_dealer.id,
                "violation_type": "dumping",
                "date": today - timedelta(days=12),
                "place": "河南新乡",
                "description": "新乡两家修理厂反映该经销商齿轮油报价明显低于指导价。",
            }
        )

    def _lam_demo_complaints(self, rng):
        """Complaints of the demo managers in every state; one left open past
        its deadline, which the scheduled action escalates."""
        now = fields.Datetime.now()
        dev = self.env.ref("lubricant_account_manager.user_lam_dev1_demo")
        maint = self.env.ref("lubricant_account_manager.user_lam_maint1_demo")
        channel = self.env.ref("lubricant_account_manager.user_lam_channel1_demo")

        def customer(manager, kind="terminal"):
            return self.env["res.partner"].search(
                [("user_id", "=", manager.id), ("lam_customer_kind", "=", kind)],
                order="id",
                limit=1,
            )

        def complaint(manager, partner, days_ago, category, description, **vals):
            return (
                self.env["lam.complaint"]
                .with_user(manager)
                .with_context(mail_create_nolog=True)
                .create(
                    {
                        "partner_id": partner.id,
                        "received_at": now - timedelta(days=days_ago),
                        "category": category,
                        "description": description,
                        "channel": rng.choice(("phone", "visit", "online")),
                        **vals,
                    }
                )
            )

        complaint(
            dev, customer(dev), 0.1, "delivery", "本周订的 4 桶液压油只到了 2 桶。"
        )
        started = complaint(
            maint,
            customer(maint),
            0.2,
            "quality",
            "新换的齿轮油运行两天后出现泡沫。",
            lots="2610-045",
        )
        started.action_start()
        late = complaint(
            maint,
            customer(maint),
            6,
            "packaging",
            "两只油桶桶盖密封不严，有渗漏。",
            lots="2609-131",
        )
        late.action_start()
        complaint(
            dev,
            customer(dev),
            1,
            "price",
            "客户认为新报价比竞品高 6%，要求重新核价。",
            self_resolvable=False,
            customer_explanation="已向客户说明价格由公司统一核定，部门经理两天内答复。",
        )
        resolved = complaint(
            maint,
            customer(maint),
            9,
            "service",
            "换油时技术人员迟到两小时。",
            resolution="向客户道歉，调整服务排班，下次换油由主管带队。",
        )
        resolved.action_resolve()
        closed = complaint(
            dev,
            customer(dev),
            20,
            "quality",
            "润滑脂低温下变硬，设备启动困难。",
            lots="2608-077",
            resolution="更换为低温型润滑脂，并现场指导加注。",
        )
        closed.action_resolve()
        closed.write(
            {
                "feedback_date": fields.Date.context_today(self.env.user)
                - timedelta(days=18),
                "feedback_method": "visit",
                "satisfaction": "4",
            }
        )
        closed.action_close()
        dealer_complaint = complaint(
            channel,
            customer(channel, "dealer"),
            0.05,
            "quality",
            "经销商反映一批发动机油颜色偏深，终端客户有疑虑。",
            lots="2610-012",
        )
        dealer_complaint.write(
            {
                "verification_state": "verified",
                "verification_note": "现场查看库存 40 桶，取样送检，检测指标合格；"
                "颜色差异来自基础油批次。",
            }
        )
        # resolution times as they were: a few working hours after receipt
        for record, hours in ((resolved, 5), (closed, 6)):
            record.sudo().resolved_at = record.received_at + timedelta(hours=hours)
        self.env["lam.complaint"]._cron_escalate_overdue()
        return late

    # --- sales plans, stocks, receivables and credit (Art. 13.1-13.3, 13.7) --
    def _lam_create_sales_and_receivables(self):
        """Invoices for most demo orders (paid, partly paid, overdue in every
        ageing bucket) with collection actions; stocks on hand; this month's
        and next month's sales plans; a customer whose purchases dropped; an
        order held on credit."""
        rng = random.Random(20261130)
        today = fields.Date.context_today(self.env.user)
        self._lam_demo_drop(today)
        invoices = self._lam_demo_invoices(rng, today)
        self._lam_demo_collections(invoices, rng, today)
        self._lam_demo_stocks(rng, today)
        self._lam_demo_sales_plans(today)
        self.env["lam.purchase.drop"]._cron_detect_drops()
        self._lam_demo_credit_hold()
        # the invoices past due are collected, and make credit customers the
        # cadences follow
        self.env["lam.receivable"]._cron_collection_activities()
        self.env["lam.cadence.engine"]._cron_enforce_cadences()
        self.env["lam.equipment"]._cron_full_range_activities()

    def _lam_demo_invoices(self, rng, today):
        orders = self.env["sale.order"].search(
            [
                ("state", "=", "sale"),
                ("partner_id.lam_customer_kind", "!=", False),
                ("date_order", "<", fields.Datetime.now() - timedelta(days=3)),
            ],
            order="date_order",
        )
        orders = orders.filtered(lambda order: rng.random() < 0.85)
        invoices = orders.with_context(tracking_disable=True)._create_invoices(
            grouped=True
        )
        for invoice in invoices:
            order = invoice.line_ids.sale_line_ids.order_id[:1]
            day = order.date_order.date() + timedelta(days=rng.choice((0, 1, 2)))
            # without a payment term the due date stays as created: due on the invoice
            # date
            invoice.write(
                {"invoice_date": day}
                if invoice.invoice_payment_term_id
                else {"invoice_date": day, "invoice_date_due": day}
            )
        invoices.action_post()
        # paid when long due, partly or not at all for some, so that every ageing bucket
        # holds invoices
        paid, partial = self.env["account.move"], []
        for invoice in invoices:
            overdue = (today - invoice.invoice_date_due).days
            draw = rng.random()
            if overdue > 120 and draw < 0.85 or 0 < overdue <= 120 and draw < 0.35:
                paid |= invoice
            elif overdue > 0 and draw < 0.55:
                partial.append(invoice)
        Register = self.env["account.payment.register"]
        if paid:
            Register.with_context(
                active_model="account.move", active_ids=paid.ids
            ).create({"group_payment": False})._create_payments()
        for invoice in partial:
            Register.with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create(
                {
                    "amount": round(
                        invoice.amount_residual * rng.choice((0.3, 0.5, 0.6)), 2
                    )
                }
            )._create_payments()
        return invoices

    def _lam_demo_collections(self, invoices, rng, today):
        open_ones = self.env["lam.receivable"].search(
            [
                ("move_id", "in", invoices.ids),
                ("amount_residual", ">", 0),
                ("invoice_date_due", "<", today),
            ]
        )
        texts = (
            ("call", "电话联系财务部，对方确认已安排付款审批"),
            ("visit", "走访时当面催收，客户承诺月底前付清"),
            ("statement", "寄送对账单，客户已签回确认"),
            ("letter", "发出催款函"),
        )
        for receivable in open_ones.filtered(lambda receivable: rng.random() < 0.6):
            action, text = rng.choice(texts)
            self.env["lam.collection.action"].with_user(
                receivable.account_manager_id
            ).create(
                {
                    "receivable_id": receivable.id,
                    "action": action,
                    "description": text,
                    "date": min(
                        today,
                        receivable.invoice_date_due
                        + timedelta(days=rng.randint(3, 20)),
                    ),
                    "promise_date": today + timedelta(days=rng.randint(3, 25))
                    if rng.random() < 0.5
                    else False,
                }
            )

    def _lam_demo_stocks(self, rng, today):
        products = self.env["product.product"].search([("lam_is_lubricant", "=", True)])
        customers = self.env["res.partner"].search(
            [("lam_customer_kind", "=", "terminal"), ("user_id", "!=", False)]
        )
        for customer in customers.filtered(lambda customer: rng.random() < 0.5):
            for months_ago in (2, 1, 0):
                self.env["lam.customer.stock"].with_user(customer.user_id).create(
                    {
                        "partner_id": customer.id,
                        "product_id": rng.choice(products).id,
                        "date": today
                        - relativedelta(months=months_ago, days=rng.randint(0, 5)),
                        "quantity": round(rng.uniform(50, 800), -1),
                    }
                )

    def _lam_demo_sales_plans(self, today):
        """This month's plan broken down by every manager; next month's given out, not
        broken down yet."""
        boss = self.env.ref("lubricant_account_manager.user_lam_manager_demo")
        Plan = self.env["lam.sales.plan"].with_user(boss)
        for offset in (0, 1):
            month = today + relativedelta(months=offset, day=1)
            plan = Plan.create({"month": month})
            plan.action_add_managers()
            targets = {}
            for part in plan.manager_ids:
                customers = self.env["res.partner"].search(
                    [
                        ("user_id", "=", part.user_id.id),
                        ("lam_customer_kind", "in", ("terminal", "dealer")),
                    ]
                )
                forecast = customers._lam_forecast_values()
                targets[part] = round(
                    sum(forecast[customer.id]["monthly"] for customer in customers)
                    * 1.1,
                    -2,
                )
            total = sum(targets.values())
            plan.write(
                {"target_volume": total, "target_amount": round(total * 18.0, -3)}
            )
            for part, target in targets.items():
                part.target_volume = target
            if offset == 0:
                for part in plan.manager_ids:
                    part.with_user(part.user_id)._lam_propose()
                    part.with_user(part.user_id).action_done()
        self.env["lam.sales.plan.manager"]._cron_breakdown_due()

    def _lam_demo_drop(self, today):
        """A customer who stopped buying in the last months: his recent orders were
        cancelled."""
        company = self.env.company
        date_from = (
            today
            + relativedelta(day=1)
            - relativedelta(months=company.lam_drop_window_months)
        )
        customer = self.env.ref("lubricant_account_manager.partner_lam_05_demo")
        recent = self.env["sale.order"].search(
            [
                ("partner_id", "=", customer.id),
                ("state", "=", "sale"),
                ("date_order", ">=", date_from),
                ("invoice_ids", "=", False),
            ]
        )
        recent._action_cancel()

    def _lam_demo_credit_hold(self):
        """A credit customer's order over his limit, held, its approval requested by his
        manager."""
        customer = self.env.ref("lubricant_account_manager.partner_lam_02_demo")
        manager = customer.user_id
        # his limit, asked for by his manager and approved by finance: the
        # credit history (P10) names both
        request = (
            self.env["lam.credit.change.request"]
            .with_user(manager)
            .create(
                {
                    "partner_id": customer.id,
                    "credit_limit": max(customer.sudo().risk_total, 1000.0) + 20000.0,
                    "reason": "年度框架合同续签，月用量稳定",
                }
            )
        )
        request.with_user(
            self.env.ref("lubricant_account_manager.user_lam_finance_demo")
        ).action_approve()
        order = (
            self.env["sale.order"]
            .with_user(manager)
            .create(
                {
                    "partner_id": customer.id,
                    "user_id": manager.id,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.env.ref(
                                    "lubricant_account_manager.product_lam_hm46_demo"
                                ).id,
                                "product_uom_qty": 3000,
                                "price_unit": 14.5,
                            },
                        )
                    ],
                }
            )
        )
        action = order.action_confirm()
        if (
            isinstance(action, dict)
            and action.get("res_model") == "partner.risk.exceeded.wiz"
        ):
            wizard = (
                self.env["partner.risk.exceeded.wiz"]
                .with_user(manager)
                .browse(action["res_id"])
            )
            wizard.button_lam_request_approval()
