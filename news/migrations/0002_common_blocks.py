import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='newspage',
            name='body',
            field=wagtail.fields.StreamField([('paragraph', 0), ('image', 4), ('quote', 7), ('link_list', 14), ('document', 17)], blank=True, block_lookup={0: ('home.blocks.ParagraphBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'link', 'ol', 'ul']}), 1: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describe what the image shows, for people who cannot see it.', 'label': 'Alternative text', 'max_length': 250}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('image', 1), ('alt_text', 2), ('caption', 3)]], {}), 5: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 150, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('quote', 5), ('attribution', 6)]], {}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 150, 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'max_length': 150}), 10: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 11: ('wagtail.blocks.URLBlock', (), {'label': 'Or a web address', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('title', 9), ('page', 10), ('url', 11)]], {}), 13: ('wagtail.blocks.ListBlock', (12,), {'label': 'Links', 'min_num': 1}), 14: ('wagtail.blocks.StructBlock', [[('heading', 8), ('links', 13)]], {}), 15: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to use the document's title.", 'label': 'Link text', 'max_length': 150, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('document', 15), ('title', 16)]], {})}, verbose_name='text'),
        ),
    ]
