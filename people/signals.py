from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def start_in_large_print_if_needed(sender, request, user, **kwargs) -> None:
    """Someone whose record says they need large print gets larger text straight away."""
    person = getattr(user, "person", None)
    if person is not None and person.needs_large_print and hasattr(request, "session"):
        request.session["large_print"] = True
