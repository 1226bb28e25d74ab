from django.urls import path

from .views import accounts, bank, exchanges, insight, listings, referrals

app_name = "timebank"

urlpatterns = [
    path("", bank.bank_list, name="banks"),
    path("referrals/", referrals.referral_list, name="referrals"),
    path("referrals/new/", referrals.referral_add, name="referral-add"),
    path("<slug:bank>/", bank.bank_home, name="bank"),
    path("<slug:bank>/settings/", bank.bank_settings, name="settings"),
    path("<slug:bank>/privacy/", bank.privacy, name="privacy"),
    path("<slug:bank>/members/", accounts.member_list, name="members"),
    path("<slug:bank>/members/add/", bank.member_add, name="member-add"),
    path("<slug:bank>/offers-and-requests/", listings.listing_list, name="listings"),
    path("<slug:bank>/offers-and-requests/new/", listings.listing_add, name="listing-add"),
    path("<slug:bank>/offers-and-requests/<int:pk>/", listings.listing_detail, name="listing"),
    path(
        "<slug:bank>/offers-and-requests/<int:pk>/close/",
        listings.listing_close,
        name="listing-close",
    ),
    path("<slug:bank>/requests/<int:pk>/helpers/", listings.match, name="match"),
    path("<slug:bank>/exchanges/", exchanges.exchange_list, name="exchanges"),
    path("<slug:bank>/exchanges/new/", exchanges.exchange_add, name="exchange-add"),
    path("<slug:bank>/exchanges/group/", exchanges.group_add, name="group-add"),
    path("<slug:bank>/exchanges/<int:pk>/", exchanges.exchange_detail, name="exchange"),
    path("<slug:bank>/exchanges/<int:pk>/expenses/", exchanges.expense_add, name="expense-add"),
    path(
        "<slug:bank>/exchanges/<int:pk>/expenses/<int:expense_pk>/settle/",
        exchanges.expense_settle,
        name="expense-settle",
    ),
    path(
        "<slug:bank>/exchanges/<int:pk>/<slug:step>/", exchanges.exchange_step, name="exchange-step"
    ),
    path("<slug:bank>/statement/", accounts.my_statement, name="my-statement"),
    path("<slug:bank>/accounts/<int:pk>/", accounts.statement, name="statement"),
    path(
        "<slug:bank>/accounts/<int:pk>/statement.<str:fmt>",
        accounts.statement_download,
        name="statement-download",
    ),
    path("<slug:bank>/accounts/<int:pk>/limit/", accounts.limit, name="account-limit"),
    path("<slug:bank>/pot/give/", accounts.donate, name="donate"),
    path("<slug:bank>/pot/grant/", accounts.grant, name="grant"),
    path("<slug:bank>/insight/", insight.insight_page, name="insight"),
    path("<slug:bank>/insight.<str:fmt>", insight.insight_download, name="insight-download"),
]
