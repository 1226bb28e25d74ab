"""Building blocks for the mapping tests: Fiona's initiative, classified, with invitations."""

from mapping import services
from mapping.models import Initiative, Invitation, Link


def fiona_initiative(world) -> Initiative:
    """Fiona (a commissioner at the HSCP) owns it; the council is a partner."""
    found = Initiative.objects.filter(partnership=world.partnership, name="Carers' forum").first()
    if found:
        return found
    initiative = Initiative(
        partnership=world.partnership,
        name="Carers' forum",
        purpose="Carers meet monthly to shape respite services.",
        owner=world.fiona,
        lead_organisation=world.hscp,
        stage=Initiative.Stage.PLAN,
        client_group="carers",
    )
    services.initiative_save(
        initiative=initiative, partners=[world.council], by=world.fiona.user, created=True
    )
    services.classification_answer(
        initiative=initiative,
        answers={
            "defined": "professionals",
            "decided": "professionals",
            "designed": "together",
            "delivered": "professionals",
            "assessed": "nobody",
            "views_only": True,
            "power_moved": False,
            "budget_moved": False,
            "citizens_fund": False,
            "scope": "system",
            "one_way": "none",
        },
        by=world.fiona.user,
        person=world.fiona,
    )
    return initiative


def initiative_pk(world) -> dict:
    return {"pk": fiona_initiative(world).pk}


def invitation(world, person=None) -> tuple[Invitation, str]:
    return services.invitation_create(
        initiative=fiona_initiative(world),
        group="users",
        label="Respondent",
        person=person,
        by=world.fiona.user,
        inviter=world.fiona,
    )


def link_kwargs(world) -> dict:
    initiative = fiona_initiative(world)
    link, _ = Link.objects.get_or_create(
        initiative=initiative, key="timebank.timebank", object_id=1
    )
    return {"pk": initiative.pk, "link_pk": link.pk}
