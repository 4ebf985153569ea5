"""Tree rules: the home page holds the municipality-level sections, a kern sits under it."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from kernen.models import KernPage


class TreeRulesTest(WagtailPageTestCase):
    def test_a_kern_lives_only_under_a_municipality_home_page(self):
        self.assertAllowedParentPageTypes(KernPage, {HomePage})
        self.assertCanCreateAt(HomePage, KernPage)
        self.assertCanNotCreateAt(KernPage, KernPage)
        self.assertCanNotCreateAt(Page, KernPage)

    def test_the_home_page_only_holds_municipality_sections(self):
        allowed = set(HomePage.allowed_subpage_models())
        assert KernPage in allowed
        assert HomePage not in allowed
        for model in allowed:
            assert "home.homepage" in {
                parent._meta.label_lower for parent in model.allowed_parent_page_models()
            }

    def test_a_home_page_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
