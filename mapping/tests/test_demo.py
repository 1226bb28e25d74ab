"""Glenbrae's mapping demo: a dozen initiatives of every kind, loaded once."""

from core.demo.context import DemoContext
from mapping import demo
from mapping.models import Classification, Initiative, Invitation, Snapshot
from mapping.selectors import picture
from people import demo as people_demo


def test_the_demo_register_has_every_kind_and_loads_once(db):
    ctx = DemoContext(partnership=None)
    people_demo.seed(ctx)
    assert demo.seed(ctx)
    glenbrae = ctx.partnership
    assert Initiative.objects.filter(partnership=glenbrae).count() == 13
    found = Classification.objects.filter(initiative__partnership=glenbrae)
    assert found.filter(really_between_organisations=True).exists()
    assert found.filter(ladder=4).exists()  # the consultation
    assert found.filter(level=3).exists()  # the carers' board with its budget
    assert set(found.values_list("ladder", flat=True)) >= {2, 3, 4, 5, 6, 7}
    assert Snapshot.objects.filter(partnership=glenbrae).count() == 2
    result = picture(glenbrae)
    gaps = " ".join(result.gaps)
    assert "differently" in gaps  # staff and people who use services disagree
    assert "not been classified" in gaps
    assert Invitation.objects.filter(person__given_name="Claire", answered_at=None).exists()
    assert demo.seed(ctx) == ""
    assert Initiative.objects.filter(partnership=glenbrae).count() == 13
