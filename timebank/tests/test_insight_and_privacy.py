"""Reciprocity insight, referrals' feedback, export and erasure."""

import datetime
import uuid

import pytest
from django.utils import timezone

from core.testing import make_person
from people.erasure import person_erase
from people.export import person_export
from timebank import insight, services
from timebank.integrity import ledger_problems
from timebank.models import Account, Exchange, Listing
from timebank.testing import bank_for_world, relaxed_policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(world):
    relaxed_policy(world.timebank_org)
    return bank_for_world(world)


def acc(bank, person):
    return Account.objects.get(bank=bank, person=person)


def test_a_double_submitted_recording_records_once(world, bank):
    key = uuid.uuid4()
    args = {
        "bank": bank,
        "receiver": acc(bank, world.anne),
        "givers": [acc(bank, world.claire)],
        "minutes": 60,
        "description": "Shopping",
        "by": None,
        "idempotency_key": key,
    }
    first = services.exchange_record(**args)
    again = services.exchange_record(**args)
    assert first.pk == again.pk
    assert Exchange.objects.count() == 1
    assert acc(bank, world.claire).balance_minutes == 60


def test_insight_finds_givers_who_never_receive_quiet_members_and_unanswered_requests(world, bank):
    services.exchange_record(
        bank=bank,
        receiver=acc(bank, world.anne),
        givers=[acc(bank, world.claire)],
        minutes=90,
        description="x",
        by=None,
    )
    quiet = make_person(world.partnership, "Quiet")
    account = services.account_open(bank=bank, person=quiet)
    Account.objects.filter(pk=account.pk).update(
        opened_at=timezone.now() - datetime.timedelta(days=200)
    )
    request = services.listing_create(
        account=acc(bank, world.anne),
        kind="request",
        by=None,
        category=world.category,
        title="Hedge",
        where="home",
    )
    Listing.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    figures = insight.member_figures(bank)
    claire = next(f for f in figures if f.account.person == world.claire)
    assert (claire.given, claire.received, claire.distinct_people) == (90, 0, 1)
    assert [f.account.person for f in insight.givers_who_never_receive(figures)] == [world.claire]
    assert quiet in [f.account.person for f in insight.gone_quiet(figures)]
    assert list(insight.unanswered_requests(bank)) == [request]


def test_figures_by_group_suppress_small_numbers(world, bank):
    tables = insight.by_group(insight.member_figures(bank))
    cells = [row["members"] for table in tables for row in table["rows"]]
    assert "2" not in cells and "1" not in cells
    assert "fewer than 5" in cells


def test_a_referral_hears_back_when_the_person_joins_and_first_exchanges(world, bank, client_for):
    person = make_person(world.partnership, "Referred", orgs=[world.timebank_org])
    services.referral_make(
        bank=bank, person=person, referred_by=world.iain, reason="Isolated", by=world.iain.user
    )
    page = client_for(world.iain).get("/timebank/referrals/").content.decode()
    assert "Referred" in page and "Not yet" in page
    services.exchange_record(
        bank=bank,
        receiver=services.account_open(bank=bank, person=person),
        givers=[acc(bank, world.claire)],
        minutes=60,
        description="Chat",
        by=None,
    )
    page = client_for(world.iain).get("/timebank/referrals/").content.decode()
    assert page.count("Not yet") == 0


def test_export_holds_the_statement_and_erasure_keeps_the_ledger_whole(world, bank):
    services.listing_create(
        account=acc(bank, world.anne),
        kind="request",
        by=None,
        category=world.category,
        title="Help after my cataract operation",
        where="home",
    )
    services.exchange_record(
        bank=bank,
        receiver=acc(bank, world.anne),
        givers=[acc(bank, world.claire)],
        minutes=60,
        description="Eye drops after the cataract operation",
        by=None,
    )
    section = next(s for s in person_export(world.anne)["sections"] if s["key"] == "timebank")
    assert section["data"]["accounts"][0]["statement"][0]["minutes"] == -60
    person_erase(person=world.anne, by=world.morag.user)
    assert not Listing.objects.filter(title__icontains="cataract").exists()
    assert not Exchange.objects.filter(description__icontains="cataract").exists()
    anne = acc(bank, world.anne)
    assert anne.closed_at is not None and anne.balance_minutes == -60
    assert ledger_problems() == []


def test_erasing_someone_who_recorded_transfers_clears_only_the_recorder(world, bank):
    services.exchange_record(
        bank=bank,
        receiver=acc(bank, world.anne),
        givers=[acc(bank, world.claire)],
        minutes=30,
        description="Tea",
        by=world.claire.user,
    )
    person_erase(person=world.claire, by=world.claire.user)
    transfer = Exchange.objects.get().transfer
    assert transfer.recorded_by is None
    assert ledger_problems() == []


def test_home_pages_show_the_member_and_broker_panels(world, bank, client_for):
    member = client_for(world.claire).get("/").content.decode()
    assert "hours in your account" in member
    broker = client_for(world.morag).get("/").content.decode()
    assert "Time banks you broker" in broker
    outsider = client_for(world.kirsty).get("/").content.decode()
    assert "Glenbrae Time Bank" not in outsider


def test_a_broker_adds_a_referred_person_to_the_bank(world, bank, client_for):
    person = make_person(world.partnership, "Newcomer")
    services.referral_make(
        bank=bank, person=person, referred_by=world.iain, reason="", by=world.iain.user
    )
    response = client_for(world.morag).post(
        f"/timebank/{bank.slug}/members/add/", {"person": person.pk}
    )
    assert response.status_code == 302
    assert Account.objects.filter(bank=bank, person=person).exists()


def test_a_record_links_to_the_statement_for_the_broker_and_the_member_only(
    world, bank, client_for
):
    from django.urls import reverse

    anne = reverse("timebank:statement", args=[bank.slug, acc(bank, world.anne).pk])
    claire = reverse("timebank:statement", args=[bank.slug, acc(bank, world.claire).pk])
    broker_view = client_for(world.morag).get(world.anne.get_absolute_url()).content.decode()
    own_view = client_for(world.claire).get(reverse("people:me")).content.decode()
    assert f'href="{anne}"' in broker_view
    assert f'href="{claire}"' in own_view and anne not in own_view
