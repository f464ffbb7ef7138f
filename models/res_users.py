# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# Default favourite filter of the customers, per category: (name, domain, context).
CATEGORY_FILTERS = {
    "development": (
        _lt("Prospects and Targets"),
        "['|', ('lam_customer_kind', '=', 'prospect'), ('lam_stage', 'in', "
        "('potential', 'target', 'developing'))]",
        "{'lam_default': True}",
    ),
    "maintenance": (
        _lt("Active Terminal Customers"),
        "[('lam_customer_kind', '=', 'terminal'), ('lam_stage', '=', 'active')]",
        "{'lam_default': True}",
    ),
    "channel": (
        _lt("Dealers"),
        "[('lam_customer_kind', '=', 'dealer')]",
        "{'lam_default': True}",
    ),
    "department_manager": (
        _lt("My Team by Manager"),
        "[('user_id.crm_team_member_ids', 'any', [('active', '=', True), "
        "('crm_team_id.user_id', '=', uid)])]",
        "{'lam_default': True, 'group_by': ['user_id']}",
    ),
}
MANAGER_CATEGORY_GROUPS = {
    "development": "lubricant_account_manager.group_lam_development",
    "maintenance": "lubricant_account_manager.group_lam_maintenance",
    "channel": "lubricant_account_manager.group_lam_channel",
}


class ResUsers(models.Model):
    _name = "res.users"
    _inherit = ["res.users", "lam.validated.mixin"]
    _lam_validated_prefix = "lam_"

    lam_manager_category = fields.Selection(
        [
            ("development", "Terminal Development"),
            ("maintenance", "Terminal Maintenance"),
            ("channel", "Distribution Channel"),
        ],
        string="Account Manager Category",
        compute="_compute_lam_manager_category",
        inverse="_inverse_lam_manager_category",
        help="Decides where the manager lands and what he sees first: development "
        "managers their prospects "
        "and targets, maintenance managers their active terminal customers, channel "
        "managers their dealers.",
    )

    # where a manager starts (maybe his home): the administrators' to set and
    # read; the day route reads it as the system for whom it is planned
    lam_start_latitude = fields.Float(
        string="Route Start Latitude",
        digits=(10, 7),
        groups="base.group_system",
        help="Where the manager's day routes start (his office or home). Empty: the "
        "company's address.",
    )
    lam_start_longitude = fields.Float(
        string="Route Start Longitude", digits=(10, 7), groups="base.group_system"
    )
    lam_team_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_lam_team_user_ids",
        string="Managers of the Teams Led",
        groups="base.group_user",
        help="The members of the active sales teams this user leads: the account "
        "managers whose customers and work a department manager sees. The record "
        "rules of the team-led side filter on it.",
    )

    _sql_constraints = [
        (
            "lam_start_point_on_earth",
            "CHECK(COALESCE(lam_start_latitude, 0) BETWEEN -90 AND 90 "
            "AND COALESCE(lam_start_longitude, 0) BETWEEN -180 AND 180)",
            "A route start point is a latitude between -90 and 90 and a longitude "
            "between -180 and 180.",
        ),
    ]

    @api.depends("groups_id")
    def _compute_lam_manager_category(self):
        groups = {
            key: self.env.ref(xmlid) for key, xmlid in MANAGER_CATEGORY_GROUPS.items()
        }
        for user in self:
            user.lam_manager_category = next(
                (key for key, group in groups.items() if group in user.groups_id), False
            )

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._lam_set_home_action()
        return users

    def write(self, vals):
        result = super().write(vals)
        if any(
            key == "groups_id" or key.startswith(("in_group_", "sel_groups_"))
            for key in vals
        ) or ("lam_manager_category" in vals):
            self._lam_set_home_action()
        return result

    def _lam_set_home_action(self):
        """Users of the addon land in their customers, not in Discuss (unless a
        home action was chosen for them): finance in the read-only archive,
        the others in the customers, filtered as their category works."""
        customers = self.env.ref(
            "lubricant_account_manager.res_partner_action_lam_customer",
            raise_if_not_found=False,
        )
        readonly = self.env.ref(
            "lubricant_account_manager.res_partner_action_lam_customer_readonly",
            raise_if_not_found=False,
        )
        if not customers or not readonly:
            return
        for user in self.filtered(
            lambda user: not user.share and user._lam_is_addon_user()
        ):
            managing = user.has_group("lubricant_account_manager.group_lam_user")
            if not user.action_id:
                # as the system: an administrator adding a user to a group may not write
                # ir.actions links
                user.sudo().action_id = (customers if managing else readonly).id
            if managing:
                user._lam_set_default_filter(customers)

    def _lam_set_default_filter(self, action):
        """What the manager sees first among his customers, as his default
        favourite filter of the customers (he may choose another)."""
        self.ensure_one()
        if self.has_group("lubricant_account_manager.group_lam_department_manager"):
            key = "department_manager"
        else:
            key = self._lam_category()
        if key not in CATEGORY_FILTERS:
            return
        # as the system: the user's own default filters, also when an administrator
        # changes his groups
        Filters = self.env["ir.filters"].sudo()
        mine = Filters.search(
            [
                ("user_id", "=", self.id),
                ("action_id", "=", action.id),
                ("model_id", "=", "res.partner"),
            ]
        )
        ours = mine.filtered(lambda flt: "lam_default" in (flt.context or ""))
        if (mine - ours).filtered("is_default"):
            return  # the manager chose his own default: keep it
        name, domain, context = CATEGORY_FILTERS[key]
        values = {
            "name": self.with_context(lang=self.lang).env._(name),
            "domain": domain,
            "context": context,
            "is_default": True,
        }
        if ours:
            ours[:1].write(values)
            (ours - ours[:1]).unlink()
        else:
            Filters.create(
                {
                    **values,
                    "user_id": self.id,
                    "action_id": action.id,
                    "model_id": "res.partner",
                }
            )

    def _lam_category(self):
        """The manager's category, from his groups (also while they change)."""
        self.ensure_one()
        return next(
            (
                key
                for key, xmlid in MANAGER_CATEGORY_GROUPS.items()
                if self.has_group(xmlid)
            ),
            False,
        )

    def _lam_is_addon_user(self):
        """True for the users of lubricant account management: managers of
        every kind, department managers, finance and administrators."""
        self.ensure_one()
        return self.has_group(
            "lubricant_account_manager.group_lam_user"
        ) or self.has_group("lubricant_account_manager.group_lam_finance")

    def _lam_reportable_managers(self):
        """The account managers whose customers this user may choose in a
        report filter: a manager himself, a department manager the members of
        the teams he leads, finance and administrators every account manager of
        the companies they work in (administrators themselves are not account
        managers)."""
        self.ensure_one()
        # as the system: users are searched by group, which managers may not; this
        # user's groups decide below who is listed
        managers = self.env["res.users"].sudo()
        if self.has_group(
            "lubricant_account_manager.group_lam_admin"
        ) or not self.has_group("lubricant_account_manager.group_lam_user"):
            categories = [
                self.env.ref(xmlid).id for xmlid in MANAGER_CATEGORY_GROUPS.values()
            ]
            admins = self.env.ref("lubricant_account_manager.group_lam_admin")
            return managers.search(
                [
                    ("share", "=", False),
                    ("groups_id", "in", categories),
                    ("groups_id", "not in", admins.ids),
                    ("company_id", "in", self.company_ids.ids),
                ]
            )
        if self.has_group("lubricant_account_manager.group_lam_department_manager"):
            return self.lam_team_user_ids.filtered("active") | self
        return self

    def _compute_lam_team_user_ids(self):
        # the record rules read this for the current user, who may not read the
        # teams' members: they are read as the system, for the teams he leads only.
        # Active members of active teams whatever the caller's active_test: the
        # value is cached for the transaction and then in the rules' domains.
        members = (
            self.env["crm.team.member"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("crm_team_id.user_id", "in", self.ids),
                    ("active", "=", True),
                    ("crm_team_id.active", "=", True),
                ]
            )
        )
        by_leader = {}
        for member in members:
            by_leader.setdefault(member.crm_team_id.user_id.id, set()).add(
                member.user_id.id
            )
        for user in self:
            user.lam_team_user_ids = [Command.set(sorted(by_leader.get(user.id, ())))]

    @api.model
    def _lam_teams_changed(self):
        """Who leads whom changed: Odoo caches each user's rule domains, and
        the transaction caches lam_team_user_ids."""
        self.env.registry.clear_cache()
        self.env["res.users"].invalidate_model(["lam_team_user_ids"])

    def _lam_check_admin(self):
        """Refuse an administrator's task to anyone else."""
        self.ensure_one()
        if not self.has_group("lubricant_account_manager.group_lam_admin"):
            raise AccessError(
                self.env._("Only an administrator of account management may do this.")
            )

    @api.model
    def _lam_account_managers(self):
        """The account managers the work standard applies to: active internal
        users of a manager category who do not lead a department."""
        categories = [
            self.env.ref(xmlid).id for xmlid in MANAGER_CATEGORY_GROUPS.values()
        ]
        leaders = self.env.ref("lubricant_account_manager.group_lam_department_manager")
        return (
            self.env["res.users"]
            # as the system: users are searched by group, which managers may not
            .sudo()
            .search(
                [
                    ("share", "=", False),
                    ("groups_id", "in", categories),
                    ("groups_id", "not in", leaders.ids),
                ]
            )
        )

    def _lam_route_start(self):
        """(latitude, longitude) where this manager's day routes start, or None."""
        self.ensure_one()
        # as the system: the start point is the administrators' field; the
        # caller plans a route he may plan (checked by the wizard)
        user = self.sudo()
        if user.lam_start_latitude or user.lam_start_longitude:
            return user.lam_start_latitude, user.lam_start_longitude
        # as the system: the company's address, for a manager who may not read its
        # partner
        company = self.company_id.partner_id.sudo()
        if company.partner_latitude or company.partner_longitude:
            return company.partner_latitude, company.partner_longitude
        return None

    def _lam_route_start_name(self):
        """What the start point of this manager's routes is, in words."""
        self.ensure_one()
        # as the system: see _lam_route_start()
        if self.sudo().lam_start_latitude or self.sudo().lam_start_longitude:
            return self.env._("his own start point")
        return self.company_id.name

    @api.model
    def _lam_team_memberships(self, users):
        """The active memberships of ``users`` in active sales teams."""
        # as the system: team memberships are the sales administration's records
        return (
            self.env["crm.team.member"]
            .sudo()
            .search([("user_id", "in", users.ids), ("crm_team_id.active", "=", True)])
        )

    def _lam_department_managers(self):
        """The leaders of the active sales teams these users are active members of."""
        members = self._lam_team_memberships(self)
        return members.crm_team_id.user_id.filtered("active")

    @api.model
    def _lam_department_managers_by_user(self, users):
        """{user: the leaders of his active sales teams, himself left out}, in
        one search for all ``users``."""
        members = self._lam_team_memberships(users)
        result = {user: self.browse() for user in users}
        for member in members:
            leader = member.crm_team_id.user_id.filtered("active")
            result[member.user_id] |= leader - member.user_id
        return result

    def _lam_led_users(self, users):
        """The ones of ``users`` this user answers for as their department
        manager (all of them for an administrator of account management),
        in one search."""
        self.ensure_one()
        if self.has_group("lubricant_account_manager.group_lam_admin"):
            return users
        leaders = self._lam_department_managers_by_user(users)
        return users.filtered(lambda user: self in leaders[user])

    def _lam_may_change_credit(self):
        """Finance, department managers and administrators change credit terms;
        an account manager sees them and asks."""
        self.ensure_one()
        return self.has_group(
            "lubricant_account_manager.group_lam_department_manager"
        ) or self.has_group("lubricant_account_manager.group_lam_finance")

    def _inverse_lam_manager_category(self):
        groups = {
            key: self.env.ref(xmlid) for key, xmlid in MANAGER_CATEGORY_GROUPS.items()
        }
        for user in self:
            commands = [
                (3, group.id)
                for key, group in groups.items()
                if key != user.lam_manager_category
            ]
            if user.lam_manager_category:
                commands.append((4, groups[user.lam_manager_category].id))
            user.groups_id = commands
