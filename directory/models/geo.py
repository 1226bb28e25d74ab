"""UK postcode centroids with the areas they fall in (from the ONS Postcode Directory)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Postcode(models.Model):
    postcode = models.CharField(_("postcode"), max_length=8, unique=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    council_code = models.CharField(max_length=9, blank=True)
    health_board_code = models.CharField(max_length=9, blank=True)
    partnership_code = models.CharField(max_length=9, blank=True)

    class Meta:
        verbose_name = _("postcode")

    def __str__(self):
        return self.postcode

    @property
    def area_codes(self) -> list[str]:
        return [c for c in (self.council_code, self.health_board_code, self.partnership_code) if c]
