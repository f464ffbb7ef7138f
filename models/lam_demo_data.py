# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Demo field work relative to today, called by demo/lam_field_work_demo.xml only.

Eight weeks of visits, calls, work logs and archive reviews per demo manager
are hundreds of records whose dates follow the day the demo is installed: a
loop writes them, not a data file.
"""

import random
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

# Coordinates of the demo customers' cities (WGS84).
CITY_COORDINATES = {
    "北京": (39.9042, 116.4074), "上海": (31.2304, 121.4737), "天津": (39.3434, 117.3616),
    "石家庄": (38.0428, 114.5149), "唐山": (39.6309, 118.1802), "包头": (40.6574, 109.8403),
    "龙岩": (25.0751, 117.0174), "鞍山": (41.1087, 122.9946), "青岛": (36.0671, 120.3826),
    "长沙": (28.2282, 112.9388), "鄂尔多斯": (39.6086, 109.7813), "郑州": (34.7466, 113.6254),
    "贵溪": (28.2926, 117.2453), "芜湖": (31.3526, 118.4331), "济南": (36.6512, 117.1201),
    "沈阳": (41.8057, 123.4315), "武汉": (30.5928, 114.3055), "柳州": (24.3264, 109.4281),
    "徐州": (34.2044, 117.2858), "平顶山": (33.7662, 113.1926), "岳阳": (29.3571, 113.1289),
    "宁波": (29.8683, 121.5440), "太原": (37.8706, 112.5489), "大连": (38.9140, 121.6147),
    "大同": (40.0769, 113.3001), "呼和浩特": (40.8414, 111.7519), "南京": (32.0603, 118.7969),
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


class LamDemoData(models.AbstractModel):
    _name = "lam.demo.data"
    _description = "Account Management Demo Data"

    @api.model
    def _lam_create_field_work(self):
        rng = random.Random(20261128)
        self._lam_locate_customers(rng)
        today = fields.Date.context_today(self)
        for login in DEMO_MANAGERS:
            manager = self.env.ref(f"lubricant_account_manager.user_lam_{login}_demo")
            customers = self.env["res.partner"].search(
                [("user_id", "=", manager.id), ("is_company", "=", True), ("lam_customer_kind", "!=", False)],
                order="id",
            )
            if customers:
                # the manager's office: in the city of his first customer
                manager.write({"lam_start_latitude": customers[0].partner_latitude,
                               "lam_start_longitude": customers[0].partner_longitude})
                self._lam_manager_history(manager, customers, today, rng)

    @api.model
    def _lam_locate_customers(self, rng):
        customers = self.env["res.partner"].search([("lam_customer_kind", "!=", False), ("city", "!=", False)])
        for customer in customers:
            latitude, longitude = CITY_COORDINATES.get(customer.city, (0.0, 0.0))
            if latitude:
                customer.write({
                    "partner_latitude": latitude + rng.uniform(-0.08, 0.08),
                    "partner_longitude": longitude + rng.uniform(-0.08, 0.08),
                    "date_localization": fields.Date.context_today(self),
                })

    @api.model
    def _lam_moment(self, manager, day, hour, minute=0):
        """UTC datetime of ``hour``:``minute`` on ``day`` in the manager's time zone."""
        tz = pytz.timezone(manager.tz or "Asia/Shanghai")
        return tz.localize(datetime.combine(day, time(hour, minute))).astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _lam_manager_history(self, manager, customers, today, rng):
        Visit = self.env["lam.visit"].with_user(manager).with_context(tracking_disable=True, mail_create_nolog=True)
        Call = self.env["lam.communication"].with_user(manager).with_context(
            tracking_disable=True, mail_create_nolog=True
        )
        monday = today - timedelta(days=today.weekday())
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
                    call_vals.append({
                        "partner_id": rng.choice(customers).id,
                        "channel": rng.choice(("phone", "phone", "online", "email")),
                        "date": self._lam_moment(manager, day, 9 + number, rng.randint(0, 50)),
                        "summary": summary,
                        "follow_up": follow_up,
                    })
                if offset not in field_days:
                    continue
                for slot, customer in enumerate(rng.sample(list(customers), min(len(customers), 2))):
                    start = self._lam_moment(manager, day, 9 + 3 * slot)
                    late = rng.random() < 0.25
                    values = {
                        "partner_id": customer.id, "planned_start": start, "planned_duration": 1.5,
                        "purpose": rng.choice(("first_contact", "negotiation", "follow_up", "follow_up")),
                        "goal": "了解设备用油情况，推荐全品项产品",
                        "prep_company_materials": True, "prep_customer_file": True, "prep_business_cards": True,
                        "prep_appointment_confirmed": True, "appointment_start": start,
                        "checkin_time": start + timedelta(minutes=rng.randint(8, 25) if late else -rng.randint(5, 10)),
                        "checkout_time": start + timedelta(minutes=rng.randint(60, 110)),
                        "outcome": rng.choice(VISIT_OUTCOMES),
                        "current_brand": rng.choice(("壳牌", "美孚", "昆仑", "长城")),
                        "concern_quality": True, "concern_transport": rng.random() < 0.4,
                        "next_visit_date": day + timedelta(days=rng.randint(14, 35)),
                        "state": "reported" if week > 1 or rng.random() < 0.5 else "done",
                    }
                    if not cancelled_one and week == 4:
                        values.update(state="cancelled", cancel_reason="客户临时停产检修，改期拜访",
                                      checkin_time=False, checkout_time=False, outcome=False)
                        cancelled_one = True
                    visit_vals.append(values)
                if offset == field_days[0]:
                    for customer in rng.sample(list(customers), min(len(customers), 2)):
                        reviews.append({"partner_id": customer.id, "date": self._lam_moment(manager, day, 17),
                                        "updated": "更新了设备档案和关键人物联系方式"})
        # today's and tomorrow's plans, for the day route
        for day in (today, today + timedelta(days=1)):
            for slot, customer in enumerate(customers[:4]):
                visit_vals.append({"partner_id": customer.id, "planned_start": self._lam_moment(manager, day, 9 + 2 * slot),
                                   "planned_duration": 1.5, "purpose": "follow_up", "goal": "例行回访，收集下月需求"})
        Visit.create(visit_vals)
        Call.create(call_vals)
        self.env["lam.archive.review"].with_user(manager).create(reviews)
        self.env["lam.work.log"].with_user(manager).create([
            {"user_id": manager.id, "date": day, "memo": "整理客户档案，准备周例会材料" if day.weekday() == 4 else False}
            for day in log_days if rng.random() < 0.9
        ])
