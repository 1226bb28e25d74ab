"""Load the standard drivers and barriers of DOMAIN.md §3.9."""

from django.db import migrations


def load(apps, schema_editor):
    from mapping.factors import BARRIERS, DRIVERS

    Factor = apps.get_model("mapping", "Factor")
    for kind, names in (("barrier", BARRIERS), ("driver", DRIVERS)):
        for name in names:
            Factor.objects.get_or_create(partnership=None, kind=kind, name=name)


def unload(apps, schema_editor):
    apps.get_model("mapping", "Factor").objects.filter(partnership=None).delete()


class Migration(migrations.Migration):
    dependencies = [("mapping", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
