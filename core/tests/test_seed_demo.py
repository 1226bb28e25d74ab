import hashlib

from django.core.management import call_command

from people.models import Organisation, Partnership, Person, Role


def people_digest() -> str:
    rows = Person.objects.order_by("pk").values_list(
        "given_name", "family_name", "postcode", "age_band", "date_of_birth"
    )
    return hashlib.sha256(repr([r[:4] for r in rows]).encode()).hexdigest()


def test_the_demo_partnership_is_built_and_safe_to_load_twice(db, capsys):
    call_command("seed_demo")
    output = capsys.readouterr().out
    glenbrae = Partnership.objects.get(slug="glenbrae")
    assert Organisation.objects.filter(partnership=glenbrae).count() == 10
    count = Person.objects.filter(partnership=glenbrae).count()
    assert 190 <= count <= 210
    for role in Role.values:
        assert Person.objects.filter(memberships__role=role).exists(), role
    anne = Person.objects.get(given_name="Anne", family_name="Baxter")
    assert anne.user is None and anne.email == "" and anne.effective_age_band() == "75_84"
    for email in ("claire@", "morag@", "iain@", "priya@", "fiona@", "admin@", "bill@"):
        assert email in output
    digest = people_digest()

    call_command("seed_demo", quiet=True)
    assert Person.objects.filter(partnership=glenbrae).count() == count
    assert people_digest() == digest
