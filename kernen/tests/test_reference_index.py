"""The reference index in bulk for ``load_demo`` (``kernen.indexing.deferred_reference_index``):
what is saved inside the block has the references Wagtail would have recorded after each save,
inline children through their page, and saves after the block are recorded at once again."""

from wagtail.models import ReferenceIndex

import pytest

from home.factories import ImageFactory
from kernen.indexing import deferred_reference_index
from kernen.models import InspirationGalleryImage, KernPage

pytestmark = pytest.mark.django_db


def references():
    return set(
        ReferenceIndex.objects.values_list(
            "content_type_id", "object_id", "to_content_type_id", "to_object_id", "content_path"
        )
    )


def users_of(image):
    """The pks of the objects that refer to ``image``, as the admin's "usage" lists them."""
    found = ReferenceIndex.get_references_to(image).group_by_source_object()
    return {obj.pk for obj, _references in found}


def test_a_page_and_its_inline_photos_saved_in_the_block_are_referenced_afterwards(
    beesd, make_story
):
    with deferred_reference_index():
        picture, photo = ImageFactory(), ImageFactory()
        beesd.image = picture
        beesd.save_revision().publish()
        story = make_story(beesd, "Snoeidag in de boomgaard")
        InspirationGalleryImage.objects.create(page=story, image=photo, alt_text="Appelbomen")
        assert users_of(picture) == set()  # nothing yet: noted, not recorded

    assert users_of(picture) == {beesd.pk}
    assert users_of(photo) == {story.pk}
    # What Wagtail records when it indexes every object again is what is there already.
    recorded = references()
    for page in (KernPage.objects.get(pk=beesd.pk), story.specific):
        ReferenceIndex.create_or_update_for_object(page)
    assert references() == recorded


def test_an_object_deleted_in_the_block_leaves_no_references(beesd, make_story):
    with deferred_reference_index():
        photo = ImageFactory()
        story = make_story(beesd, "Vergeten verhaal")
        InspirationGalleryImage.objects.create(page=story, image=photo, alt_text="Een weiland")
        story.delete()

    assert users_of(photo) == set()


def test_nothing_is_recorded_when_the_block_fails_and_saves_after_it_are_recorded_at_once(beesd):
    picture = ImageFactory()
    with pytest.raises(RuntimeError), deferred_reference_index():
        beesd.image = picture
        beesd.save()
        raise RuntimeError

    assert users_of(picture) == set()

    beesd.save()

    assert users_of(picture) == {beesd.pk}
