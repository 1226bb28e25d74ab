from django.core.management import call_command

from directory.models import Service, ServiceProfile, Suggestion


def test_the_demo_directory_is_built_and_safe_to_load_twice(db):
    call_command("seed_demo", quiet=True)
    count = Service.objects.count()
    assert 250 <= count <= 350
    assert ServiceProfile.objects.filter(freshness=2).exists()
    assert ServiceProfile.objects.filter(confidential_address=True).exists()
    assert Suggestion.objects.filter(status="waiting").count() >= 3
    call_command("seed_demo", quiet=True)
    assert Service.objects.count() == count
