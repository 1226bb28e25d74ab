"""Access helpers for views: sign-in first, then the role the page needs."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def role_required(test: Callable) -> Callable:
    """Build a decorator: signed in, and test(request.roles) is true, else 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not test(request.roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


staff_required = role_required(lambda roles: roles.is_staff)
caseworker_required = role_required(lambda roles: roles.is_caseworker)
admin_required = role_required(lambda roles: roles.is_admin)
person_required = role_required(lambda roles: roles.person is not None)
