"""Exchanges move through their states; only confirming touches balances;
safeguarding decides who may take help on; statements and privacy."""

import uuid

import pytest

from core.errors import DomainError
from core.testing import make_person
from people.models import Notice
from timebank import services
from timebank.integrity import ledger_problems
from timebank.matching import suggest_helpers
from timebank.models import Account, Exchange, Listing, Transfer
from timebank.testing import bank_for_world, give_checks, relaxed_policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(world):
    return bank_for_world(world)


def acc(bank, person):
    return Account.objects.get(bank=bank, person=person)


def propose(bank, world, where="community"):
    return services.exchange_propose(
        bank=bank,
        receiver=acc(bank, world.anne),
        givers=[acc(bank, world.claire)],
        description="A lift to the surgery",
        where=where,
        by=None,
    )


def test_pending_exchanges_never_touch_balances_and_confirming_posts_once(world, bank):
    give_checks(world.claire, world.timebank_org)
    exchange = propose(bank, world)
    exchange = services.exchange_agree(exchange=exchange, by=world.morag.user)
    exchange = services.exchange_done(exchange=exchange, minutes=90, by=world.claire.user)
    assert acc(bank, world.anne).balance_minutes == 0
    assert Transfer.objects.count() == 0
    key = uuid.uuid4()
    services.exchange_confirm(exchange=exchange, by=world.morag.user, idempotency_key=key)
    services.exchange_confirm(exchange=exchange, by=world.morag.user, idempotency_key=key)
    assert acc(bank, world.anne).balance_minutes == -90
    assert acc(bank, world.claire).balance_minutes == 90
    assert Transfer.objects.count() == 1
    assert Exchange.objects.get(pk=exchange.pk).status == "confirmed"


def test_an_unchecked_helper_is_refused_with_the_reasons(world, bank):
    exchange = propose(bank, world)
    with pytest.raises(DomainError, match="references"):
        services.exchange_agree(exchange=exchange, by=world.morag.user)
    assert Exchange.objects.get(pk=exchange.pk).status == "proposed"


def test_several_helpers_are_cleared_together_and_the_unchecked_one_is_named(
    world, bank, monkeypatch
):
    from safeguarding import policy

    real_facts, reads = policy.facts, []

    def counted_facts(**asked):
        reads.append(asked["helpers"])
        return real_facts(**asked)

    monkeypatch.setattr(policy, "facts", counted_facts)
    give_checks(world.claire, world.timebank_org)
    robin = make_person(world.partnership, "Robin", orgs=[world.timebank_org])
    services.account_open(bank=bank, person=robin)
    with pytest.raises(DomainError) as error:
        services.exchange_record(
            bank=bank,
            receiver=acc(bank, world.anne),
            givers=[acc(bank, world.claire), acc(bank, robin)],
            minutes=60,
            description="Clearing the garden",
            by=world.morag.user,
        )
    assert error.value.code == "not_cleared" and "Robin" in str(error.value.message)
    assert [len(helpers) for helpers in reads] == [2]  # one read for both helpers
    assert not Exchange.objects.exists()


def test_the_broker_sees_each_proposed_helpers_safeguarding_answer(world, bank, client_for):
    give_checks(world.claire, world.timebank_org)
    robin = make_person(world.partnership, "Robin", orgs=[world.timebank_org])
    services.account_open(bank=bank, person=robin)
    exchange = services.exchange_propose(
        bank=bank,
        receiver=acc(bank, world.anne),
        givers=[acc(bank, world.claire), acc(bank, robin)],
        description="Clearing the garden",
        where="home",
        by=None,
    )
    page = client_for(world.morag).get(f"/timebank/{bank.slug}/exchanges/{exchange.pk}/")
    text = " ".join(page.content.decode().split())
    assert "Safeguarding for Claire" in text and "may take this on." in text
    assert "Safeguarding for Robin" in text and "cannot take this on." in text


def test_a_member_needing_extra_care_needs_a_second_checked_helper(world, bank):
    from safeguarding.models import ExtraCareFlag

    give_checks(world.claire, world.timebank_org, disclosure=False)
    ExtraCareFlag.objects.create(
        organisation=world.timebank_org, person=world.anne, reason="Memory loss"
    )
    exchange = propose(bank, world)
    with pytest.raises(DomainError) as error:
        services.exchange_agree(exchange=exchange, by=world.morag.user)
    assert error.value.code == "needs_second_person"
    second = make_person(world.partnership, "Sandy", orgs=[world.timebank_org])
    give_checks(second, world.timebank_org)
    services.account_open(bank=bank, person=second)
    exchange = services.exchange_agree(exchange=exchange, by=world.morag.user, second_helper=second)
    assert exchange.second_helper == second


def test_where_two_people_always_go_a_checked_second_helper_is_accepted(world, bank):
    from safeguarding.models import ExtraCareFlag, SafeguardingPolicy

    SafeguardingPolicy.objects.update_or_create(
        organisation=world.timebank_org,
        defaults={"extra_care": SafeguardingPolicy.ExtraCare.TWO_PEOPLE},
    )
    give_checks(world.claire, world.timebank_org)
    ExtraCareFlag.objects.create(
        organisation=world.timebank_org, person=world.anne, reason="Lives alone"
    )
    exchange = propose(bank, world)
    with pytest.raises(DomainError) as error:
        services.exchange_agree(exchange=exchange, by=world.morag.user)
    assert error.value.code == "needs_second_person"
    unchecked = make_person(world.partnership, "Robin", orgs=[world.timebank_org])
    give_checks(unchecked, world.timebank_org, disclosure=False)
    with pytest.raises(DomainError) as error:
        services.exchange_agree(exchange=exchange, by=world.morag.user, second_helper=unchecked)
    assert error.value.code == "second_not_cleared"
    second = make_person(world.partnership, "Sandy", orgs=[world.timebank_org])
    give_checks(second, world.timebank_org)
    exchange = services.exchange_agree(exchange=exchange, by=world.morag.user, second_helper=second)
    assert exchange.second_helper == second


def test_an_agreed_home_visit_is_scheduled_for_check_in(world, bank):
    give_checks(world.claire, world.timebank_org)
    exchange = services.exchange_agree(
        exchange=propose(bank, world, where="home"), by=world.morag.user
    )
    from safeguarding.models import Visit

    visit = Visit.objects.get(pk=exchange.visit_id)
    assert visit.subject == f"timebank.exchange:{exchange.pk}"
    assert visit.helper == world.claire


def test_cancelling_needs_a_reason_and_reopens_the_request(world, bank):
    listing = services.listing_create(
        account=acc(bank, world.anne),
        kind="request",
        by=None,
        category=world.category,
        title="Lift",
        where="community",
    )
    exchange = services.introduction_make(
        request=listing, helper=acc(bank, world.claire), by=world.morag.user
    )
    assert Listing.objects.get(pk=listing.pk).status == "matched"
    with pytest.raises(DomainError):
        services.exchange_cancel(exchange=exchange, reason=" ", by=None)
    services.exchange_cancel(exchange=exchange, reason="Anne is in hospital", by=None)
    assert Listing.objects.get(pk=listing.pk).status == "open"


def test_an_introduction_tells_both_people_by_their_preferred_route(world, bank):
    listing = services.listing_create(
        account=acc(bank, world.anne),
        kind="request",
        by=None,
        category=world.category,
        title="Lift",
        where="community",
    )
    services.introduction_make(request=listing, helper=acc(bank, world.claire), by=world.morag.user)
    notices = Notice.objects.filter(source="timebank.introduction.made")
    assert {n.person for n in notices} == {world.anne, world.claire}
    assert notices.get(person=world.anne).route == "phone"


def test_a_group_activity_pays_each_participant_from_the_organiser(world, bank):
    relaxed_policy(world.timebank_org)
    org = services.organisation_account(bank)
    services.overdraft_grant(
        account=org, limit_minutes=-100 * 60, reason="Pays volunteers", by=None
    )
    services.exchange_record(
        bank=bank,
        receiver=org,
        givers=[acc(bank, world.anne), acc(bank, world.claire)],
        minutes=120,
        description="Community garden",
        by=None,
    )
    org.refresh_from_db()
    assert org.balance_minutes == -240
    assert acc(bank, world.claire).balance_minutes == 120
    assert ledger_problems() == []


def test_a_broker_undoes_a_confirmed_exchange_with_a_linked_correction(world, bank):
    relaxed_policy(world.timebank_org)
    exchange = services.exchange_record(
        bank=bank,
        receiver=acc(bank, world.anne),
        givers=[acc(bank, world.claire)],
        minutes=60,
        description="x",
        by=None,
    )
    services.exchange_reverse(
        exchange=exchange, reason="Recorded for the wrong person", by=world.morag.user
    )
    exchange.refresh_from_db()
    assert exchange.status == "reversed"
    assert exchange.transfer.reversed_by.reason == "Recorded for the wrong person"
    assert acc(bank, world.claire).balance_minutes == 0


def test_matching_puts_a_checked_helper_who_offers_this_first_and_says_why(world, bank):
    give_checks(world.claire, world.timebank_org)
    other = make_person(world.partnership, "Uncleared", orgs=[world.timebank_org])
    services.account_open(bank=bank, person=other)
    services.listing_create(
        account=acc(bank, world.claire),
        kind="offer",
        by=None,
        category=world.category,
        title="Driving",
        where="community",
    )
    request = services.listing_create(
        account=acc(bank, world.anne),
        kind="request",
        by=None,
        category=world.category,
        title="Lift",
        where="community",
    )
    suggestions = suggest_helpers(request)
    assert suggestions[0].account.person == world.claire
    assert suggestions[0].allowed
    assert any("Offers" in r for r in suggestions[0].reasons)
    last = [s for s in suggestions if s.account.person == other][0]
    assert not last.allowed and last.cautions


def test_matching_measures_distance_with_the_imported_postcode_directory(world, bank):
    from directory.models import Postcode

    # Two Edinburgh postcodes, about a mile apart, known only from an import.
    Postcode.objects.create(postcode="EH1 1AA", latitude=55.9500, longitude=-3.1900)
    Postcode.objects.create(postcode="EH7 5AA", latitude=55.9590, longitude=-3.1700)
    type(world.anne).objects.filter(pk=world.anne.pk).update(postcode="EH1 1AA")
    type(world.claire).objects.filter(pk=world.claire.pk).update(postcode="eh75aa")
    request = services.listing_create(
        account=acc(bank, world.anne),
        kind="request",
        by=None,
        category=world.category,
        title="Lift",
        where="community",
    )
    claire = next(s for s in suggest_helpers(request) if s.account.person == world.claire)
    assert "Lives about 1.0 miles away." in claire.reasons


def test_negative_balances_are_hidden_from_members_but_not_brokers(world, bank, client_for):
    relaxed_policy(world.timebank_org)
    services.exchange_record(
        bank=bank,
        receiver=acc(bank, world.claire),
        givers=[acc(bank, world.anne)],
        minutes=90,
        description="Ironing",
        by=None,
    )
    url = acc(bank, world.claire).get_absolute_url()
    body = client_for(world.claire).get(url).content.decode()
    assert "-1.5 hours" not in body and "Ironing" in body
    body = client_for(world.morag).get(url).content.decode()
    assert "-1.5 hours" in body


def test_a_member_cannot_confirm_for_others_or_see_others_exchanges(world, bank, client_for):
    give_checks(world.claire, world.timebank_org)
    exchange = services.exchange_agree(exchange=propose(bank, world), by=world.morag.user)
    services.exchange_done(exchange=exchange, minutes=60, by=None)
    client = client_for(world.claire)
    url = f"/timebank/{bank.slug}/exchanges/{exchange.pk}/confirm/"
    assert client.post(url, {"idempotency_key": str(uuid.uuid4())}).status_code == 403
    stranger = make_person(
        world.partnership, "Stranger", email="s@example.org", orgs=[world.timebank_org]
    )
    services.account_open(bank=bank, person=stranger)
    assert client_for(stranger).get(exchange.get_absolute_url()).status_code == 403
    assert acc(bank, world.anne).balance_minutes == 0


def test_a_member_proposes_only_exchanges_they_take_part_in(world, bank, client_for):
    client = client_for(world.claire)
    response = client.post(
        f"/timebank/{bank.slug}/exchanges/new/",
        {
            "other": acc(bank, world.anne).pk,
            "direction": "i_helped",
            "description": "Gardening",
            "where": "community",
            "receiver": acc(bank, world.anne).pk,
            "giver": acc(bank, world.anne).pk,
            "minutes": "5",
        },
    )
    assert response.status_code == 302
    exchange = Exchange.objects.get(description="Gardening")
    assert exchange.status == "proposed"
    assert exchange.participants.get().account.person == world.claire


def test_a_member_downloads_an_easy_read_statement_that_says_credits_are_not_income(
    world, bank, client_for
):
    relaxed_policy(world.timebank_org)
    services.exchange_record(
        bank=bank,
        receiver=acc(bank, world.anne),
        givers=[acc(bank, world.claire)],
        minutes=90,
        description="Lift",
        by=None,
    )
    url = f"/timebank/{bank.slug}/accounts/{acc(bank, world.claire).pk}/statement."
    pdf = client_for(world.claire).get(url + "pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    csv = client_for(world.claire).get(url + "csv").content.decode()
    assert "Lift" in csv and "1.5" in csv
    assert client_for(world.claire).get(url + "exe").status_code == 404


def test_a_broker_acting_for_a_member_posts_her_request_and_it_is_recorded(world, bank, client_for):
    from django.urls import reverse

    from audit.models import AuditEvent

    client = client_for(world.morag)
    client.post(reverse("people:person-act", args=[world.anne.pk]))
    response = client.post(
        f"/timebank/{bank.slug}/offers-and-requests/new/",
        {
            "kind": "request",
            "category": world.category.pk,
            "title": "A lift to church",
            "where": "community",
            "timing": "one_off",
        },
    )
    assert response.status_code == 302
    listing = Listing.objects.get(title="A lift to church")
    assert listing.account.person == world.anne and listing.on_behalf_of == world.anne
    event = AuditEvent.objects.get(action="timebank.request.posted")
    assert event.on_behalf_of == world.anne and event.actor == world.morag.user


def test_a_broker_records_an_exchange_across_banks_only_where_both_allow(world, bank, client_for):
    relaxed_policy(world.timebank_org)
    other = services.bank_create(organisation=world.other_org, name="Kirkton Bank", slug="kirkton")
    helper = services.account_open(bank=other, person=make_person(world.partnership, "Visitor"))
    relaxed_policy(world.other_org)
    form = {
        "receiver": acc(bank, world.anne).pk,
        "giver": helper.pk,
        "description": "Across the burn",
        "where": "community",
        "minutes": "1",
        "idempotency_key": str(uuid.uuid4()),
    }
    client = client_for(world.morag)
    client.post(f"/timebank/{bank.slug}/exchanges/new/", form)
    assert not Exchange.objects.filter(description="Across the burn").exists()
    for b in (bank, other):
        b.allows_other_banks = True
        b.save()
    form["idempotency_key"] = str(uuid.uuid4())
    assert client.post(f"/timebank/{bank.slug}/exchanges/new/", form).status_code == 302
    helper.refresh_from_db()
    assert helper.balance_minutes == 60
    assert ledger_problems() == []


def test_expenses_are_money_beside_the_hours_and_never_move_credits(world, bank):
    relaxed_policy(world.timebank_org)
    exchange = services.exchange_record(
        bank=bank,
        receiver=acc(bank, world.anne),
        givers=[acc(bank, world.claire)],
        minutes=60,
        description="Lift",
        by=None,
    )
    expense = services.expense_claim(
        exchange=exchange, person=world.claire, kind="mileage", miles=10, amount_pence=450, by=None
    )
    services.expense_settle(expense=expense, paid=True, by=world.morag.user)
    with pytest.raises(DomainError):
        services.expense_settle(expense=expense, paid=False, by=world.morag.user)
    assert acc(bank, world.claire).balance_minutes == 60


def test_only_the_introduced_helper_and_brokers_read_the_notes_for_the_helper(
    world, bank, client_for
):
    listing = services.listing_create(
        account=acc(bank, world.anne),
        kind="request",
        by=None,
        category=world.category,
        title="Lift",
        where="community",
        helper_notes="Key safe code 4321",
    )
    assert (
        "Key safe code"
        not in client_for(world.claire).get(listing.get_absolute_url()).content.decode()
    )
    services.introduction_make(request=listing, helper=acc(bank, world.claire), by=world.morag.user)
    assert (
        "Key safe code" in client_for(world.claire).get(listing.get_absolute_url()).content.decode()
    )
    assert (
        "Key safe code" in client_for(world.morag).get(listing.get_absolute_url()).content.decode()
    )
