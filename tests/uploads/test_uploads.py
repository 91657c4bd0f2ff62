"""Safe handling of uploaded images and PDFs (knowledgebase.uploads).

Every fixture is built in memory; no database, no storage, no network.
"""

import io
import random
import re
import struct
import time
import zlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from fpdf import FPDF
from PIL import Image, ImageCms, ImageFile
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript

from knowledgebase import uploads
from knowledgebase.uploads import (
    CleanDocument,
    CleanImage,
    SafeDocumentField,
    SafeImageField,
    UploadError,
    clean_document,
    clean_image,
    display_name,
)

RANDOM_NAME = re.compile(r"^[0-9a-f]{16}\.(jpg|png|pdf)$")
NOT_AN_IMAGE = "This file is not an image we can read (JPEG, PNG, WebP or GIF)."
DAMAGED_IMAGE = "The image file is damaged or incomplete."
TOO_MANY_PIXELS = "The image is too large: at most 40 megapixels."
ONLY_PDF = "Only PDF documents can be attached."


# --- Fixture builders ---------------------------------------------------------------------------------------


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **params)
    return buffer.getvalue()


def upload(data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def reopen(result: CleanImage | CleanDocument) -> bytes:
    result.content.seek(0)
    return result.content.read()


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def jpeg_with_gps_and_orientation() -> bytes:
    """A 60x30 photo stored sideways (Orientation=6) with GPS, camera EXIF, XMP, ICC and a comment.

    The top-left 30x30 is red and the rest blue, so after rotating 90 degrees clockwise the red block must
    end up at the *top*, i.e. the displayed image is 30 wide x 60 tall with red in its upper half.
    """
    image = Image.new("RGB", (60, 30), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    exif[0x010F] = "Secret Camera Co."  # Make
    exif[0x8825] = {  # GPSInfo IFD
        1: "N",
        2: (4.0, 35.0, 52.0),  # latitude: Bogota
        3: "W",
        4: (74.0, 4.0, 33.0),
        6: 2640.0,  # altitude
    }
    return encode(
        image,
        "JPEG",
        exif=exif,
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">home-address</x:xmpmeta>',
        icc_profile=srgb_profile(),
        comment=b"taken at my home",
    )


def small_jpeg(size: tuple[int, int] = (32, 24)) -> bytes:
    return encode(Image.new("RGB", size, (10, 120, 200)), "JPEG")


def png_with_header_size(width: int, height: int) -> bytes:
    """A real 1x1 PNG whose IHDR is rewritten to declare ``width`` x ``height`` (valid CRC, few bytes)."""
    data = bytearray(encode(Image.new("L", (1, 1)), "PNG"))
    # Signature (8) + chunk length (4) + b"IHDR" (4), then width/height; CRC covers type + 13 data bytes.
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def pdf_bytes(pages: int = 2) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.cell(text=f"Case study, page {number + 1}")
    return bytes(pdf.output())


class OversizeUpload:
    """Reports a huge size and fails the test if anyone tries to read it."""

    name = "huge.jpg"
    size = 5 * 1024 * 1024 * 1024

    def read(self, size: int = -1) -> bytes:
        raise AssertionError("the cleaner read an upload it should have refused from its size")

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0


class UnknownSizeUpload(io.BytesIO):
    """A file-like without a declared size (``size`` None); the bounded read must still stop it."""

    name = "nosize.jpg"
    size = None

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.largest_read = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.largest_read = max(self.largest_read, len(chunk))
        return chunk


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail if any pixel data is decoded: proves bombs are refused from the header alone."""

    def forbidden(self, *args, **kwargs):
        raise AssertionError("pixel data was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", forbidden)


def test_no_decoding_fixture_really_catches_decoding(no_decoding):
    # Guards the bomb tests below: if Pillow stopped routing decoding through ImageFile.load, they would
    # pass vacuously.
    with pytest.raises(AssertionError, match="pixel data was decoded"):
        clean_image(upload(encode(Image.new("RGB", (4, 4)), "PNG"), "tiny.png", "image/png"))


# --- Images: metadata, orientation, formats -----------------------------------------------------------------


def test_jpeg_exif_gps_xmp_icc_and_comment_are_stripped_and_orientation_applied():
    source = jpeg_with_gps_and_orientation()
    # Sanity: the fixture really carries what we strip.
    with Image.open(io.BytesIO(source)) as original:
        assert original.getexif().get_ifd(0x8825)[1] == "N"
        assert {"exif", "xmp", "icc_profile", "comment"} <= set(original.info)
        assert original.size == (60, 30)

    result = clean_image(upload(source, "IMG_0001.jpg"))

    assert isinstance(result, CleanImage)
    assert result.format == "JPEG"
    assert RANDOM_NAME.match(result.name) and result.name.endswith(".jpg")
    assert result.content.name == result.name
    # Rotated: stored 60x30 sideways, displayed 30x60.
    assert (result.width, result.height) == (30, 60)
    stored = reopen(result)
    with Image.open(io.BytesIO(stored)) as cleaned:
        assert cleaned.format == "JPEG"
        assert cleaned.size == (30, 60)
        assert len(cleaned.getexif()) == 0
        assert cleaned.getexif().get_ifd(0x8825) == {}
        for key in ("exif", "xmp", "icc_profile", "comment"):
            assert key not in cleaned.info
        # Red block is now on top, blue below (JPEG is lossy: compare loosely).
        top = cleaned.getpixel((15, 10))
        bottom = cleaned.getpixel((15, 50))
        assert top[0] > 200 and top[2] < 60
        assert bottom[2] > 200 and bottom[0] < 60
    for marker in (b"Exif", b"Secret Camera", b"home-address", b"ICC_PROFILE", b"taken at my home"):
        assert marker not in stored


def test_png_with_alpha_stays_png_with_alpha_and_loses_text_chunks_and_icc():
    image = Image.new("RGBA", (20, 10), (255, 0, 0, 255))
    image.paste((0, 0, 0, 0), (10, 0, 20, 10))
    text = PngInfo()
    text.add_text("Comment", "private note")
    source = encode(image, "PNG", pnginfo=text, icc_profile=srgb_profile())

    result = clean_image(upload(source, "logo.png", "image/png"))

    assert result.format == "PNG" and result.name.endswith(".png")
    assert (result.width, result.height) == (20, 10)
    with Image.open(io.BytesIO(reopen(result))) as cleaned:
        assert cleaned.format == "PNG"
        assert cleaned.mode == "RGBA"
        assert cleaned.getpixel((2, 2)) == (255, 0, 0, 255)
        assert cleaned.getpixel((15, 5))[3] == 0
        assert "icc_profile" not in cleaned.info
        assert "Comment" not in cleaned.info


def test_palette_png_with_transparency_becomes_rgba_png():
    image = Image.new("P", (8, 8), 0)
    image.putpalette([255, 255, 255, 0, 128, 0] + [0] * 762)
    image.paste(1, (0, 0, 4, 8))
    source = encode(image, "PNG", transparency=0)

    result = clean_image(upload(source, "icon.png", "image/png"))

    with Image.open(io.BytesIO(reopen(result))) as cleaned:
        assert cleaned.mode == "RGBA"
        assert cleaned.getpixel((1, 1)) == (0, 128, 0, 255)
        assert cleaned.getpixel((6, 1))[3] == 0


def test_animated_gif_becomes_a_still_png_of_the_first_frame():
    frames = [Image.new("RGB", (16, 16), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    source = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    with Image.open(io.BytesIO(source)) as original:
        assert original.is_animated and original.n_frames == 3

    result = clean_image(upload(source, "party.gif", "image/gif"))

    assert result.format == "PNG" and result.name.endswith(".png")
    with Image.open(io.BytesIO(reopen(result))) as cleaned:
        assert cleaned.format == "PNG"
        assert not getattr(cleaned, "is_animated", False)
        assert getattr(cleaned, "n_frames", 1) == 1
        assert cleaned.convert("RGB").getpixel((8, 8)) == (255, 0, 0)


def test_opaque_webp_becomes_jpeg_and_webp_with_alpha_becomes_png():
    opaque = clean_image(upload(encode(Image.new("RGB", (40, 30), (0, 90, 0)), "WEBP"), "a.webp"))
    assert opaque.format == "JPEG" and opaque.name.endswith(".jpg")
    assert (opaque.width, opaque.height) == (40, 30)

    translucent = clean_image(upload(encode(Image.new("RGBA", (40, 30), (0, 90, 0, 128)), "WEBP"), "b.webp"))
    assert translucent.format == "PNG" and translucent.name.endswith(".png")
    with Image.open(io.BytesIO(reopen(translucent))) as cleaned:
        assert cleaned.mode == "RGBA"
        assert abs(cleaned.getpixel((5, 5))[3] - 128) <= 2


def test_cmyk_jpeg_is_converted_to_rgb():
    source = encode(Image.new("CMYK", (16, 16), (0, 255, 255, 0)), "JPEG")
    result = clean_image(upload(source))
    with Image.open(io.BytesIO(reopen(result))) as cleaned:
        assert cleaned.mode == "RGB"
        red, green, blue = cleaned.getpixel((8, 8))
        assert red > 200 and green < 60 and blue < 60


def test_sixteen_bit_greyscale_png_is_scaled_not_clipped_to_white():
    source = encode(Image.new("I;16", (8, 8), 32768), "PNG")
    result = clean_image(upload(source, "scan.png", "image/png"))
    with Image.open(io.BytesIO(reopen(result))) as cleaned:
        assert cleaned.mode == "L"
        assert 120 <= cleaned.getpixel((4, 4)) <= 136


def test_format_is_decided_by_content_not_by_filename_or_content_type():
    result = clean_image(upload(small_jpeg(), "picture.png", "image/png"))
    assert result.format == "JPEG" and result.name.endswith(".jpg")


def test_payload_appended_to_a_valid_image_does_not_survive():
    payload = b"<script>alert(document.cookie)</script>PK\x03\x04zip-polyglot"
    result = clean_image(upload(small_jpeg() + payload))
    stored = reopen(result)
    assert b"<script>" not in stored and b"polyglot" not in stored


# --- Images: size and decompression bombs -------------------------------------------------------------------


def test_decompression_bomb_beyond_pillows_own_limit_is_refused_without_decoding(no_decoding):
    bomb = png_with_header_size(50_000, 50_000)  # 2.5 gigapixels, ~70 bytes on disk
    assert len(bomb) < 100
    started = time.perf_counter()
    with pytest.raises(UploadError) as error:
        clean_image(upload(bomb, "bomb.png", "image/png"))
    assert error.value.message == TOO_MANY_PIXELS
    assert error.value.code == "image_too_large"
    assert time.perf_counter() - started < 2


def test_pillow_decompression_bomb_warning_is_turned_into_a_refusal(no_decoding, settings):
    # Between Pillow's MAX_IMAGE_PIXELS (~89 MP) and twice that Pillow only *warns*; with our own limit raised
    # out of the way, that warning alone must refuse the file.
    settings.UPLOAD_IMAGE_MAX_PIXELS = 10**12
    settings.UPLOAD_IMAGE_MAX_SIDE = 10**6
    with pytest.raises(UploadError) as error:
        clean_image(upload(png_with_header_size(10_000, 10_000), "bomb.png", "image/png"))
    assert error.value.code == "image_too_large"


def test_real_highly_compressed_image_over_40_megapixels_is_refused_before_decoding(no_decoding):
    # A genuine, valid 1-bit PNG: 7000 x 7000 = 49 MP in a few kilobytes (under Pillow's own threshold,
    # so only our header check stands between it and a 49 MP decode).
    bomb = encode(Image.new("1", (7000, 7000)), "PNG")
    assert len(bomb) < 20_000
    with pytest.raises(UploadError) as error:
        clean_image(upload(bomb, "white.png", "image/png"))
    assert error.value.message == TOO_MANY_PIXELS


def test_overlong_side_is_refused_even_within_the_pixel_budget(no_decoding):
    with pytest.raises(UploadError) as error:
        clean_image(upload(png_with_header_size(12_000, 10), "strip.png", "image/png"))
    assert error.value.message == "The image is too large: each side must be at most 10,000 pixels."


def test_file_larger_than_limit_is_refused():
    data = small_jpeg() + b"\0" * (10 * 1024 * 1024)
    with pytest.raises(UploadError) as error:
        clean_image(upload(data))
    assert error.value.message == "The file is larger than 10 MB."
    assert error.value.code == "file_too_large"


def test_declared_oversize_is_refused_without_reading():
    with pytest.raises(UploadError, match="larger than 10 MB"):
        clean_image(OversizeUpload())
    with pytest.raises(UploadError, match="larger than 20 MB"):
        clean_document(OversizeUpload())


def test_upload_without_declared_size_is_read_only_up_to_the_limit(settings):
    settings.UPLOAD_IMAGE_MAX_BYTES = 1024
    source = UnknownSizeUpload(b"\xff" * 100_000)
    with pytest.raises(UploadError, match="larger than"):
        clean_image(source)
    assert source.largest_read == 1025


def test_limits_can_be_overridden_in_settings(settings):
    settings.UPLOAD_IMAGE_MAX_PIXELS = 100
    with pytest.raises(UploadError) as error:
        clean_image(upload(small_jpeg((20, 20))))
    assert error.value.message == "The image is too large: at most 0.0001 megapixels."
    settings.UPLOAD_IMAGE_MAX_PIXELS = 400
    assert clean_image(upload(small_jpeg((20, 20)))).width == 20


def test_default_limits():
    assert uploads.IMAGE_MAX_BYTES == 10 * 1024 * 1024
    assert uploads.IMAGE_MAX_PIXELS == 40_000_000
    assert uploads.IMAGE_MAX_SIDE == 10_000
    assert uploads.IMAGE_MIN_SIDE == 1
    assert uploads.DOCUMENT_MAX_BYTES == 20 * 1024 * 1024
    assert uploads.ALLOWED_IMAGE_FORMATS == ("JPEG", "PNG", "WEBP", "GIF")


# --- Images: things that are not (allowed) images -----------------------------------------------------------


def truncated_jpeg() -> bytes:
    noisy = Image.frombytes("RGB", (64, 64), random.Random(1).randbytes(64 * 64 * 3))
    data = encode(noisy, "JPEG", quality=95)
    return data[: len(data) * 2 // 3]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("evil.jpg", b"<!doctype html><html><script>alert(1)</script></html>", NOT_AN_IMAGE),
        ("evil.jpg", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF", NOT_AN_IMAGE),
        ("evil.jpg", random.Random(0).randbytes(4096), NOT_AN_IMAGE),
        (
            "evil.png",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
            NOT_AN_IMAGE,
        ),
        ("truncated.jpg", truncated_jpeg(), DAMAGED_IMAGE),
        ("header-only.jpg", small_jpeg()[:200], DAMAGED_IMAGE),
        ("scan.tif", encode(Image.new("RGB", (8, 8)), "TIFF"), NOT_AN_IMAGE),
        ("old.bmp", encode(Image.new("RGB", (8, 8)), "BMP"), NOT_AN_IMAGE),
    ],
    ids=["html", "pdf", "random-bytes", "svg-as-png", "truncated-jpeg", "jpeg-header-only", "tiff", "bmp"],
)
def test_non_images_and_damaged_images_are_refused(name, data, expected):
    with pytest.raises(UploadError) as error:
        clean_image(upload(data, name))
    assert error.value.message.startswith(expected)
    assert str(error.value) == error.value.message
    assert isinstance(error.value, ValueError)


def test_png_with_corrupt_chunk_crc_is_refused():
    data = bytearray(encode(Image.new("RGB", (8, 8), (1, 2, 3)), "PNG"))
    idat = data.index(b"IDAT")
    data[idat + 6] ^= 0xFF  # flip a byte of compressed data: the chunk CRC no longer matches
    with pytest.raises(UploadError) as error:
        clean_image(upload(bytes(data), "broken.png", "image/png"))
    assert error.value.message.startswith(DAMAGED_IMAGE)


def test_empty_file_is_refused():
    with pytest.raises(UploadError, match="The file is empty."):
        clean_image(upload(b""))


# --- Filenames ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.jpg",
        "..\\..\\windows\\win.ini.jpg",
        "a\x00.php.jpg",
        "x" * 1000 + ".jpg",
        "photo.php",
    ],
)
def test_stored_name_is_random_and_ignores_the_uploaded_name(name):
    first = clean_image(upload(small_jpeg(), name))
    second = clean_image(upload(small_jpeg(), name))
    assert RANDOM_NAME.match(first.name) and first.name.endswith(".jpg")
    assert first.name != second.name
    assert first.content.name == first.name


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("IMG_2041.JPG", "IMG 2041"),
        ("../../etc/passwd.jpg", "passwd"),
        ("C:\\Users\\ana\\Desktop\\Mapa del barrio.png", "Mapa del barrio"),
        ("a\x00b\x07c\r\n.jpg", "abc"),
        ("invoice\u202egpj.exe", "invoicegpj"),
        ("  spaced   out\tname .png", "spaced out name"),
        ("..", "Untitled"),
        ("", "Untitled"),
        (".jpg", "jpg"),  # a dotfile without extension, as os.path.splitext sees it
        ("Mesa de trabajo – Medellín.webp", "Mesa de trabajo – Medellín"),
    ],
)
def test_display_name_is_a_safe_human_title(original, expected):
    assert display_name(original) == expected


def test_display_name_is_truncated_to_100_characters():
    title = display_name("a" * 300 + ".jpg")
    assert title == "a" * 100
    assert len(display_name("word " * 100 + ".png")) <= 100


# --- Documents ----------------------------------------------------------------------------------------------


def test_real_pdf_passes_and_reports_pages():
    source = pdf_bytes(pages=3)
    result = clean_document(upload(source, "../../Informe final.pdf", "application/pdf"))
    assert isinstance(result, CleanDocument)
    assert result.pages == 3
    assert RANDOM_NAME.match(result.name) and result.name.endswith(".pdf")
    assert isinstance(result.content, ContentFile)
    assert result.content.name == result.name
    assert reopen(result) == source  # stored unchanged
    assert result.has_javascript is False


def test_pdf_with_javascript_is_accepted_but_flagged():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(1))))
    writer.add_open_action(JavaScript("app.alert('hi');"))
    buffer = io.BytesIO()
    writer.write(buffer)
    result = clean_document(upload(buffer.getvalue(), "js.pdf", "application/pdf"))
    assert result.pages == 1
    assert result.has_javascript is True


def encrypted_pdf(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(1))))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("notes.pdf", b"Just some notes, definitely not a PDF.\n", ONLY_PDF),
        ("page.pdf", b"<html><body>%PDF-1.4</body></html>", ONLY_PDF),
        ("photo.pdf", small_jpeg(), ONLY_PDF),
        ("garbage.pdf", b"%PDF-1.7\n" + random.Random(2).randbytes(5000), "This PDF is damaged"),
        ("stub.pdf", b"%PDF-1.4\nhello\n%%EOF", "This PDF is damaged"),
        ("locked.pdf", encrypted_pdf("secret"), "This PDF is password-protected"),
        ("owner-only.pdf", encrypted_pdf(""), "This PDF is password-protected"),
        ("empty.pdf", b"", "The file is empty."),
    ],
    ids=[
        "text",
        "html",
        "jpeg",
        "header-then-garbage",
        "header-only",
        "encrypted",
        "owner-password",
        "empty",
    ],
)
def test_bad_documents_are_refused(name, data, expected):
    with pytest.raises(UploadError) as error:
        clean_document(upload(data, name, "application/pdf"))
    assert error.value.message.startswith(expected)


def test_pdf_without_pages_is_refused():
    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    with pytest.raises(UploadError, match="This PDF has no pages."):
        clean_document(upload(buffer.getvalue(), "blank.pdf", "application/pdf"))


def test_oversize_pdf_is_refused(settings):
    settings.UPLOAD_DOCUMENT_MAX_BYTES = 1024 * 1024
    source = pdf_bytes(1) + b"%" + b"x" * (1024 * 1024)  # a trailing comment: still a valid PDF otherwise
    with pytest.raises(UploadError) as error:
        clean_document(upload(source, "big.pdf", "application/pdf"))
    assert error.value.message == "The file is larger than 1 MB."

    settings.UPLOAD_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
    with pytest.raises(UploadError, match="The file is larger than 20 MB."):
        clean_document(upload(b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024), "huge.pdf", "application/pdf"))


# --- Form fields --------------------------------------------------------------------------------------------


def test_image_field_returns_clean_image_and_sets_accept():
    field = SafeImageField()
    assert field.widget.attrs["accept"] == "image/jpeg,image/png,image/webp,image/gif"
    assert 'accept="image/jpeg,image/png,image/webp,image/gif"' in field.widget.render("photo", None)
    result = field.clean(upload(jpeg_with_gps_and_orientation(), "holiday.jpg"))
    assert isinstance(result, CleanImage)
    assert (result.width, result.height) == (30, 60)


def test_image_field_turns_upload_errors_into_validation_errors():
    field = SafeImageField()
    with pytest.raises(ValidationError) as error:
        field.clean(upload(b"<html></html>", "evil.jpg"))
    assert error.value.messages == [NOT_AN_IMAGE]
    assert error.value.code == "invalid_image"


def test_document_field_returns_clean_document_and_sets_accept():
    field = SafeDocumentField()
    assert field.widget.attrs["accept"] == "application/pdf,.pdf"
    result = field.clean(upload(pdf_bytes(2), "report.pdf", "application/pdf"))
    assert isinstance(result, CleanDocument) and result.pages == 2
    with pytest.raises(ValidationError) as error:
        field.clean(upload(b"plain text", "report.pdf", "application/pdf"))
    assert error.value.messages == [ONLY_PDF]


def test_fields_keep_djangos_required_and_optional_behaviour():
    with pytest.raises(ValidationError) as error:
        SafeImageField().clean(None)
    assert error.value.code == "required"
    assert SafeImageField(required=False).clean(None) is None
    assert SafeDocumentField(required=False).clean(False) is False
    existing = object()
    assert SafeImageField(required=False).clean(None, existing) is existing


def test_explicit_accept_on_a_custom_widget_is_respected():
    from django import forms

    field = SafeImageField(widget=forms.ClearableFileInput(attrs={"accept": "image/png"}))
    assert field.widget.attrs["accept"] == "image/png"
