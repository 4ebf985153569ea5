"""wagtailgeowidget's map picker, with Leaflet served from our own static files.

The package loads Leaflet from unpkg.com; we never use a CDN, so the widget's media point at
``static/vendor/leaflet/`` instead. The tiles are PDOK's (settings ``GEO_WIDGET_LEAFLET_*``).
"""

from django import forms
from django.utils.functional import cached_property

from wagtailgeowidget.panels import LeafletPanel
from wagtailgeowidget.widgets import LeafletField


class LocalLeafletField(LeafletField):
    @cached_property
    def media(self):
        return forms.Media(
            css={
                "all": (
                    "vendor/leaflet/leaflet.css",
                    "wagtailgeowidget/css/leaflet-field.css",
                )
            },
            js=(
                "vendor/leaflet/leaflet.js",
                "wagtailgeowidget/js/leaflet-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
            ),
        )


class LocalLeafletPanel(LeafletPanel):
    def widget_overrides(self):
        return {
            self.field_name: LocalLeafletField(
                address_field=self.address_field,
                zoom_field=self.zoom_field,
                hide_latlng=self.hide_latlng,
                zoom=self.zoom,
                srid=4326,
                id_prefix="id_",
            )
        }
