"""Safe handling of files attached to a case-study submission.

Everything a member uploads is hostile until proven otherwise: the filename, the browser's content type and
the bytes themselves can all lie.  This module therefore

* decides what a file *is* from its bytes alone (Pillow's detected format, the ``%PDF-`` magic), never from
  the filename or the ``Content-Type`` header;
* enforces size limits before reading the whole file and pixel limits before decoding any pixels, so a
  decompression bomb is refused without the memory it would need;
* re-encodes images from raw pixels, which drops every piece of metadata (EXIF with GPS coordinates, XMP,
  ICC profiles, comments, PNG text chunks) and any payload appended to the file (polyglots);
* stores everything under a new random name, so the user's filename never reaches the storage backend.

PDFs are validated (real PDF, at least one page, not encrypted) but stored as uploaded: rewriting PDFs is a
large attack surface of its own.  Embedded JavaScript is *flagged* (``CleanDocument.has_javascript``) but not
removed; PDFs are served as downloads, and browsers' PDF viewers do not run document JavaScript with page
privileges, so flagging lets moderators look closer without pretending we can sanitise PDFs.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import unicodedata
import warnings
from dataclasses import dataclass
from typing import Any, Final, Protocol

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader

__all__ = [
    "ALLOWED_DOCUMENT_EXTENSIONS",
    "ALLOWED_IMAGE_FORMATS",
    "DOCUMENT_MAX_BYTES",
    "IMAGE_MAX_BYTES",
    "IMAGE_MAX_PIXELS",
    "IMAGE_MAX_SIDE",
    "IMAGE_MIN_SIDE",
    "JPEG_QUALITY",
    "CleanDocument",
    "CleanImage",
    "SafeDocumentField",
    "SafeImageField",
    "UploadError",
    "clean_document",
    "clean_image",
    "display_name",
]

# --- Limits -------------------------------------------------------------------------------------------------
# Module constants so other code (templates, help texts) can show them; each can be overridden by a Django
# setting of the same name prefixed with ``UPLOAD_``.  The cleaners re-read the setting at call time (falling
# back to these constants) so ``override_settings`` in tests and per-deployment settings both take effect.

IMAGE_MAX_BYTES: Final[int] = getattr(settings, "UPLOAD_IMAGE_MAX_BYTES", 10 * 1024 * 1024)
# 40 MP covers every phone and most DSLR photos; decoded as RGBA it is still "only" 160 MB of memory.
IMAGE_MAX_PIXELS: Final[int] = getattr(settings, "UPLOAD_IMAGE_MAX_PIXELS", 40_000_000)
# A 1 x 40,000,000 strip is within the pixel budget but useless and hard on thumbnailers.
IMAGE_MAX_SIDE: Final[int] = getattr(settings, "UPLOAD_IMAGE_MAX_SIDE", 10_000)
IMAGE_MIN_SIDE: Final[int] = getattr(settings, "UPLOAD_IMAGE_MIN_SIDE", 1)
DOCUMENT_MAX_BYTES: Final[int] = getattr(settings, "UPLOAD_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)

# Pillow format names.  Restricting Image.open to these also keeps Pillow's rarer (and historically buggier)
# decoders -- TIFF, PSD, EPS (Ghostscript!), ... -- away from user input entirely.
ALLOWED_IMAGE_FORMATS: Final[tuple[str, ...]] = ("JPEG", "PNG", "WEBP", "GIF")
ALLOWED_DOCUMENT_EXTENSIONS: Final[tuple[str, ...]] = ("pdf",)

JPEG_QUALITY: Final[int] = 88
DISPLAY_NAME_MAX_LENGTH: Final[int] = 100

IMAGE_ACCEPT: Final[str] = "image/jpeg,image/png,image/webp,image/gif"
DOCUMENT_ACCEPT: Final[str] = "application/pdf,.pdf"

_PDF_MAGIC: Final[bytes] = b"%PDF-"
# Cheap textual scan for JavaScript actions; complements the structural check for objects that are stored
# uncompressed (object streams can hide it from this scan, the structural check covers the catalog).
_PDF_JS_PATTERN: Final[re.Pattern[bytes]] = re.compile(rb"/(?:JavaScript|JS)(?![A-Za-z0-9])")


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


# --- Public types -------------------------------------------------------------------------------------------


class UploadLike(Protocol):
    """What the cleaners need: a Django ``UploadedFile`` or any file-like with ``name``/``size``/``read``."""

    @property
    def name(self) -> str | None: ...

    @property
    def size(self) -> int | None: ...

    def read(self, size: int = -1, /) -> bytes: ...


class UploadError(ValueError):
    """A file was refused.  ``message`` is translated and safe to show to the person who uploaded it."""

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class CleanImage:
    """A re-encoded, metadata-free image ready to be saved, under a random ``name``."""

    content: ContentFile
    name: str
    width: int
    height: int
    format: str  # the *stored* format: "JPEG" or "PNG"


@dataclass(frozen=True)
class CleanDocument:
    """A validated PDF (bytes unchanged) ready to be saved, under a random ``name``."""

    content: ContentFile
    name: str
    pages: int
    # Advisory only: the PDF contains JavaScript actions.  We do not try to strip them (see module docstring).
    has_javascript: bool = False


# --- Shared helpers -----------------------------------------------------------------------------------------


def _number(value: float) -> str:
    """Format a limit for a message: "10", "12.5", "0.001" (never "10.0" or "0.0")."""
    return f"{value:.0f}" if value >= 100 or value == int(value) else f"{value:.3g}"


def _megabytes(size: int) -> str:
    return _number(size / (1024 * 1024))


def _too_big(max_bytes: int) -> UploadError:
    return UploadError(
        _("The file is larger than %(size)s MB.") % {"size": _megabytes(max_bytes)},
        code="file_too_large",
    )


def _read_bounded(upload: UploadLike, max_bytes: int) -> bytes:
    """Read the whole upload, refusing it as soon as it is known to exceed ``max_bytes``.

    The declared size is checked first so an oversize upload is refused without reading it; the read itself
    is capped at ``max_bytes + 1`` in case ``size`` is missing or lies.
    """
    declared = getattr(upload, "size", None)
    if declared is not None and declared > max_bytes:
        raise _too_big(max_bytes)
    seek = getattr(upload, "seek", None)
    if callable(seek):
        # Form validation or an earlier cleaner may already have read from the file.
        seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(max_bytes)
    if not data:
        raise UploadError(_("The file is empty."), code="empty")
    return data


def _random_name(extension: str) -> str:
    # 64 random bits: unguessable and collision-free in practice; the storage backend still de-duplicates.
    return f"{secrets.token_hex(8)}.{extension}"


_WHITESPACE = re.compile(r"\s+")


def display_name(original: str) -> str:
    """A human title derived from an uploaded filename, for display only (never for storage paths).

    Keeps the basename (either kind of path separator), drops control and format characters (NUL, newlines,
    bidi overrides that could disguise "gpj.exe"), removes the extension, turns underscores into spaces and
    truncates to 100 characters.  HTML is left alone: escaping is the template's job.
    """
    text = unicodedata.normalize("NFC", original or "")
    text = re.split(r"[/\\]", text)[-1]
    # Tabs/newlines and Unicode separators (Z*) become spaces so words stay apart...
    text = "".join(" " if ch.isspace() or unicodedata.category(ch).startswith("Z") else ch for ch in text)
    # ...then the rest of category C goes: control (Cc), format (Cf), surrogates, private use, unassigned.
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    stem, _extension = os.path.splitext(text)
    text = stem.replace("_", " ")
    text = _WHITESPACE.sub(" ", text).strip(" .")
    text = text[:DISPLAY_NAME_MAX_LENGTH].rstrip(" .")
    return text or _("Untitled")


# --- Images -------------------------------------------------------------------------------------------------


def _not_an_image() -> UploadError:
    return UploadError(
        _("This file is not an image we can read (JPEG, PNG, WebP or GIF)."), code="invalid_image"
    )


def _damaged_image() -> UploadError:
    return UploadError(
        _("The image file is damaged or incomplete. Please export it again and upload the new file."),
        code="damaged_image",
    )


def _too_many_pixels(max_pixels: int) -> UploadError:
    return UploadError(
        _("The image is too large: at most %(megapixels)s megapixels.")
        % {"megapixels": _number(max_pixels / 1_000_000)},
        code="image_too_large",
    )


def _check_dimensions(size: tuple[int, int]) -> None:
    """Refuse from the header-declared dimensions, before any pixel is decoded."""
    width, height = size
    max_pixels = _limit("UPLOAD_IMAGE_MAX_PIXELS", IMAGE_MAX_PIXELS)
    max_side = _limit("UPLOAD_IMAGE_MAX_SIDE", IMAGE_MAX_SIDE)
    min_side = _limit("UPLOAD_IMAGE_MIN_SIDE", IMAGE_MIN_SIDE)
    if width < min_side or height < min_side:
        raise UploadError(
            _("The image is too small: each side must be at least %(pixels)s pixels.") % {"pixels": min_side},
            code="image_too_small",
        )
    if width * height > max_pixels:
        raise _too_many_pixels(max_pixels)
    if width > max_side or height > max_side:
        raise UploadError(
            _("The image is too large: each side must be at most %(pixels)s pixels.")
            % {"pixels": f"{max_side:,}"},
            code="image_too_large",
        )


def _open(data: bytes) -> Image.Image:
    """Open (header only) with the allow-list of decoders; Pillow's own bomb check runs here too."""
    image = Image.open(io.BytesIO(data), formats=ALLOWED_IMAGE_FORMATS)
    # Belt and braces: ``formats`` already restricts the decoders, but the decision must rest on the
    # detected format, so check it explicitly rather than rely on that parameter's semantics.
    try:
        if image.format not in ALLOWED_IMAGE_FORMATS:
            raise _not_an_image()
        _check_dimensions(image.size)
    except UploadError:
        image.close()
        raise
    return image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def _to_storable_mode(image: Image.Image, keep_alpha: bool) -> Image.Image:
    """Convert to L, RGB or RGBA -- modes both JPEG and PNG writers and every browser handle."""
    if image.mode.startswith("I;16"):
        # A plain convert("L") clips 16-bit values to white; scale them down instead.
        image = image.convert("I").point(lambda value: value * (1 / 256))
    if image.mode in ("I", "F"):
        return image.convert("L")
    if keep_alpha:
        return image if image.mode == "RGBA" else image.convert("RGBA")
    if image.mode in ("L", "RGB"):
        return image
    if image.mode == "1":
        return image.convert("L")
    # CMYK, YCbCr, P without transparency, LAB, ...  (CMYK is converted naively: we drop the ICC profile).
    return image.convert("RGB")


def _pixels_only(image: Image.Image) -> Image.Image:
    """Copy the pixels into a brand-new image whose ``info`` is empty.

    Pillow's writers fall back to ``image.info`` for some metadata (JPEG ``comment``, PNG ``icc_profile`` and
    ``transparency``, ...); an image built from scratch cannot carry anything we did not put there.
    """
    fresh = Image.new(image.mode, image.size)
    fresh.paste(image, (0, 0))
    return fresh


def clean_image(upload: UploadLike) -> CleanImage:
    """Validate an uploaded image and return a re-encoded, metadata-free copy under a random name.

    Raises :class:`UploadError` with a user-facing message when the file is too large (bytes or pixels), is
    not a JPEG/PNG/WebP/GIF, or is damaged.
    """
    data = _read_bounded(upload, _limit("UPLOAD_IMAGE_MAX_BYTES", IMAGE_MAX_BYTES))

    with warnings.catch_warnings():
        # Pillow warns (rather than fails) for images between MAX_IMAGE_PIXELS and twice that; make it fatal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            # Pass 1: verify() checks the structure (chunk CRCs for PNG) without decoding, but leaves the
            # image object unusable, hence the second open below.
            with _open(data) as probe:
                probe.verify()
            # Pass 2: decode.  Dimensions are re-checked by _open before load() allocates anything.
            with _open(data) as image:
                source_format = str(image.format)
                # GIF/WebP/APNG animations: keep the first frame only.
                image.seek(0)
                image.load()
                has_alpha = _has_alpha(image)
                # Apply the EXIF orientation now, because the EXIF that carries it is about to be dropped.
                upright = ImageOps.exif_transpose(image)
        except UploadError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels(_limit("UPLOAD_IMAGE_MAX_PIXELS", IMAGE_MAX_PIXELS)) from error
        except UnidentifiedImageError as error:
            raise _not_an_image() from error
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, KeyError) as error:
            # Pillow reports truncated or corrupt data through a variety of exception types (OSError for
            # "image file is truncated", SyntaxError from some plugins' parsers, struct/zlib errors, ...).
            raise _damaged_image() from error

    # Palette images, GIFs and anything with transparency are stored as lossless PNG; photos (JPEG, opaque
    # WebP) as JPEG.
    as_png = source_format in ("PNG", "GIF") or has_alpha
    converted = _to_storable_mode(upright, keep_alpha=has_alpha)
    del upright
    clean = _pixels_only(converted)
    del converted

    buffer = io.BytesIO()
    if as_png:
        clean.save(buffer, format="PNG", optimize=True)
        output_format, extension = "PNG", "png"
    else:
        clean.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        output_format, extension = "JPEG", "jpg"

    name = _random_name(extension)
    return CleanImage(
        content=ContentFile(buffer.getvalue(), name=name),
        name=name,
        width=clean.width,
        height=clean.height,
        format=output_format,
    )


# --- Documents ----------------------------------------------------------------------------------------------


def _only_pdf() -> UploadError:
    return UploadError(_("Only PDF documents can be attached."), code="invalid_document")


def _has_javascript(reader: PdfReader, data: bytes) -> bool:
    """Best-effort detection of JavaScript actions; never raises (the flag is advisory)."""
    if _PDF_JS_PATTERN.search(data):
        return True
    try:
        root: Any = reader.trailer["/Root"].get_object()
        names = root.get("/Names")
        if names is not None and "/JavaScript" in names.get_object():
            return True
        open_action = root.get("/OpenAction")
        if open_action is not None:
            action = open_action.get_object()
            if hasattr(action, "get") and action.get("/S") == "/JavaScript":
                return True
        return "/AA" in root
    except Exception:
        # Hostile input: failing to inspect it just means "not flagged"; validity was established above.
        return False


def clean_document(upload: UploadLike) -> CleanDocument:
    """Validate an uploaded PDF and return it (unchanged bytes) under a random ``.pdf`` name.

    Raises :class:`UploadError` when the file is too large, is not a PDF, cannot be parsed, is encrypted or
    has no pages.
    """
    data = _read_bounded(upload, _limit("UPLOAD_DOCUMENT_MAX_BYTES", DOCUMENT_MAX_BYTES))
    # The spec tolerates junk before the header; we do not, which also keeps HTML/PDF polyglots out.
    if not data.startswith(_PDF_MAGIC):
        raise _only_pdf()

    try:
        # strict=False tolerates the small spec violations that real-world PDF exporters produce.
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        # Counting walks the page tree, which is where many broken files fail.  Pages of an encrypted file
        # cannot be read without the password, so only count them for unencrypted ones.
        pages = 0 if encrypted else len(reader.pages)
    except Exception as error:
        # The parser is fed hostile bytes and can fail in many ways (PdfReadError, KeyError, ValueError,
        # RecursionError, ...).  Whatever the reason, a PDF we cannot parse is not one we accept.
        raise UploadError(
            _("This PDF is damaged or could not be read. Please export it again and upload the new file."),
            code="damaged_document",
        ) from error

    if encrypted:
        # Even owner-password-only PDFs are refused: we cannot inspect them, and readers may prompt.
        raise UploadError(
            _("This PDF is password-protected or encrypted. Please upload a copy without a password."),
            code="encrypted_document",
        )
    if pages < 1:
        raise UploadError(_("This PDF has no pages."), code="empty_document")

    name = _random_name("pdf")
    return CleanDocument(
        content=ContentFile(data, name=name),
        name=name,
        pages=pages,
        has_javascript=_has_javascript(reader, data),
    )


# --- Form fields --------------------------------------------------------------------------------------------


class _SafeFileField(forms.FileField):
    accept: str = ""

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        # Only a hint for the browser's file picker; the server never trusts it.
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs.setdefault("accept", self.accept)
        return attrs

    def _clean_upload(self, upload: Any) -> Any:
        raise NotImplementedError

    def clean(self, data: Any, initial: Any = None) -> Any:
        value = super().clean(data, initial)
        # Nothing uploaded (None), "clear" ticked (False) or the existing file kept: nothing to check.
        if value is None or value is False or (initial is not None and value is initial):
            return value
        try:
            return self._clean_upload(value)
        except UploadError as error:
            raise ValidationError(error.message, code=error.code) from error


class SafeImageField(_SafeFileField):
    """A file field whose ``clean()`` returns a :class:`CleanImage` (see :func:`clean_image`)."""

    accept = IMAGE_ACCEPT

    def _clean_upload(self, upload: Any) -> CleanImage:
        return clean_image(upload)


class SafeDocumentField(_SafeFileField):
    """A file field whose ``clean()`` returns a :class:`CleanDocument` (see :func:`clean_document`)."""

    accept = DOCUMENT_ACCEPT

    def _clean_upload(self, upload: Any) -> CleanDocument:
        return clean_document(upload)
