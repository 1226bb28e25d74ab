from django.urls import include, path

from .views import notices, organisations, records, staff

app_name = "people"

# A person's record pages, mounted twice: /me/ for the person (or whoever is
# acting for them) and /people/<id>/ for staff.
record_pages = [
    ("edit/", records.edit, "edit"),
    ("access-needs/", records.access_needs, "access"),
    ("what-matters/", records.what_matters, "what-matters"),
    ("availability/", records.availability_page, "availability"),
    ("assets/", records.assets, "assets"),
    ("assets/<int:asset_pk>/remove/", records.asset_remove, "asset-remove"),
    ("caring/", records.caring, "caring"),
    ("caring/<int:link_pk>/remove/", records.caring_remove, "caring-remove"),
    ("consents/", records.consent_page, "consents"),
    ("consents/<slug:purpose>/withdraw/", records.consent_withdraw, "consent-withdraw"),
    ("data/", records.data_page, "data"),
    ("data.json", records.data_json, "data-json"),
    ("remove/", records.erase, "erase"),
]

me_patterns = [path("", records.detail, name="me")] + [
    path(route, view, name=f"me-{name}") for route, view, name in record_pages
]
person_patterns = [
    path("", records.detail, name="person-detail"),
    path("roles/", staff.memberships, name="person-memberships"),
    path("roles/<int:membership_pk>/end/", staff.membership_end, name="person-membership-end"),
    path("login/", staff.create_login, name="person-login"),
    path("act/", staff.act_start, name="person-act"),
] + [path(route, view, name=f"person-{name}") for route, view, name in record_pages]

urlpatterns = [
    path("me/", include(me_patterns)),
    path("people/", staff.people_list, name="list"),
    path("people/register/", staff.register, name="register"),
    path("people/<int:pk>/", include(person_patterns)),
    path("acting/stop/", staff.act_stop, name="acting-stop"),
    path("organisations/", organisations.organisation_list, name="organisations"),
    path("organisations/add/", organisations.organisation_edit, name="organisation-add"),
    path(
        "organisations/<slug:slug>/", organisations.organisation_detail, name="organisation-detail"
    ),
    path(
        "organisations/<slug:slug>/edit/", organisations.organisation_edit, name="organisation-edit"
    ),
    path("outbox/", notices.outbox, name="outbox"),
    path("outbox/letters/", notices.letters, name="letters"),
    path("outbox/<int:pk>/done/", notices.mark_sent, name="notice-sent"),
    path("outbox/<int:pk>/cancel/", notices.cancel, name="notice-cancel"),
    path("categories/", organisations.category_list, name="categories"),
    path("categories/add/", organisations.category_edit, name="category-add"),
    path("categories/<int:pk>/edit/", organisations.category_edit, name="category-edit"),
]
