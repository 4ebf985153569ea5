
"""An action point's description takes the common blocks of ``home.blocks``. Its quotes, stored
as ``{"text", "author"}``, become ``{"quote", "attribution"}`` like every other quote: in the
pages and in every revision (drafts, scheduled and earlier versions), and back on reverse."""

import wagtail.fields
from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import RenameStructChildrenOperation


def renamed_quote_children(renames):
    return MigrateStreamData(
        app_name="agenda",
        model_name="ActionPointPage",
        field_name="description",
        operations_and_block_paths=[
            (RenameStructChildrenOperation(old_name=old, new_name=new), "quote")
            for old, new in renames
        ],
    ).code


forward = renamed_quote_children([("text", "quote"), ("author", "attribution")])
backward = renamed_quote_children([("quote", "text"), ("attribution", "author")])


class Migration(migrations.Migration):

    dependencies = [
        ('agenda', '0002_default_themes'),
    ]

    operations = [
        migrations.AlterField(
            model_name='actionpointpage',
            name='description',
            field=wagtail.fields.StreamField([('paragraph', 0), ('quote', 3)], blank=True, block_lookup={0: ('home.blocks.ParagraphBlock', (), {'features': ['h3', 'bold', 'italic', 'link', 'ul', 'ol']}), 1: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 150, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('quote', 1), ('attribution', 2)]], {})}, verbose_name='description'),
        ),
        migrations.RunPython(forward, backward),
    ]
