from django.contrib import admin

from .models import (
    Area,
    AssetCategory,
    CarerRelationship,
    Consent,
    Membership,
    Organisation,
    Partnership,
    Person,
    PersonAsset,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["display_name", "postcode", "area", "registered_at", "erased_at"]
    list_filter = ["area", "contact_route", "age_band"]
    search_fields = ["given_name", "family_name", "preferred_name", "postcode", "email"]
    inlines = [MembershipInline]
    raw_id_fields = ["user", "registered_by"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AssetCategory)
class AssetCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["person", "purpose", "given_by", "given_at", "withdrawn_at"]
    list_filter = ["purpose", "given_by", "method"]
    raw_id_fields = ["person", "recorded_by", "withdrawn_by"]


admin.site.register(Partnership)
admin.site.register(Area)
admin.site.register(PersonAsset)
admin.site.register(CarerRelationship)
admin.site.register(Membership)
