"""Every page type of the portal stands on ``home.pages.BasePage`` and keeps its own table."""

from wagtail.models import Page, get_page_models

from home.pages import BasePage, IndexPage


def test_every_page_type_stands_on_base_page():
    page_types = [model for model in get_page_models() if model is not Page]

    assert page_types
    assert [model.__name__ for model in page_types if not issubclass(model, BasePage)] == []


def test_every_page_type_links_to_its_own_row_of_page():
    # With two abstract page bases (FormPage before it left AbstractEmailForm) Django kept the
    # base's link instead of the page type's own, and loading the specific page broke.
    for model in get_page_models():
        if model is not Page:
            assert model._meta.parents[Page].model is model, model


def test_index_pages_declare_the_introduction_once():
    index_pages = [model for model in get_page_models() if issubclass(model, IndexPage)]

    assert len(index_pages) >= 11
    for model in index_pages:
        assert model._meta.get_field("intro").verbose_name == "inleiding"
