"""The pages: what brokers, helpers and members see and do, and who is refused."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from people.models import Membership, Notice, Role
from safeguarding import services
from safeguarding.models import Check, Concern, SafeguardingPolicy

ORG = "voluntary-action"


def pvg_form(world, **extra):
    return {
        "helper": world.claire.pk,
        "kind": "disclosure",
        "scheme": "pvg",
        "reference_number": "1111 2222 3333 4444",
        "issued_on_day": "3",
        "issued_on_month": "2",
        "issued_on_year": "2025",
        "expires_on_day": "",
        "expires_on_month": "",
        "expires_on_year": "",
        "notes": "Seen the certificate in the office",
        **extra,
    }


def test_a_broker_records_a_pvg_check_and_sees_it_on_the_helpers_page(world, client_for):
    client = client_for(world.morag)
    response = client.post(reverse("safeguarding:check-add", args=[ORG]), pvg_form(world))
    assert response.status_code == 302
    check = Check.objects.get()
    assert check.verified_by == world.morag.user
    page = client.get(response.url).content.decode()
    assert "1111222233334444" in page and "Morag Kerr" in page


def test_a_wrong_number_is_explained_and_what_was_typed_is_kept(world, client_for):
    client = client_for(world.morag)
    response = client.post(
        reverse("safeguarding:check-add", args=[ORG]),
        pvg_form(world, reference_number="12 34", notes="kept note"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "16 digits" in page and "kept note" in page and "12 34" in page
    assert not Check.objects.exists()


def test_staff_looking_at_checks_and_concerns_is_recorded_as_sensitive(world, client_for):
    client = client_for(world.morag)
    client.get(reverse("safeguarding:checks", args=[ORG]))
    client.get(reverse("safeguarding:helper", args=[ORG, world.claire.pk]))
    actions = set(AuditEvent.objects.filter(sensitive=True).values_list("action", flat=True))
    assert {"safeguarding.register.viewed", "safeguarding.helper.viewed"} <= actions


def test_a_member_raises_a_concern_and_the_broker_sees_it_on_her_home_page(world, client_for):
    client = client_for(world.claire)
    url = (
        reverse("safeguarding:concern-raise")
        + f"?about={world.anne.pk}&subject=timebank.exchange:9"
    )
    page = client.get(url).content.decode()
    assert "Anne Baxter" in page  # Claire and Anne are in the same time bank
    response = client.post(
        url,
        {
            "organisation": world.timebank_org.pk,
            "category": "money",
            "urgency": "soon",
            "what_happened": "Someone asked Anne for her bank card.",
        },
    )
    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.about == world.anne and concern.subject == "timebank.exchange:9"
    assert concern.raised_by_person == world.claire
    home = client_for(world.morag).get(reverse("core:home")).content.decode()
    assert "Money or belongings" in home and "Anne Baxter" in home
    assert "Money or belongings" not in client_for(world.kirsty).get("/").content.decode()


def test_a_staff_member_can_raise_a_concern_on_a_members_behalf(world, client_for):
    client = client_for(world.morag)
    client.post(reverse("people:person-act", args=[world.anne.pk]))
    client.post(
        reverse("safeguarding:concern-raise"),
        {
            "organisation": world.timebank_org.pk,
            "category": "helper",
            "urgency": "routine",
            "what_happened": "Anne says the helper was rude.",
        },
    )
    concern = Concern.objects.get()
    assert concern.on_behalf_of == world.anne and concern.raised_by_person == world.anne
    assert concern.raised_by == world.morag.user


def test_the_name_of_someone_outside_the_raisers_organisations_is_not_shown(world, client_for):
    url = reverse("safeguarding:concern-raise") + f"?about={world.kirsty.pk}"
    page = client_for(world.claire).get(url).content.decode()
    assert "Kirsty" not in page and "the person you came here from" in page


def test_a_member_sees_their_own_concern_but_not_the_brokers_timeline(world, client_for):
    concern = services.concern_raise(
        organisation=world.timebank_org,
        raiser=world.claire,
        by=world.claire.user,
        category="other",
        urgency="routine",
        what_happened="Worried about the stairs.",
    )
    services.concern_act(
        concern=concern, note="Secret broker note", status="in_hand", by=world.morag.user
    )
    page = client_for(world.claire).get(concern.get_absolute_url()).content.decode()
    assert "Worried about the stairs." in page and "Secret broker note" not in page
    assert (
        client_for(world.claire)
        .get(reverse("safeguarding:concern-close", args=[concern.pk]))
        .status_code
        == 404
    )


def test_a_broker_closes_a_concern_with_an_outcome(world, client_for):
    concern = services.concern_raise(
        organisation=world.timebank_org,
        raiser=world.claire,
        by=world.claire.user,
        category="other",
        urgency="routine",
        what_happened="x",
    )
    client = client_for(world.morag)
    response = client.post(concern.get_absolute_url(), {"note": "Called", "status": "in_hand"})
    assert response.status_code == 302
    response = client.post(
        reverse("safeguarding:concern-close", args=[concern.pk]), {"outcome": ""}
    )
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    client.post(reverse("safeguarding:concern-close", args=[concern.pk]), {"outcome": "Sorted"})
    concern.refresh_from_db()
    assert concern.status == "closed" and concern.outcome == "Sorted"


def test_my_checks_show_status_and_expiry_but_no_staff_notes(world, client_for):
    services.check_record(
        organisation=world.timebank_org,
        helper=world.claire,
        data={
            "kind": "reference",
            "issued_on": datetime.date(2025, 1, 1),
            "notes": "Referee sounded unsure",
        },
        by=world.morag.user,
    )
    page = client_for(world.claire).get(reverse("safeguarding:me")).content.decode()
    assert "Reference" in page and "Referee sounded unsure" not in page


@pytest.fixture
def visit(world):
    start = timezone.now() - datetime.timedelta(minutes=30)
    return services.visit_schedule(
        subject="timebank.exchange:3",
        helper=world.claire,
        member=world.anne,
        organisation=world.timebank_org,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        by=world.morag.user,
    )


def test_a_helper_checks_in_and_out_from_their_home_page(world, client_for, visit):
    client = client_for(world.claire)
    home = client.get("/").content.decode()
    assert "Your visits today" in home and "Check in" in home
    client.post(reverse("safeguarding:visit-check-in", args=[visit.pk]))
    assert "Check out" in client.get(reverse("safeguarding:my-visits")).content.decode()
    client.post(reverse("safeguarding:visit-check-out", args=[visit.pk]))
    visit.refresh_from_db()
    assert visit.checked_in_at and visit.checked_out_at


def test_an_overdue_visit_shows_on_the_broker_home_panel(world, client_for, visit):
    visit.ends_at = timezone.now() - datetime.timedelta(hours=2)
    visit.starts_at = visit.ends_at - datetime.timedelta(hours=1)
    visit.save()
    home = client_for(world.morag).get("/").content.decode()
    assert "check-out overdue" in home and "Claire Donnelly" in home


def test_the_policy_page_saves_and_refuses_silly_numbers(world, client_for):
    client = client_for(world.morag)
    url = reverse("safeguarding:policy", args=[ORG])
    data = {
        "disclosure_for_home_visits": "on",
        "disclosure_level": "standard",
        "extra_care": "two_people",
        "references_required": "1",
        "induction_required": "on",
        "check_in_for_home_visits": "on",
        "grace_minutes": "20",
        "warn_days": "90",
    }
    assert client.post(url, {**data, "warn_days": "0"}).status_code == 200
    assert client.post(url, data).status_code == 302
    policy = SafeguardingPolicy.objects.get(organisation=world.timebank_org)
    assert policy.extra_care == "two_people" and policy.warn_days == 90


# An attacker's view -------------------------------------------------------------


def _records(world, visit):
    check = services.check_record(
        organisation=world.timebank_org,
        helper=world.claire,
        data={"kind": "reference", "issued_on": datetime.date(2025, 1, 1)},
        by=world.morag.user,
    )
    flag = services.extra_care_set(
        organisation=world.timebank_org,
        person=world.anne,
        reason="Lives alone",
        review_on=None,
        by=world.morag.user,
    )
    concern = services.concern_raise(
        organisation=world.timebank_org,
        raiser=world.morag,
        by=world.morag.user,
        about=world.anne,
        category="harm",
        urgency="now",
        what_happened="Bruises on her arm.",
    )
    return check, flag, concern


def test_another_organisations_broker_gets_nothing_by_guessing(world, client_for, visit):
    check, flag, concern = _records(world, visit)
    client = client_for(world.kirsty)
    gets = [
        reverse("safeguarding:check-edit", args=[check.pk]),
        reverse("safeguarding:check-withdraw", args=[check.pk]),
        reverse("safeguarding:concern-detail", args=[concern.pk]),
        reverse("safeguarding:concern-close", args=[concern.pk]),
        reverse("safeguarding:visit-detail", args=[visit.pk]),
        reverse("safeguarding:helper", args=[ORG, world.claire.pk]),
        reverse("safeguarding:helper", args=["kirkton-trust", world.claire.pk]),
        *[
            reverse(f"safeguarding:{name}", args=[ORG])
            for name in ("checks", "check-add", "flags", "concerns", "policy", "visits")
        ],
    ]
    for url in gets:
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert (
            "Bruises" not in response.content.decode()
            and "Lives alone" not in response.content.decode()
        )
    posts = [
        reverse("safeguarding:check-withdraw", args=[check.pk]),
        reverse("safeguarding:flag-remove", args=[flag.pk]),
        reverse("safeguarding:concern-detail", args=[concern.pk]),
        reverse("safeguarding:concern-close", args=[concern.pk]),
        reverse("safeguarding:visit-check-in", args=[visit.pk]),
        reverse("safeguarding:visit-cancel", args=[visit.pk]),
    ]
    for url in posts:
        response = client.post(
            url, {"reason": "x", "note": "x", "outcome": "x", "status": "in_hand"}
        )
        assert response.status_code in (403, 404), url
    check.refresh_from_db()
    flag.refresh_from_db()
    concern.refresh_from_db()
    visit.refresh_from_db()
    assert check.withdrawn_at is None and flag.removed_at is None
    assert concern.status == "open" and not concern.actions.exists()
    assert visit.checked_in_at is None and visit.cancelled_at is None
    # Kirsty's own register never lists another organisation's helpers.
    page = client.get(reverse("safeguarding:checks", args=["kirkton-trust"])).content.decode()
    assert "Claire" not in page


def test_a_member_cannot_read_a_concern_about_someone_else_or_guess_pks(world, client_for, visit):
    _check, _flag, concern = _records(world, visit)
    client = client_for(world.claire)
    for pk in range(max(concern.pk - 2, 1), concern.pk + 3):
        response = client.get(reverse("safeguarding:concern-detail", args=[pk]))
        assert response.status_code == 404
    assert "Bruises" not in client.get(reverse("safeguarding:me")).content.decode()


def test_a_member_cannot_check_in_to_someone_elses_visit(world, client_for, visit):
    other = Membership.objects.create(person=world.iain, organisation=world.timebank_org)
    assert other.role == Role.MEMBER
    client = client_for(world.iain)
    assert client.post(reverse("safeguarding:visit-check-in", args=[visit.pk])).status_code == 404
    visit.refresh_from_db()
    assert visit.checked_in_at is None


def test_a_concern_about_a_broker_never_reaches_her(world, client_for):
    client_for(world.claire).post(
        reverse("safeguarding:concern-raise") + f"?about={world.morag.pk}",
        {
            "organisation": world.timebank_org.pk,
            "category": "helper",
            "urgency": "soon",
            "what_happened": "Morag shouted at Anne.",
        },
    )
    concern = Concern.objects.get()
    assert concern.about == world.morag
    assert not Notice.objects.filter(person=world.morag).exists()
    assert Notice.objects.filter(person=world.alasdair).exists()  # the only other one to tell
    morag = client_for(world.morag)
    assert morag.get(concern.get_absolute_url()).status_code == 404
    assert "Morag shouted" not in morag.get("/").content.decode()
    queue = morag.get(reverse("safeguarding:concerns", args=[ORG])).content.decode()
    assert "How a helper behaved" not in queue
    assert client_for(world.alasdair).get(concern.get_absolute_url()).status_code == 200


def test_a_concern_about_someone_elsewhere_goes_to_their_organisation(world, client_for):
    kirsty = client_for(world.kirsty)
    url = reverse("safeguarding:concern-raise") + f"?about={world.anne.pk}"
    assert "Anne" not in kirsty.get(url).content.decode()
    kirsty.post(
        url,
        {
            "organisation": world.timebank_org.pk,
            "category": "neglect",
            "urgency": "soon",
            "what_happened": "Saw her outside in the cold.",
        },
    )
    concern = Concern.objects.get()
    assert concern.organisation == world.timebank_org and concern.about == world.anne
    assert "Anne" not in kirsty.get(concern.get_absolute_url()).content.decode()


def test_a_concern_sent_twice_is_recorded_once(world, client_for):
    client = client_for(world.claire)
    form = {
        "idempotency_key": "6f1c8d54-2f0e-4c55-9a43-5b7f1a1e0c99",
        "organisation": world.timebank_org.pk,
        "category": "other",
        "urgency": "routine",
        "what_happened": "Twice.",
    }
    for _ in range(2):
        assert client.post(reverse("safeguarding:concern-raise"), form).status_code == 302
    assert Concern.objects.count() == 1
    assert Notice.objects.filter(person=world.morag).count() == 1


@pytest.mark.django_db
def test_a_record_links_to_the_persons_checks_for_their_brokers_only(world, client_for):
    helper_page = reverse("safeguarding:helper", args=[world.timebank_org.slug, world.claire.pk])
    broker_view = client_for(world.morag).get(world.claire.get_absolute_url()).content.decode()
    own_view = client_for(world.claire).get(reverse("people:me")).content.decode()
    assert f'href="{helper_page}"' in broker_view
    assert helper_page not in own_view and f'href="{reverse("safeguarding:me")}"' in own_view
