"""The directory's models: HSDS 3.0 objects, the field's extensions, and the workflow."""

from .extension import (  # noqa: F401
    Audience,
    Capacity,
    Claim,
    Referral,
    ServiceProfile,
    Shortlist,
    ShortlistItem,
    Suggestion,
)
from .geo import Postcode  # noqa: F401
from .hsds import (  # noqa: F401
    HSDS_MODELS,
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Funding,
    Language,
    Location,
    Organization,
    OrganizationIdentifier,
    Phone,
    Program,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
