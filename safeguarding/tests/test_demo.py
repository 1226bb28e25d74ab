"""The demo: Glenbrae Voluntary Action's policy, checks, Anne's flag, a concern, an overdue visit."""

from core.demo.context import DemoContext
from people import demo as people_demo
from safeguarding import demo, selectors
from safeguarding.models import Check, Concern
from safeguarding.policy import needs_extra_care


def test_the_demo_has_expiring_and_expired_checks_and_is_safe_to_load_twice(db):
    ctx = DemoContext(partnership=None)
    people_demo.seed(ctx)
    assert demo.seed(ctx)
    named = people_demo.personas(ctx.partnership)
    organisation = ctx.partnership.organisations.get(slug=demo.ORG)
    rows = selectors.register(organisation)
    assert len(rows["expired"]) == 1 and len(rows["expiring"]) == 3
    assert needs_extra_care(named["anne"])
    assert Concern.objects.filter(status="open").count() == 1
    assert len(selectors.overdue_visits([organisation])) == 1
    count = Check.objects.count()
    assert demo.seed(ctx) == ""
    assert Check.objects.count() == count
