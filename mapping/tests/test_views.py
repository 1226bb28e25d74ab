"""The register, the classification, the self-assessment and the picture, through the pages."""

import html
import io
import re

from django.urls import reverse
from pypdf import PdfReader

from audit.models import AuditEvent
from mapping.models import Classification, Initiative, Invitation

from .fixtures import fiona_initiative, invitation

INITIATIVE = {
    "name": "Kirkton dementia café",
    "purpose": "A monthly café run with people living with dementia.",
    "client_group": "dementia",
    "stage": "do",
    "status": "running",
    "funding_amount": "1200",
    "funding_source": "Change fund",
    "short_term_funding": "on",
}
CONSULTATION = {
    "defined": "professionals",
    "decided": "professionals",
    "designed": "professionals",
    "delivered": "professionals",
    "assessed": "nobody",
    "views_only": "yes",
    "power_moved": "no",
    "budget_moved": "no",
    "citizens_fund": "no",
    "scope": "system",
    "one_way": "none",
}


def words(response) -> str:
    """The page's text without its markup (glossary links split sentences)."""
    text = re.sub(r"<[^>]+>", "", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


def ratings(value, words="We plan it together"):
    data = {}
    for ingredient in ("assets", "shared_roles", "capacity", "mutuality", "networks", "catalysts"):
        data[f"{ingredient}_rating"] = str(value)
        data[f"{ingredient}_evidence"] = words
    return data


def test_a_commissioner_registers_classifies_and_sees_why(world, client_for):
    client = client_for(world.fiona)
    response = client.post(
        reverse("mapping:initiative-add"),
        {**INITIATIVE, "lead_organisation": world.hscp.pk, "partners": [world.council.pk]},
    )
    initiative = Initiative.objects.get(name="Kirkton dementia café")
    assert response.url == reverse("mapping:initiative-people", kwargs={"pk": initiative.pk})
    assert initiative.owner == world.fiona
    client.post(
        reverse("mapping:initiative-people", kwargs={"pk": initiative.pk}),
        {
            "users_number": "12",
            "users_part": "views",
            "frontline_number": "3",
            "frontline_part": "delivering",
        },
    )
    assert initiative.participations.count() == 2
    client.post(reverse("mapping:initiative-questions", kwargs={"pk": initiative.pk}), CONSULTATION)
    response = client.get(reverse("mapping:classification", kwargs={"pk": initiative.pk}))
    assert "this is consultation, not co-design" in words(response)
    assert "/glossary/#consultation" in response.content.decode()
    assert re.search(
        r"Who defined the problem\?</dt>\s*<dd[^>]*>Professionals, on their own<",
        response.content.decode(),
    )
    assert Classification.objects.get(initiative=initiative).ladder == 4


def test_unanswered_questions_keep_what_was_typed_and_say_so(world, client_for):
    initiative = fiona_initiative(world)
    response = client_for(world.fiona).post(
        reverse("mapping:initiative-questions", kwargs={"pk": initiative.pk}),
        {"defined": "citizens"},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_the_owner_disagrees_with_a_recorded_reason_that_is_shown_and_audited(world, client_for):
    initiative = fiona_initiative(world)
    client = client_for(world.fiona)
    url = reverse("mapping:classification-disagree", kwargs={"pk": initiative.pk})
    assert "Say why you disagree" in client.post(url, {"disagreement": ""}).content.decode()
    client.post(
        url, {"disagreement": "The carers chose the final plan.", "owner_view": "co-design"}
    )
    page = (
        client_for(world.bill)
        .get(reverse("mapping:classification", kwargs={"pk": initiative.pk}))
        .content.decode()
    )
    assert "The carers chose the final plan." in page
    assert AuditEvent.objects.filter(action="mapping.classification.disputed").exists()


def test_a_respondent_answers_by_link_and_staff_enter_a_paper_answer(world, client, client_for):
    initiative = fiona_initiative(world)
    online, token = invitation(world)
    paper, _token = invitation(world)
    paper.group = "staff"
    paper.save()
    url = reverse("mapping:respond", kwargs={"token": token})
    page = words(client.get(url))
    assert initiative.name in page and "Respondent" not in page
    response = client.post(url, ratings(2, "Staff still decide everything"))
    assert "Thank you" in response.content.decode()
    assert client.post(url, ratings(5)).status_code == 200  # answered already, nothing changes
    client_for(world.fiona).post(
        reverse("mapping:invitation-paper", kwargs={"pk": paper.pk}),
        {**ratings(5), "mode": "paper"},
    )
    paper.refresh_from_db()
    assert paper.mode == "paper" and paper.entered_by == world.fiona
    page = (
        client_for(world.bill)
        .get(reverse("mapping:ingredients", kwargs={"pk": initiative.pk}))
        .content.decode()
    )
    assert "3.0" in page  # the gap between staff (5) and people who use services (2)
    assert "see assets differently" in page


def test_a_respondent_signed_in_sees_only_their_own_invitation(world, client_for):
    mine, _token = invitation(world, person=world.claire)
    theirs, _token = invitation(world, person=world.anne)
    client = client_for(world.claire)
    assert client.get(reverse("mapping:my-invitation", kwargs={"pk": mine.pk})).status_code == 200
    assert client.get(reverse("mapping:my-invitation", kwargs={"pk": theirs.pk})).status_code == 404
    listing = client.get(reverse("mapping:my-invitations")).content.decode()
    assert listing.count("Carers&#x27; forum") == 1


def test_the_picture_shows_the_star_and_the_gaps(world, client_for):
    fiona_initiative(world)
    response = client_for(world.bill).get(reverse("mapping:picture"))
    page = words(response)
    assert 'id="star-table"' in response.content.decode() and "<svg" in response.content.decode()
    assert "1 of 1 initiative has no co-assessment." in page
    assert "No initiative reaches co-innovation." in page


def test_the_board_pack_pdf_holds_the_star_and_the_gaps(world, client_for):
    fiona_initiative(world)
    response = client_for(world.bill).get(reverse("mapping:board-pack"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "The co-production star" in text
    assert "Co-assessment" in text  # the star's axes and its table
    assert "No initiative reaches co-innovation." in text
    assert "What is missing" in text


def test_the_register_exports_as_csv_and_xlsx(world, client_for):
    fiona_initiative(world)
    client = client_for(world.fiona)
    csv = client.get(reverse("mapping:export", kwargs={"kind": "register", "fmt": "csv"}))
    assert "Carers' forum" in csv.content.decode()
    xlsx = client.get(reverse("mapping:export", kwargs={"kind": "assessments", "fmt": "xlsx"}))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_kirsty_does_not_see_initiatives_of_other_organisations_in_the_list(world, client_for):
    fiona_initiative(world)
    page = client_for(world.kirsty).get(reverse("mapping:initiatives")).content.decode()
    assert "Carers" not in page


def test_drivers_and_barriers_are_loaded_and_counted(world, client_for):
    from mapping.models import Factor

    initiative = fiona_initiative(world)
    barrier = Factor.objects.get(partnership=None, name="Short-term funding")
    client = client_for(world.fiona)
    client.post(
        reverse("mapping:initiative-factors", kwargs={"pk": initiative.pk}),
        {"barriers": [barrier.pk]},
    )
    client.post(reverse("mapping:factors"), {"kind": "barrier", "name": "Venue too far away"})
    page = client.get(reverse("mapping:factors")).content.decode()
    assert "Short-term funding" in page and "Venue too far away" in page
    assert Factor.objects.filter(partnership__isnull=True).count() == 27


def test_priorities_name_quick_wins_and_hard_slogs(world, client_for):
    from mapping.models import Activity

    client = client_for(world.fiona)
    client.post(reverse("mapping:activity-add"), {"name": "User ratings of home care"})
    client.post(reverse("mapping:activity-add"), {"name": "Rebuild the IT system"})
    quick = Activity.objects.get(name="User ratings of home care")
    slog = Activity.objects.get(name="Rebuild the IT system")
    for person, (i, e) in ((world.fiona, (5, 1)), (world.bill, (4, 2))):
        client_for(person).post(
            reverse("mapping:activity-score", kwargs={"pk": quick.pk}),
            {"impact": str(i), "effort": str(e)},
        )
    client.post(
        reverse("mapping:activity-score", kwargs={"pk": slog.pk}), {"impact": "1", "effort": "5"}
    )
    page = client.get(reverse("mapping:priorities")).content.decode()
    quick_section = page.split('id="quick-wins"')[1].split("</ul>")[0]
    slog_section = page.split('id="hard-slogs"')[1].split("</ul>")[0]
    assert "User ratings of home care" in quick_section
    assert "Rebuild the IT system" in slog_section


def test_a_snapshot_per_period_shows_change(world, client_for):
    fiona_initiative(world)
    client = client_for(world.fiona)
    client.post(reverse("mapping:snapshots"), {"period": "2026 q3"})
    client.post(reverse("mapping:snapshots"), {"period": "2026 Q4"})
    page = client.get(reverse("mapping:snapshots")).content.decode()
    assert "2026 Q3" in page and "2026 Q4" in page and "<svg" in page
    bad = client.post(reverse("mapping:snapshots"), {"period": "last week"})
    assert "Enter a period like 2026 Q4" in bad.content.decode()


def test_an_invitation_stores_only_a_hash_of_its_token(world):
    found, token = invitation(world)
    assert token not in Invitation.objects.get(pk=found.pk).token_hash


def test_an_initiative_links_to_things_other_apps_register(world, client_for):
    from core import linkables
    from people.models import Organisation

    key = "people.organisation"
    linkables.register(
        linkables.Linkable(
            key=key,
            label="Organisation",
            choices=lambda partnership: Organisation.objects.filter(partnership=partnership),
        )
    )
    try:
        initiative = fiona_initiative(world)
        client = client_for(world.fiona)
        url = reverse("mapping:initiative-links", kwargs={"pk": initiative.pk})
        bad = client.post(url, {"thing": f"{key}:999999"})
        assert "Select a valid choice" in bad.content.decode()
        client.post(url, {"thing": f"{key}:{world.other_org.pk}"})
        page = client.get(initiative.get_absolute_url()).content.decode()
        assert "Kirkton-Trust" in page
        link = initiative.links.get()
        client.post(
            reverse("mapping:link-remove", kwargs={"pk": initiative.pk, "link_pk": link.pk})
        )
        assert not initiative.links.exists()
    finally:
        linkables._linkables.pop(key, None)


def test_the_register_works_when_nothing_is_linkable(world, client_for):
    from core import linkables

    saved = dict(linkables._linkables)
    linkables._linkables.clear()
    try:
        initiative = fiona_initiative(world)
        page = client_for(world.fiona).get(
            reverse("mapping:initiative-links", kwargs={"pk": initiative.pk})
        )
        assert "There is nothing on this site to link to yet" in page.content.decode()
    finally:
        linkables._linkables.update(saved)


def test_a_respondents_words_are_exported_and_erased_with_them(world):
    from mapping import services
    from people.erasure import person_erase
    from people.export import person_export

    found, _token = invitation(world, person=world.claire)
    services.ingredients_answer(
        invitation=found,
        ratings={
            k: (3, "plugh words")
            for k in ("assets", "shared_roles", "capacity", "mutuality", "networks", "catalysts")
        },
    )
    assert "plugh words" in str(person_export(world.claire))
    person_erase(person=world.claire, by=world.alasdair.user)
    assert not found.answers.filter(evidence__contains="plugh").exists()
    assert found.answers.filter(rating=3).count() == 6
