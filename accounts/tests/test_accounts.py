import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from audit.models import AuditEvent
from core.testing import PASSWORD
from people import consent as consents
from people.models import Person


def test_people_sign_in_with_their_email_address_in_any_case(world, client):
    response = client.post(
        reverse("account_login"), {"login": "MORAG@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("people:me")).status_code == 200


def test_a_wrong_password_says_so_and_keeps_the_email(world, client):
    response = client.post(
        reverse("account_login"), {"login": "morag@example.org", "password": "wrong"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and 'value="morag@example.org"' in body


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/5m/ip,3/5m/key"})
def test_repeated_failed_sign_ins_are_throttled(world, client):
    cache.clear()
    for _ in range(3):
        client.post(reverse("account_login"), {"login": "morag@example.org", "password": "no"})
    response = client.post(
        reverse("account_login"), {"login": "morag@example.org", "password": PASSWORD}
    )
    assert response.status_code in (200, 429)
    assert client.get(reverse("people:me")).status_code == 302  # still not signed in
    cache.clear()


def test_password_reset_sends_an_email_with_a_link(world, client):
    client.post(reverse("account_reset_password"), {"email": "morag@example.org"})
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_signing_up_makes_a_person_who_agreed_to_a_record(world, client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a-very-long-passphrase-9",
            "password2": "a-very-long-passphrase-9",
            "given_name": "Neil",
            "family_name": "Young",
            "agree": "on",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(user__email="new@example.org")
    assert person.given_name == "Neil" and person.partnership == world.partnership
    assert consents.has(person, consents.MEMBERSHIP)
    assert AuditEvent.objects.filter(action="people.person.signed_up", person=person).exists()


def test_signing_up_without_agreeing_is_refused_with_a_reason(world, client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a-very-long-passphrase-9",
            "password2": "a-very-long-passphrase-9",
            "given_name": "Neil",
        },
    )
    assert "You need to agree" in response.content.decode()
    assert not Person.objects.filter(given_name="Neil").exists()


def test_staff_can_set_up_two_step_sign_in(world, client):
    client.post(reverse("account_login"), {"login": "morag@example.org", "password": PASSWORD})
    assert "Two-step sign-in" in client.get(reverse("accounts:settings")).content.decode()
    # Turning it on asks for the password again first, as it should.
    assert client.get(reverse("mfa_activate_totp")).status_code == 302
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert "govuk-button" in page.content.decode()


def test_members_are_not_offered_two_step_sign_in_on_their_account_page(world, client_for):
    page = client_for(world.claire).get(reverse("accounts:settings")).content.decode()
    assert "Two-step sign-in" not in page


@override_settings(COPRODUCE_REQUIRE_STAFF_2FA=True)
def test_when_required_staff_must_set_up_two_step_sign_in_first(world, client_for):
    client = client_for(world.morag)
    response = client.get(reverse("people:list"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    assert client_for(world.claire).get(reverse("people:me")).status_code == 200


@pytest.mark.parametrize("persona, status", [("alasdair", 200), ("morag", 302), ("claire", 302)])
def test_only_administrators_reach_the_back_office(world, client_for, persona, status):
    response = client_for(getattr(world, persona)).get("/back-office/")
    assert response.status_code == status


def test_administrators_can_use_the_back_office_lists(world, client_for):
    client = client_for(world.alasdair)
    assert client.get("/back-office/people/person/").status_code == 200
    assert client.get("/back-office/audit/auditevent/").status_code == 200
