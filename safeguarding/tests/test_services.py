"""Recording checks, marking extra care, concerns from raising to closing, and visits."""

import datetime

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from audit.models import AuditEvent
from core.errors import DomainError
from people.models import Notice
from safeguarding import selectors, services
from safeguarding.alerts import overdue_alerts_send
from safeguarding.models import Check, Concern, Visit
from safeguarding.tasks import send_overdue_alerts

PVG = {
    "kind": "disclosure",
    "scheme": "pvg",
    "reference_number": "1234 5678-9012 3456",
    "issued_on": datetime.date(2025, 4, 1),
    "expires_on": None,
}


def record(world, helper=None, **data):
    return services.check_record(
        organisation=world.timebank_org,
        helper=helper or world.claire,
        data={**PVG, **data},
        by=world.morag.user,
    )


def test_a_pvg_check_is_recorded_with_who_verified_it(world):
    check = record(world)
    assert check.reference_number == "1234567890123456"
    assert check.verified_by == world.morag.user and check.verified_at
    event = AuditEvent.objects.get(action="safeguarding.check.recorded")
    assert event.person == world.claire and "1234" not in str(event.data)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"reference_number": "12345"}, "reference_number"),
        ({"reference_number": ""}, "reference_number"),
        ({"scheme": "dbs_enhanced"}, "reference_number"),
        ({"scheme": ""}, "scheme"),
        ({"issued_on": datetime.date.today() + datetime.timedelta(3)}, "issued_on"),
        ({"expires_on": datetime.date(2024, 1, 1)}, "expires_on"),
    ],
)
def test_a_check_that_cannot_be_right_is_refused_in_plain_english(world, data, field):
    with pytest.raises(DomainError) as error:
        record(world, **data)
    assert error.value.field == field
    assert not Check.objects.exists()


def test_checks_are_only_for_people_in_the_organisation(world):
    with pytest.raises(DomainError):
        record(world, helper=world.kirsty)


def test_a_reference_keeps_no_scheme(world):
    check = record(world, kind="reference", scheme="pvg", reference_number="")
    assert check.scheme == ""


def test_the_database_refuses_a_disclosure_without_a_scheme(world):
    with pytest.raises(IntegrityError):
        Check.objects.create(
            organisation=world.timebank_org,
            helper=world.claire,
            kind="disclosure",
            issued_on=datetime.date(2025, 1, 1),
        )


def test_a_withdrawn_check_is_kept_but_never_counts(world):
    check = record(world)
    with pytest.raises(DomainError):
        services.check_withdraw(check=check, reason="  ", by=world.morag.user)
    services.check_withdraw(check=check, reason="Entered by mistake", by=world.morag.user)
    assert not Check.objects.current(timezone.localdate()).exists()
    with pytest.raises(DomainError):
        services.check_update(check=check, data={"notes": "x"}, by=world.morag.user)


def test_changing_a_check_records_the_new_verifier(world):
    check = record(world)
    services.check_update(
        check=check, data={"expires_on": datetime.date(2030, 1, 1)}, by=world.alasdair.user
    )
    check.refresh_from_db()
    assert check.expires_on == datetime.date(2030, 1, 1)
    assert check.verified_by == world.alasdair.user


def test_the_register_shows_the_renewed_check_not_the_expired_one(world):
    today = timezone.localdate()
    record(
        world, issued_on=today - datetime.timedelta(900), expires_on=today - datetime.timedelta(5)
    )
    rows = selectors.register(world.timebank_org, today)
    assert [r.helper for r in rows["expired"]] == [world.claire]
    record(world, issued_on=today, expires_on=today + datetime.timedelta(30))
    rows = selectors.register(world.timebank_org, today)
    assert rows["expired"] == [] and [r.helper for r in rows["expiring"]] == [world.claire]


def test_extra_care_is_set_once_per_organisation_and_can_be_removed(world):
    flag = services.extra_care_set(
        organisation=world.timebank_org,
        person=world.anne,
        reason="Lives alone",
        review_on=None,
        by=world.morag.user,
    )
    again = services.extra_care_set(
        organisation=world.timebank_org,
        person=world.anne,
        reason="Lives alone, memory loss",
        review_on=None,
        by=world.morag.user,
    )
    assert again.pk == flag.pk and again.reason == "Lives alone, memory loss"
    services.extra_care_remove(flag=again, by=world.morag.user)
    assert not selectors.active_flags(world.timebank_org).exists()


def raise_concern(world, **extra):
    return services.concern_raise(
        organisation=world.timebank_org,
        raiser=world.claire,
        by=world.claire.user,
        about=world.anne,
        subject="timebank.exchange:42",
        category="neglect",
        urgency="now",
        what_happened="The house was cold and there was no food.",
        **extra,
    )


def test_a_concern_reaches_the_brokers_at_once_without_its_details(world):
    concern = raise_concern(world)
    notice = Notice.objects.get(person=world.morag)
    assert "no food" not in notice.body and "Anne" not in notice.body
    assert str(concern.pk) in notice.body
    assert not Notice.objects.filter(person=world.kirsty).exists()


def test_a_concern_is_not_in_the_history_of_the_person_it_is_about(world):
    raise_concern(world)
    assert not AuditEvent.objects.filter(person=world.anne).exists()


def test_a_concern_moves_from_open_to_in_hand_to_closed_with_a_timeline(world):
    concern = raise_concern(world)
    with pytest.raises(DomainError):
        services.concern_act(concern=concern, note=" ", status="in_hand", by=world.morag.user)
    services.concern_act(
        concern=concern, note="Phoned Anne's son", status="in_hand", by=world.morag.user
    )
    assert concern.status == Concern.Status.IN_HAND
    with pytest.raises(DomainError):
        services.concern_close(concern=concern, outcome="", by=world.morag.user)
    services.concern_close(concern=concern, outcome="Referred to social work", by=world.morag.user)
    concern.refresh_from_db()
    assert concern.status == "closed" and concern.closed_at
    assert [a.status for a in concern.actions.all()] == ["in_hand", "closed"]
    with pytest.raises(DomainError):
        services.concern_act(concern=concern, note="More", by=world.morag.user)


def test_a_concern_needs_words_and_known_choices(world):
    with pytest.raises(DomainError):
        services.concern_raise(
            organisation=world.timebank_org,
            raiser=world.claire,
            by=world.claire.user,
            category="gossip",
            urgency="now",
            what_happened="x",
        )


# Visits -----------------------------------------------------------------------


def visit(world, *, ended_minutes_ago=60, length=60):
    end = timezone.now() - datetime.timedelta(minutes=ended_minutes_ago)
    return services.visit_schedule(
        subject="timebank.exchange:7",
        helper=world.claire,
        member=world.anne,
        organisation=world.timebank_org,
        starts_at=end - datetime.timedelta(minutes=length),
        ends_at=end,
        by=world.morag.user,
    )


def test_a_visit_must_end_after_it_starts(world):
    now = timezone.now()
    with pytest.raises(DomainError):
        services.visit_schedule(
            subject="",
            helper=world.claire,
            member=None,
            organisation=world.timebank_org,
            starts_at=now,
            ends_at=now,
            by=None,
        )


def test_checking_in_and_out_twice_is_harmless_and_out_needs_in(world):
    v = visit(world, ended_minutes_ago=-30)
    with pytest.raises(DomainError):
        services.visit_check_out(visit=v, by=world.claire.user)
    services.visit_check_in(visit=v, by=world.claire.user)
    first = v.checked_in_at
    services.visit_check_in(visit=v, by=world.claire.user)
    assert v.checked_in_at == first
    services.visit_check_out(visit=v, by=world.claire.user)
    assert v.checked_out_at >= v.checked_in_at
    with pytest.raises(DomainError):
        services.visit_cancel(visit=v, by=world.morag.user)


def test_a_visit_is_overdue_only_after_the_grace_period(world):
    inside = visit(world, ended_minutes_ago=10)
    late = visit(world, ended_minutes_ago=45)
    assert selectors.overdue_visits([world.timebank_org]) == [late]
    services.policy_save(
        organisation=world.timebank_org, data={"grace_minutes": 5}, by=world.morag.user
    )
    assert set(selectors.overdue_visits([world.timebank_org])) == {inside, late}


def test_overdue_alerts_go_to_the_brokers_once(world, capsys):
    late = visit(world, ended_minutes_ago=120)
    done = visit(world, ended_minutes_ago=120)
    services.visit_check_in(visit=done, by=world.claire.user)
    services.visit_check_out(visit=done, by=world.claire.user)
    call_command("safeguarding_alerts")
    assert "1" in capsys.readouterr().out
    late.refresh_from_db()
    assert late.overdue_alert_sent_at is not None
    assert Notice.objects.filter(person=world.morag, source__contains="overdue").count() == 1
    assert overdue_alerts_send() == 0
    assert send_overdue_alerts.call() == 0
    assert Notice.objects.filter(person=world.morag, source__contains="overdue").count() == 1


def test_a_cancelled_or_checked_out_visit_is_never_overdue(world):
    v = visit(world, ended_minutes_ago=120)
    services.visit_cancel(visit=v, by=world.morag.user)
    assert selectors.overdue_visits([world.timebank_org]) == []
    assert Visit.objects.count() == 1


def test_every_audit_code_used_has_a_label():
    import re
    from pathlib import Path

    from audit.actions import known

    folder = Path(__file__).resolve().parent.parent
    code = re.compile(r'"(safeguarding\.[a-z_]+\.[a-z_]+)"')
    used = {
        match
        for path in folder.rglob("*.py")
        if "tests" not in path.parts
        for match in code.findall(path.read_text())
    }
    assert used and used <= set(known()), used - set(known())


def test_a_subject_is_described_by_its_model_when_it_exists(world):
    from safeguarding import subjects

    assert subjects.describe("") is None
    assert subjects.describe("nothing.here:3") == {"label": "nothing.here:3", "url": ""}
    assert subjects.describe("people.person:999999")["url"] == ""
    found = subjects.describe(f"people.person:{world.anne.pk}")
    assert found["url"] == world.anne.get_absolute_url() and "Anne" not in found["label"]
    subjects.register("test.thing", lambda pk: ("Thing", "/thing/"))
    assert subjects.describe("test.thing:1") == {"label": "Thing", "url": "/thing/"}
