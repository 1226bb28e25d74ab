import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from core.errors import ConsentMissing, DomainError
from people import consent as consents
from people import services
from people.models import Consent, Membership, Person, Role
from people.services import ConsentGiven

DETAILS = {
    "given_name": "Agnes",
    "family_name": "Laing",
    "contact_route": "letter",
    "address": "2 Mill Lane\nKirkton",
    "postcode": "gb2 3ab",
}


def register(world, **extra):
    return services.person_register(
        partnership=world.partnership,
        organisation=world.timebank_org,
        by=world.morag.user,
        details={**DETAILS, **extra.pop("details", {})},
        consents_given=extra.pop(
            "consents_given", [ConsentGiven(purpose="membership", method="in_person")]
        ),
    )


def test_registering_someone_without_email_makes_a_member_with_consent(world):
    agnes = register(world)
    assert agnes.user is None and agnes.email == ""
    assert agnes.postcode == "GB2 3AB"
    assert Membership.objects.filter(
        person=agnes, organisation=world.timebank_org, role=Role.MEMBER
    ).exists()
    assert consents.has(agnes, "membership")
    event = AuditEvent.objects.get(action="people.person.registered", person=agnes)
    assert event.actor == world.morag.user


def test_consent_given_on_someones_behalf_records_who_gave_it(world):
    agnes = register(
        world,
        consents_given=[
            ConsentGiven(
                purpose="membership",
                method="in_person",
                given_by="on_behalf",
                given_by_name="Jean Laing",
                given_by_relationship="daughter, power of attorney",
            )
        ],
    )
    record = agnes.consents.get()
    assert record.given_by == Consent.GivenBy.ON_BEHALF
    assert record.given_by_name == "Jean Laing"
    assert record.recorded_by == world.morag.user


def test_on_behalf_consent_without_a_name_is_refused(world):
    with pytest.raises(DomainError):
        register(
            world,
            consents_given=[
                ConsentGiven(purpose="membership", method="phone", given_by="on_behalf")
            ],
        )


def test_access_needs_need_health_consent(world):
    with pytest.raises(DomainError) as error:
        register(world, details={"needs_large_print": True})
    assert error.value.code == "consent_missing"
    assert not Person.objects.filter(given_name="Agnes").exists()


def test_access_needs_are_kept_with_health_consent(world):
    agnes = register(
        world,
        details={"needs_large_print": True},
        consents_given=[
            ConsentGiven(purpose="membership", method="in_person"),
            ConsentGiven(purpose="health", method="in_person"),
        ],
    )
    assert agnes.needs_large_print


def test_withdrawing_health_consent_removes_health_information(world):
    services.consent_give(
        person=world.anne, given=ConsentGiven("health", "phone"), by=world.morag.user
    )
    services.person_update(
        person=world.anne,
        by=world.morag.user,
        data={"needs_hearing_loop": True, "disability": "yes"},
    )
    services.consent_withdraw(person=world.anne, purpose="health", by=world.morag.user)
    world.anne.refresh_from_db()
    assert not world.anne.needs_hearing_loop and world.anne.disability == ""
    assert not consents.has(world.anne, "health")


def test_consent_require_names_the_purpose(world):
    with pytest.raises(ConsentMissing, match="Telling me about activities"):
        consents.require(world.anne, "contact")


def test_giving_a_standing_consent_again_changes_nothing(world):
    first = services.consent_give(
        person=world.anne, given=ConsentGiven("membership", "phone"), by=world.morag.user
    )
    again = services.consent_give(
        person=world.anne, given=ConsentGiven("membership", "phone"), by=world.morag.user
    )
    assert first == again and world.anne.consents.filter(purpose="membership").count() == 1


def test_updates_record_which_fields_changed_and_for_whom(world):
    changed = services.person_update(
        person=world.anne,
        by=world.morag.user,
        data={"phone": "01592 000000", "given_name": "Anne"},
        on_behalf_of=world.anne,
    )
    assert changed == ["phone"]
    event = AuditEvent.objects.get(action="people.person.updated")
    assert event.data == {"fields": ["phone"]} and event.on_behalf_of == world.anne


def test_a_postcode_that_is_not_one_is_refused(world):
    with pytest.raises(DomainError):
        services.person_update(person=world.anne, by=world.morag.user, data={"postcode": "nope"})


def test_an_asset_can_be_listed_once(world):
    services.asset_add(
        person=world.anne, category=world.category, in_their_words="60 years", by=world.morag.user
    )
    with pytest.raises(DomainError):
        services.asset_add(
            person=world.anne, category=world.category, in_their_words="", by=world.morag.user
        )


def test_carer_relationships_refuse_caring_for_yourself(world):
    with pytest.raises(DomainError):
        services.carer_add(
            carer=world.anne, cared_for=world.anne, relationship="other", by=world.morag.user
        )
    link = services.carer_add(
        carer=world.claire, cared_for=world.anne, relationship="neighbour", by=world.morag.user
    )
    assert list(world.anne.cared_for_by.all()) == [link]


def test_the_database_refuses_a_carer_for_themselves(world):
    from people.models import CarerRelationship

    with pytest.raises(IntegrityError), transaction.atomic():
        CarerRelationship.objects.create(
            carer=world.anne, cared_for=world.anne, relationship="other"
        )


def test_roles_are_granted_once_and_ended_without_deleting(world):
    first = services.membership_grant(
        person=world.claire,
        organisation=world.timebank_org,
        role=Role.BROKER,
        by=world.alasdair.user,
    )
    assert (
        services.membership_grant(
            person=world.claire,
            organisation=world.timebank_org,
            role=Role.BROKER,
            by=world.alasdair.user,
        )
        == first
    )
    services.membership_end(membership=first, by=world.alasdair.user)
    first.refresh_from_db()
    assert first.ended_on is not None
    assert Membership.objects.filter(pk=first.pk).exists()


def test_giving_someone_a_login_sends_them_a_password_email(world, rf):
    request = rf.post("/")
    user = services.person_create_login(
        person=world.anne, email="Anne@Example.org", by=world.morag.user, request=request
    )
    world.anne.refresh_from_db()
    assert world.anne.user == user and user.email == "anne@example.org"
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1 and "anne@example.org" in mail.outbox[0].to


def test_a_login_email_already_in_use_is_refused(world, rf):
    with pytest.raises(DomainError):
        services.person_create_login(
            person=world.anne, email="claire@example.org", by=world.morag.user, request=rf.post("/")
        )
