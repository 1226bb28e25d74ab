"""Open Referral HSDS 3.0 objects, with HSDS names and UUID identifiers.

Field names follow the specification exactly so data moves in and out without
translation. The only additions are `partnership` (explicit scoping) on the
top-level objects; everything the field needs beyond HSDS lives in
`extension.py`, so an export stays clean HSDS.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

GSS_URI = "http://statistics.data.gov.uk/id/statistical-geography/"


def _fk(to, related_name, *, required=False):
    return models.ForeignKey(
        to,
        on_delete=models.CASCADE if required else models.SET_NULL,
        null=not required,
        blank=not required,
        related_name=related_name,
    )


class HSDSModel(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class Taxonomy(HSDSModel):
    partnership = models.ForeignKey(
        "people.Partnership", on_delete=models.CASCADE, null=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    uri = models.CharField(max_length=500, blank=True)
    version = models.CharField(max_length=50, blank=True)

    class Meta:
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")

    def __str__(self):
        return self.name


class TaxonomyTerm(HSDSModel):
    code = models.CharField(max_length=100, blank=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    parent = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True)
    taxonomy = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=20, blank=True)
    taxonomy_detail = models.ForeignKey(
        Taxonomy,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_column="taxonomy_id",
        related_name="terms",
    )
    term_uri = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("category")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organization(HSDSModel):
    partnership = models.ForeignKey(
        "people.Partnership", on_delete=models.CASCADE, null=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=300)
    alternate_name = models.CharField(_("other name"), max_length=300, blank=True)
    description = models.TextField(_("what it does"))
    email = models.CharField(_("email"), max_length=254, blank=True)
    website = models.CharField(_("website"), max_length=500, blank=True)
    tax_status = models.CharField(max_length=100, blank=True)
    tax_id = models.CharField(max_length=100, blank=True)
    year_incorporated = models.IntegerField(null=True, blank=True)
    legal_status = models.CharField(max_length=100, blank=True)
    logo = models.CharField(max_length=500, blank=True)
    uri = models.CharField(max_length=500, blank=True)
    parent_organization = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganizationIdentifier(HSDSModel):
    organization = _fk(Organization, "organization_identifiers", required=True)
    identifier_scheme = models.CharField(max_length=100, blank=True)
    identifier_type = models.CharField(max_length=100)
    identifier = models.CharField(max_length=100)

    def __str__(self):
        return self.identifier


class Program(HSDSModel):
    organization = _fk(Organization, "programs", required=True)
    name = models.CharField(max_length=300)
    alternate_name = models.CharField(max_length=300, blank=True)
    description = models.TextField()

    def __str__(self):
        return self.name


class Service(HSDSModel):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Running")
        INACTIVE = "inactive", _("Not running")
        DEFUNCT = "defunct", _("Closed for good")
        TEMPORARILY_CLOSED = "temporarily closed", _("Closed for now")

    partnership = models.ForeignKey(
        "people.Partnership", on_delete=models.CASCADE, null=True, related_name="+"
    )
    organization = _fk(Organization, "services", required=True)
    program = _fk(Program, "services")
    name = models.CharField(_("name"), max_length=300)
    alternate_name = models.CharField(_("other name"), max_length=300, blank=True)
    description = models.TextField(_("what it offers"), blank=True)
    url = models.CharField(_("website"), max_length=500, blank=True)
    email = models.CharField(_("email"), max_length=254, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    interpretation_services = models.TextField(blank=True)
    application_process = models.TextField(_("how to join or get help"), blank=True)
    fees_description = models.TextField(_("costs"), blank=True)
    wait_time = models.CharField(max_length=200, blank=True)
    fees = models.TextField(blank=True)
    accreditations = models.TextField(blank=True)
    eligibility_description = models.TextField(_("who it is for"), blank=True)
    minimum_age = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    maximum_age = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    assured_date = models.DateField(_("last checked"), null=True, blank=True)
    assurer_email = models.CharField(max_length=254, blank=True)
    licenses = models.TextField(blank=True)
    alert = models.TextField(_("alert"), blank=True)
    last_modified = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("directory:service", kwargs={"pk": self.pk})


class Location(HSDSModel):
    class LocationType(models.TextChoices):
        PHYSICAL = "physical", _("A place you can visit")
        POSTAL = "postal", _("A postal address")
        VIRTUAL = "virtual", _("Online")

    partnership = models.ForeignKey(
        "people.Partnership", on_delete=models.CASCADE, null=True, related_name="+"
    )
    location_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    url = models.CharField(max_length=500, blank=True)
    organization = _fk(Organization, "locations")
    name = models.CharField(_("name"), max_length=300, blank=True)
    alternate_name = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    transportation = models.TextField(_("getting there"), blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    external_identifier = models.CharField(max_length=100, blank=True)
    external_identifier_type = models.CharField(max_length=100, blank=True)
    history = HistoricalRecords()

    def __str__(self):
        return self.name or str(self.id)


class ServiceAtLocation(HSDSModel):
    service = _fk(Service, "service_at_locations", required=True)
    location = _fk(Location, "service_at_locations", required=True)
    description = models.TextField(blank=True)

    def __str__(self):
        return str(self.id)


class Address(HSDSModel):
    class AddressType(models.TextChoices):
        PHYSICAL = "physical", _("Where it is")
        POSTAL = "postal", _("For letters")
        VIRTUAL = "virtual", _("Online")

    location = _fk(Location, "addresses")
    attention = models.CharField(max_length=200, blank=True)
    address_1 = models.CharField(_("address"), max_length=300)
    address_2 = models.CharField(max_length=300, blank=True)
    city = models.CharField(_("town"), max_length=200)
    region = models.CharField(max_length=200, blank=True)
    state_province = models.CharField(max_length=200)
    postal_code = models.CharField(_("postcode"), max_length=20)
    country = models.CharField(max_length=2)
    address_type = models.CharField(
        max_length=10, choices=AddressType.choices, default=AddressType.PHYSICAL
    )

    def __str__(self):
        return f"{self.address_1}, {self.city}"


class Contact(HSDSModel):
    organization = _fk(Organization, "contacts")
    service = _fk(Service, "contacts")
    service_at_location = _fk(ServiceAtLocation, "contacts")
    location = _fk(Location, "contacts")
    name = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True)
    department = models.CharField(max_length=200, blank=True)
    email = models.CharField(max_length=254, blank=True)

    def __str__(self):
        return self.name or str(self.id)


class Phone(HSDSModel):
    location = _fk(Location, "phones")
    service = _fk(Service, "phones")
    organization = _fk(Organization, "phones")
    contact = _fk(Contact, "phones")
    service_at_location = _fk(ServiceAtLocation, "phones")
    number = models.CharField(max_length=50)
    extension = models.IntegerField(null=True, blank=True)
    type = models.CharField(max_length=20, blank=True)
    description = models.TextField(blank=True)

    def __str__(self):
        return self.number


class Schedule(HSDSModel):
    service = _fk(Service, "schedules")
    location = _fk(Location, "schedules")
    service_at_location = _fk(ServiceAtLocation, "schedules")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    dtstart = models.DateField(null=True, blank=True)
    timezone = models.FloatField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    count = models.IntegerField(null=True, blank=True)
    wkst = models.CharField(max_length=2, blank=True)
    freq = models.CharField(max_length=10, blank=True)
    interval = models.IntegerField(null=True, blank=True)
    byday = models.CharField(max_length=100, blank=True)
    byweekno = models.CharField(max_length=200, blank=True)
    bymonthday = models.CharField(max_length=200, blank=True)
    byyearday = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    schedule_link = models.CharField(max_length=500, blank=True)
    attending_type = models.CharField(max_length=300, blank=True)
    notes = models.TextField(blank=True)

    def __str__(self):
        return self.byday or str(self.id)


class ServiceArea(HSDSModel):
    service = _fk(Service, "service_areas")
    name = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    extent = models.TextField(blank=True)
    extent_type = models.CharField(max_length=50, blank=True)
    # A named area is identified by its GSS code's URI, so postcodes can be matched.
    uri = models.CharField(max_length=500, blank=True, db_index=True)

    def __str__(self):
        return self.name or str(self.id)


class CostOption(HSDSModel):
    service = _fk(Service, "cost_options", required=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    option = models.CharField(max_length=300, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=300, blank=True)

    def __str__(self):
        return self.option or str(self.id)


class Language(HSDSModel):
    service = _fk(Service, "languages")
    location = _fk(Location, "languages")
    phone = _fk(Phone, "languages")
    name = models.CharField(max_length=100, blank=True)
    code = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)

    def __str__(self):
        return self.name or self.code


class Accessibility(HSDSModel):
    location = _fk(Location, "accessibility")
    description = models.TextField(blank=True)
    details = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)

    def __str__(self):
        return self.description[:50]


class Funding(HSDSModel):
    organization = _fk(Organization, "funding")
    service = _fk(Service, "funding")
    source = models.TextField(blank=True)

    def __str__(self):
        return self.source[:50]


class RequiredDocument(HSDSModel):
    service = _fk(Service, "required_documents")
    document = models.TextField(blank=True)
    uri = models.CharField(max_length=500, blank=True)

    def __str__(self):
        return self.document[:50]


class Attribute(HSDSModel):
    """HSDS links anything to a taxonomy term this way; services' categories are attributes."""

    link_id = models.UUIDField(db_index=True)
    taxonomy_term = models.ForeignKey(TaxonomyTerm, on_delete=models.CASCADE, related_name="+")
    link_type = models.CharField(max_length=100, blank=True)
    link_entity = models.CharField(max_length=50)
    value = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["taxonomy_term", "link_id"], name="dir_attr_term_link")]

    # Every HSDS table in the order an import must load them (parents first), with
    # its CSV file name in the tabular data package.

    def __str__(self):
        return f"{self.link_entity}:{self.link_id}"


HSDS_MODELS = [
    ("taxonomy", "taxonomies.csv", Taxonomy),
    ("taxonomy_term", "taxonomy_terms.csv", TaxonomyTerm),
    ("organization", "organizations.csv", Organization),
    ("organization_identifier", "organization_identifiers.csv", OrganizationIdentifier),
    ("program", "programs.csv", Program),
    ("service", "services.csv", Service),
    ("location", "locations.csv", Location),
    ("service_at_location", "service_at_location.csv", ServiceAtLocation),
    ("address", "addresses.csv", Address),
    ("contact", "contacts.csv", Contact),
    ("phone", "phones.csv", Phone),
    ("schedule", "schedules.csv", Schedule),
    ("service_area", "service_areas.csv", ServiceArea),
    ("cost_option", "cost_options.csv", CostOption),
    ("language", "languages.csv", Language),
    ("accessibility", "accessibility.csv", Accessibility),
    ("funding", "funding.csv", Funding),
    ("required_document", "required_documents.csv", RequiredDocument),
    ("attribute", "attributes.csv", Attribute),
]
