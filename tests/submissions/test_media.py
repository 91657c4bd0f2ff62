"""Images and documents through the submission's media step: cleaned, renamed, refused when bad."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from fpdf import FPDF
from PIL import Image

from tests.factories import OrganisationFactory, contributor
from tests.submissions.helpers import fill_all, start

pytestmark = pytest.mark.django_db


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (6.0, 14.0, 30.0), "W", (75.0, 34.0, 12.0)
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 40, 20)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def pdf() -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=12)
    document.cell(0, 10, "Informe de evaluacion")
    return bytes(document.output())


@pytest.fixture
def submission(client, site_roles):
    organisation = OrganisationFactory()
    client.force_login(contributor(organisation))
    return fill_all(client, start(client), organisation)


def post_media(client, submission, **files):
    return client.post(f"/en/submissions/{submission.pk}/media/", {"action": "draft", **files})


def test_an_image_is_stored_without_its_location_under_a_random_name(client, submission):
    upload = SimpleUploadedFile("../../home/lucia/IMG_GPS.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = post_media(client, submission, hero_image=upload, image_alt="Mediators in the barrio")
    assert response.status_code == 302
    submission.refresh_from_db()
    image = get_image_model().objects.get(pk=submission.data["media"]["hero_image_id"])
    assert image.title == "Mediators in the barrio"
    assert "IMG_GPS" not in image.file.name and ".." not in image.file.name
    with image.file.open("rb") as handle:
        stored = Image.open(handle)
        assert not stored.getexif() and "exif" not in stored.info


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.jpg", b"<html><script>alert(1)</script></html>", "not an image we can read"),
        (
            "photo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "not an image we can read",
        ),
    ],
)
def test_a_renamed_non_image_is_refused_and_nothing_is_saved(client, submission, name, content, message):
    before = get_image_model().objects.count()
    response = post_media(
        client,
        submission,
        hero_image=SimpleUploadedFile(name, content, content_type="image/jpeg"),
        image_alt="x",
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert get_image_model().objects.count() == before


def test_a_pdf_is_attached_and_can_be_removed_and_other_files_are_refused(client, submission):
    response = post_media(
        client,
        submission,
        document=SimpleUploadedFile("informe.pdf", pdf(), content_type="application/pdf"),
        document_description="Informe de evaluación 2018",
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    documents = submission.data["media"]["documents"]
    assert [item["description"] for item in documents] == ["Informe de evaluación 2018"]
    stored = get_document_model().objects.get(pk=documents[0]["id"])
    assert stored.file.name.endswith(".pdf") and "informe" not in stored.file.name

    response = post_media(client, submission, document=SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf"))
    assert response.status_code == 400
    assert "Only PDF documents" in response.content.decode() or "PDF" in response.content.decode()

    client.post(
        f"/en/submissions/{submission.pk}/media/",
        {"action": "remove-document", "document_id": str(documents[0]["id"])},
    )
    submission.refresh_from_db()
    assert submission.data["media"]["documents"] == []


def test_submitted_images_and_documents_reach_the_page(client, submission):
    post_media(
        client,
        submission,
        hero_image=SimpleUploadedFile("a.jpg", jpeg_with_gps(), content_type="image/jpeg"),
        image_alt="Mediators",
        document=SimpleUploadedFile("informe.pdf", pdf(), content_type="application/pdf"),
        document_description="Informe",
    )
    client.post(f"/en/submissions/{submission.pk}/review/")
    submission.refresh_from_db()
    page = submission.page.specific
    assert page.hero_image_id == submission.data["media"]["hero_image_id"]
    assert [item.description for item in page.documents.all()] == ["Informe"]
