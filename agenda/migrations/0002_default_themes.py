from django.db import migrations

THEMES = [
    ("Verkeer en veiligheid", "verkeer-en-veiligheid"),
    ("Groen", "groen"),
    ("Wonen", "wonen"),
    ("Voorzieningen", "voorzieningen"),
    ("Energie", "energie"),
    ("Ontmoeting", "ontmoeting"),
    ("Zorg en welzijn", "zorg-en-welzijn"),
    ("Jeugd", "jeugd"),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("agenda", "Theme")
    for order, (name, slug) in enumerate(THEMES):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("agenda", "0001_initial")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
