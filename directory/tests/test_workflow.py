"""Co-producing the list: suggestions, review, claims, freshness, signposting."""

import datetime
import time

import pytest
from django.core import signing
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEvent
from core.errors import DomainError
from directory import services
from directory.forms import TIMESTAMP_SALT
from directory.models import Claim, Referral, Service, ServiceProfile, Suggestion
from directory.search import Query, search
from people.models import Notice

from .factories import category, entry, suggestion


def _form(**extra):
    data = {
        "name": "Kirkton Riverside Walkers",
        "description": "A friendly walk by the river.",
        "capacity": "taking",
        "contact_email": "walker@example.org",
        "started": signing.dumps(time.time() - 30, salt=TIMESTAMP_SALT),
    }
    data.update(extra)
    return data


def test_anyone_can_suggest_a_new_entry_without_signing_in(world, client):
    response = client.post(reverse("directory:suggest"), _form())
    assert response.status_code == 302
    s = Suggestion.objects.get()
    assert s.kind == "new" and s.proposed["name"] == "Kirkton Riverside Walkers"
    assert AuditEvent.objects.filter(action="directory.suggestion.made").exists()


def test_robots_are_turned_away_by_the_honeypot_and_the_timestamp(world, client):
    url = reverse("directory:suggest")
    client.post(url, _form(nickname="buy pills"))
    client.post(url, _form(started=signing.dumps(time.time(), salt=TIMESTAMP_SALT)))
    client.post(url, _form(started="forged"))
    assert not Suggestion.objects.exists()
    response = client.post(url, _form(started="forged"))
    assert "Kirkton Riverside Walkers" in response.content.decode()  # keeps what was typed


def test_an_anonymous_suggestion_needs_an_email_to_reply_to(world, client):
    response = client.post(reverse("directory:suggest"), _form(contact_email=""))
    assert response.status_code == 200 and not Suggestion.objects.exists()


def test_approving_adds_the_entry_and_tells_the_suggester(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    s = suggestion(world.partnership)
    with django_capture_on_commit_callbacks(execute=True):
        service = services.suggestion_approve(suggestion=s, by=world.priya.user)
    assert Service.objects.filter(pk=service.pk).exists()
    assert search(Query(partnership=world.partnership, text="riverside")).items == [service]
    assert mailoutbox and "added" in mailoutbox[0].subject
    with pytest.raises(DomainError):
        services.suggestion_approve(suggestion=s, by=world.priya.user)


def test_rejecting_needs_a_reason_that_a_known_person_gets_as_a_notice(world):
    s = suggestion(world.partnership, suggested_by=world.claire)
    with pytest.raises(DomainError):
        services.suggestion_reject(suggestion=s, by=world.priya.user, reason=" ")
    services.suggestion_reject(suggestion=s, by=world.priya.user, reason="It closed last year.")
    notice = Notice.objects.get(person=world.claire)
    assert "It closed last year." in notice.body


def test_the_editor_sees_a_correction_as_a_diff_and_can_edit_then_approve(world, client_for):
    service = entry(world.partnership, "Kirkton Lunch Club")
    s = services.suggestion_submit(
        partnership=world.partnership,
        service=service,
        proposed={
            "name": "Kirkton Lunch Club",
            "description": "Now on Thursdays too.",
            "organization": "Kirkton Community Trust",
        },
        contact_email="a@example.org",
    )
    client = client_for(world.priya)
    body = client.get(reverse("directory:suggestion", kwargs={"pk": s.pk})).content.decode()
    assert "<del>A hot lunch and good company every week.</del>" in body
    assert "<ins>Now on Thursdays too.</ins>" in body
    response = client.post(
        reverse("directory:suggestion-edit", kwargs={"pk": s.pk}),
        {
            "name": "Kirkton Lunch Club",
            "description": "Tuesdays and Thursdays.",
            "capacity": "taking",
        },
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.description == "Tuesdays and Thursdays."
    assert service.history.count() >= 2


def test_reject_through_the_page_keeps_the_form_when_no_reason(world, client_for):
    s = suggestion(world.partnership)
    client = client_for(world.priya)
    url = reverse("directory:suggestion", kwargs={"pk": s.pk})
    assert client.post(url, {"action": "reject", "reason": ""}).status_code == 200
    assert client.post(url, {"action": "reject", "reason": "Duplicate"}).status_code == 302
    s.refresh_from_db()
    assert s.status == "rejected" and s.reason == "Duplicate"


def test_an_organisation_claims_an_entry_and_then_keeps_it(world, client_for):
    service = entry(world.partnership)
    client = client_for(world.kirsty)
    edit = reverse("directory:entry-edit", kwargs={"pk": service.pk})
    assert client.get(edit).status_code == 403
    client.post(
        reverse("directory:claim", kwargs={"pk": service.pk}), {"organisation": world.other_org.pk}
    )
    claim = Claim.objects.get()
    client_for(world.priya).post(
        reverse("directory:claim-decide", kwargs={"pk": claim.pk}), {"action": "approve"}
    )
    client = client_for(world.kirsty)
    assert client.get(edit).status_code == 200
    response = client.post(reverse("directory:entry-check", kwargs={"pk": service.pk}))
    assert response.status_code == 302


def test_turning_down_a_claim_needs_a_reason(world):
    claim = Claim.objects.create(service=entry(world.partnership), organisation=world.other_org)
    with pytest.raises(DomainError):
        services.claim_decide(claim=claim, by=world.priya.user, approve=False)


def test_reminders_go_to_owners_and_entries_sink_after_three(world):
    service = entry(world.partnership)
    world.other_org.email = "trust@example.org"
    world.other_org.save()
    Service.objects.filter(pk=service.pk).update(assured_date=datetime.date(2020, 1, 1))
    ServiceProfile.objects.filter(service=service).update(owner=world.other_org)
    sent = []
    for _ in range(3):
        services.send_reminders(
            partnership=world.partnership,
            today=datetime.date.today(),
            send=lambda to, s, b: sent.append(to),
        )
        ServiceProfile.objects.filter(service=service).update(last_reminded_at=None)
    assert sent == ["trust@example.org"] * 3
    assert ServiceProfile.objects.get(service=service).freshness == 2
    services.entry_mark_checked(service=Service.objects.get(pk=service.pk), by=world.priya.user)
    assert ServiceProfile.objects.get(service=service).freshness == 0


def test_the_reminder_command_runs_as_a_task(world):
    entry(world.partnership)
    call_command("directory_reminders")


def test_the_link_checker_marks_broken_links_without_the_network(world):
    good = entry(world.partnership, "Good", url="https://good.example.org")
    bad = entry(world.partnership, "Bad", url="https://bad.example.org")

    def fetch(url):
        if "bad" in url:
            raise OSError("no route")
        return 200

    counts = services.check_links(partnership=world.partnership, fetch=fetch)
    assert counts == {"checked": 2, "broken": 1}
    assert ServiceProfile.objects.get(service=bad).link_broken_since is not None
    assert ServiceProfile.objects.get(service=good).link_broken_since is None


def test_a_shortlist_printed_or_sent_is_recorded_as_referrals(world, client_for):
    lunch = entry(world.partnership, "Kirkton Lunch Club", category=str(category().pk))
    client = client_for(world.morag)
    url = reverse("directory:shortlist-new", kwargs={"person_pk": world.anne.pk})
    assert "Kirkton Lunch Club" in client.get(url, {"q": "lunch"}).content.decode()
    response = client.post(url + "?q=lunch", {"services": [str(lunch.pk)], "note": "See you there"})
    assert response.status_code == 302
    give = response["Location"].rstrip("/") + "/give/"
    client.post(give, {"route": "printed"})
    client.post(give, {"route": "sent"})
    assert Referral.objects.filter(person=world.anne, service=lunch).count() == 2
    assert Notice.objects.filter(person=world.anne, source="directory.referral.made").exists()
    assert AuditEvent.objects.filter(action="directory.referral.made").count() == 2


def test_a_persons_record_links_to_a_shortlist_for_them(world, client_for):
    url = reverse("directory:shortlist-new", kwargs={"person_pk": world.anne.pk})
    page = client_for(world.morag).get(world.anne.get_absolute_url()).content.decode()
    assert f'href="{url}"' in page
