# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
{
    "name": "Lubricant Account Manager",
    "summary": "Customer archives, key persons, equipment, samples, credit history and "
    "archive reports for lubricant account managers",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "author": "Lubricant Account Manager developers",
    "website": "https://github.com/lubricant-account-manager/lubricant_account_manager",
    "license": "AGPL-3",
    "depends": ["mail", "contacts", "sale_management", "account", "resource", "report_xlsx"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/security.xml",
        "security/ir.model.access.csv",
        "data/decimal_precision_data.xml",
        "data/ir_sequence_data.xml",
        "data/report_paperformat_data.xml",
        "reports/report_p9_archive_basic.xml",
        "reports/report_p10_archive_dynamic.xml",
        "wizards/lam_report_wizard_views.xml",
        "wizards/lam_credit_change_wizard_views.xml",
        "views/res_partner_views.xml",
        "views/lam_equipment_views.xml",
        "views/lam_oil_usage_views.xml",
        "views/lam_oil_sample_views.xml",
        "views/lam_credit_event_views.xml",
        "views/product_template_views.xml",
        "views/res_users_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/product_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/lam_archive_demo.xml",
        "demo/sale_order_demo.xml",
    ],
    "assets": {
        "web.report_assets_common": [
            "lubricant_account_manager/static/src/scss/lam_report.scss",
        ],
        "web.assets_tests": [
            "lubricant_account_manager/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "application": True,
    "installable": True,
}
