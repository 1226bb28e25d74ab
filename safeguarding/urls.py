from django.urls import path

from .views import concerns, member, staff

app_name = "safeguarding"

urlpatterns = [
    path("", staff.index, name="index"),
    # A person's own pages.
    path("me/", member.me, name="me"),
    path("me/visits/", member.my_visits, name="my-visits"),
    path("visits/<int:pk>/", member.visit_detail, name="visit-detail"),
    path("visits/<int:pk>/check-in/", member.visit_check_in, name="visit-check-in"),
    path("visits/<int:pk>/check-out/", member.visit_check_out, name="visit-check-out"),
    path("visits/<int:pk>/cancel/", member.visit_cancel, name="visit-cancel"),
    # Concerns: anyone raises one; the organisation's brokers deal with it.
    path("concerns/raise/", concerns.concern_raise, name="concern-raise"),
    path("concerns/raised/", concerns.concern_thanks, name="concern-thanks"),
    path("concerns/<int:pk>/", concerns.concern_detail, name="concern-detail"),
    path("concerns/<int:pk>/close/", concerns.concern_close, name="concern-close"),
    # Staff pages for one organisation.
    path("<slug:slug>/checks/", staff.checks_register, name="checks"),
    path("<slug:slug>/checks/add/", staff.check_add, name="check-add"),
    path("<slug:slug>/helpers/<int:pk>/", staff.helper_detail, name="helper"),
    path("<slug:slug>/extra-care/", staff.flags, name="flags"),
    path("<slug:slug>/concerns/", concerns.concern_queue, name="concerns"),
    path("<slug:slug>/policy/", staff.policy_edit, name="policy"),
    path("<slug:slug>/visits/", staff.visits, name="visits"),
    path("checks/<int:pk>/change/", staff.check_edit, name="check-edit"),
    path("checks/<int:pk>/withdraw/", staff.check_withdraw, name="check-withdraw"),
    path("extra-care/<int:pk>/remove/", staff.flag_remove, name="flag-remove"),
]
