from django.utils.functional import SimpleLazyObject

from .access import Roles, can_manage_person
from .models import Person

SESSION_KEY = "acting_for_person_id"


def _person_for(request) -> Person | None:
    user = request.user
    if not user.is_authenticated:
        return None
    return (
        Person.objects.filter(user=user, erased_at__isnull=True)
        .select_related("partnership")
        .first()
    )


class ActingForMiddleware:
    """Who is here, in what roles, and for whom they act.

    request.person   the signed-in person (or None)
    request.roles    their active roles
    request.acting_for  the member a member of staff is acting for, if any
    request.subject  whose pages "me" pages show: acting_for, else person
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.person = _person_for(request)
        request.roles = SimpleLazyObject(lambda: Roles.for_person(request.person))
        request.acting_for = self._acting_for(request)
        request.subject = request.acting_for or request.person
        return self.get_response(request)

    def _acting_for(self, request) -> Person | None:
        person_id = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if not person_id or request.person is None:
            return None
        subject = Person.objects.filter(pk=person_id, erased_at__isnull=True).first()
        if subject is None or not can_manage_person(request.roles, subject):
            request.session.pop(SESSION_KEY, None)
            return None
        return subject
