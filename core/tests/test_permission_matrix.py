"""Every page × every kind of person: who gets in, who is refused.

Each app lists its pages in <app>/tests/permissions.py; this test runs them
all, and fails if any named page of a Coproduce app is missing from the
lists, so a new page cannot ship without deciding who may see it.
"""

import importlib

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.testing import OK, ROLES, classify

# Namespaces that belong to libraries, tested by their authors.
LIBRARY_NAMESPACES = {"admin"}


def all_rules() -> list:
    rules = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.tests.permissions")
        except ModuleNotFoundError:
            continue
        rules.extend(module.RULES)
    return rules


def named_urls(patterns=None, namespace="") -> set[str]:
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else (pattern.namespace or namespace)
            )
            names |= named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and namespace:
            names.add(f"{namespace}:{pattern.name}")
    return {name for name in names if name.split(":")[0] not in LIBRARY_NAMESPACES}


RULES = all_rules()


def test_every_page_of_every_app_is_in_the_matrix():
    covered = {rule.url_name for rule in RULES}
    missing = sorted(named_urls() - covered)
    assert not missing, f"Add these pages to a tests/permissions.py: {missing}"


def test_every_rule_names_every_kind_of_person():
    for rule in RULES:
        assert set(rule.expect) == set(ROLES), rule.url_name


# Something only Anne's caseworkers may see: it must never leak elsewhere.
ANNE_SECRET = "01592 610214"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.method}-{r.url_name}")
def test_each_kind_of_person_gets_what_the_matrix_says(rule, world, client_for):
    failures = []
    for role in ROLES:
        url = reverse(rule.url_name, kwargs=rule.reverse_kwargs(world))
        client = client_for(world.persona(role))
        if rule.method == "post":
            data = rule.data(world) if callable(rule.data) else (rule.data or {})
            response = client.post(url, data)
        else:
            response = client.get(url)
        outcome = classify(response)
        if outcome != rule.expect[role]:
            failures.append(f"{role}: expected {rule.expect[role]}, got {outcome}")
        elif outcome == OK and role not in ("broker", "administrator"):
            body = response.content.decode(errors="ignore")
            if ANNE_SECRET in body:
                failures.append(f"{role}: saw Anne's phone number")
    assert not failures, f"{rule.method.upper()} {rule.url_name}:\n" + "\n".join(failures)


NONSENSE_QUERY = {
    "page": "-3",
    "q": "<script>alert(1)</script>' OR 1=1 --",
    "organisation": "999999999",
    "area": "abc",
    "sort": "nonsense",
    "format": "exe",
    "since_day": "40",
    "since_month": "x",
    "since_year": "-1",
    "distance": "-5",
    "postcode": "???",
}
NONSENSE_FORM = {
    **NONSENSE_QUERY,
    "given_name": "x" * 5000,
    "date_of_birth_day": "99",
    "date_of_birth_month": "13",
    "date_of_birth_year": "0",
    "contact_route": "pigeon",
    "purposes": ["nonsense"],
    "category": "not-a-number",
    "minutes": "-90",
    "email": "not-an-email",
    "role": "emperor",
    "kind": "?",
    "confirm": "maybe",
}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.method}-{r.url_name}")
def test_no_page_fails_on_nonsense_input(rule, world, client_for):
    """Whatever is typed or put in the address, the answer is never a server error."""
    for role in ("anonymous", "member", "broker", "administrator"):
        url = reverse(rule.url_name, kwargs=rule.reverse_kwargs(world))
        client = client_for(world.persona(role))
        responses = [client.get(url, NONSENSE_QUERY), client.post(url, NONSENSE_FORM)]
        for response in responses:
            assert response.status_code < 500, f"{role}: {response.status_code} at {url}"
