from django.contrib.auth.backends import BaseBackend


class RoleBackend(BaseBackend):
    """Give people with the administrator role every permission in Django's admin."""

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        if not user_obj.is_active or user_obj.is_anonymous:
            return False
        from people.access import Roles

        person = getattr(user_obj, "person", None)
        return Roles.for_person(person).is_admin

    def has_module_perms(self, user_obj, app_label) -> bool:
        return self.has_perm(user_obj, f"{app_label}.view")
