import os
import subprocess
import sys

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from core import glossary
from core.templatetags.glossary import glossary_links, term


def test_every_glossary_term_is_on_the_glossary_page(client, db):
    page = client.get(reverse("core:glossary")).content.decode()
    for t in glossary.TERMS:
        assert f'id="{t.slug}"' in page, t.slug


def test_see_also_links_point_at_real_terms():
    for t in glossary.TERMS:
        for slug in t.also:
            assert glossary.lookup(slug), f"{t.slug} points at unknown {slug}"


def test_terms_link_to_their_meaning():
    html = term("co-design")
    assert 'href="/glossary/#co-design"' in html and "co-design" in html


def test_plain_text_links_the_first_mention_of_each_term_and_escapes_the_rest():
    html = glossary_links("This is consultation <b>not</b> co-design; consultation again.")
    assert html.count('href="/glossary/#consultation"') == 1
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_larger_text_is_remembered_for_the_visit(client, db):
    client.post(reverse("core:text-size"), {"large_print": "on", "next": "/glossary/"})
    assert 'class="govuk-template cp-large-print"' in client.get("/").content.decode()


def test_the_text_size_switch_never_redirects_off_site(client, db):
    response = client.post(
        reverse("core:text-size"), {"large_print": "on", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_unknown_pages_get_a_friendly_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_server_error_page_needs_nothing_but_a_template(rf):
    from core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500 and b"Sorry, something went wrong" in response.content


def test_the_privacy_page_lists_every_consent_purpose(client, db):
    from people.consent import purposes

    page = client.get(reverse("core:privacy")).content.decode()
    for purpose in purposes():
        assert str(purpose.label) in page


def test_only_languages_with_translations_are_offered():
    from core.context_processors import available_languages

    codes = [lang["code"] for lang in available_languages()]
    assert codes[0] == "en-gb"
    for code in codes[1:]:
        assert (settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.mo").exists()


@override_settings(LANGUAGE_CODE="en-gb")
def test_pages_say_what_language_they_are_in(client, db):
    assert '<html lang="en-gb"' in client.get("/").content.decode()


def test_the_deploy_check_passes_with_production_settings():
    inherited = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "COPRODUCE_", "DATABASE_"))
    }
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "coproduce.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "x7!Qm2#pLz9@vR4&kT8^wN1*eY6$hJ3%bC5(dF0)gA-sU_iO+lP=" * 2,
        "DJANGO_ALLOWED_HOSTS": "coproduce.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        "EMAIL_HOST": "smtp.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_get_item_reads_keys_with_dashes_from_mappings_and_record_pages(world):
    from core.templatetags.coproduce import get_item
    from people.pages import RecordPages

    assert get_item({"a-b": 1}, "a-b") == 1
    assert get_item({}, "missing") is None
    assert get_item(RecordPages(world.anne, staff=True), "what-matters").endswith(
        f"/people/{world.anne.pk}/what-matters/"
    )


def test_home_panels_render_with_their_own_context(world, client_for):
    from people.models import PersonAsset

    PersonAsset.objects.create(person=world.claire, category=world.category)
    page = client_for(world.claire).get("/").content.decode()
    assert '<span class="cp-card__count">1</span>' in page


def test_a_term_in_a_sentence_keeps_the_capitals_of_acronyms_and_names():
    from django.template import Context, Template

    def linked(slug):
        html = Template("{% load glossary %}{% term '" + slug + "' %}").render(Context())
        return html.rsplit(">", 2)[-2].removesuffix("</a")

    assert linked("time-bank") == "time bank"
    assert linked("pvg") == "PVG scheme"
    assert linked("four-cos") == "the four Co&#x27;s"
    assert linked("open-referral") == "Open Referral (HSDS)"
