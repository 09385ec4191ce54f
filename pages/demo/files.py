"""Files for the demo, made in code: real PDFs (one page, or a report of several pages of
text), pictures drawn with Pillow and a short silent MP3. Nothing is downloaded."""

import textwrap
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def pdf_text(text: str) -> bytes:
    """A PDF string literal in WinAnsi encoding (accents and typographic apostrophes)."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def minimal_pdf(title: str, lines=()) -> bytes:
    """A one-page A4 PDF that readers open, with a title and a few lines of text."""
    content = b"BT /F1 20 Tf 60 770 Td " + pdf_text(title) + b" Tj /F1 11 Tf"
    for line in lines:
        content += b" 0 -24 Td " + pdf_text(line) + b" Tj"
    content += b" ET"
    return pdf_file([content])


# A4 in points, its margins, and the text's size and leading.
PAGE_TOP, PAGE_BOTTOM, LEFT_MARGIN = 780, 70, 60
BODY_SIZE, LEADING, LINE_CHARACTERS = 12, 17, 84


def report_pdf(title: str, sections) -> bytes:
    """An A4 report of as many pages as its text needs: the title, then each section's
    heading and paragraphs, wrapped to the page's width, each page numbered.
    ``sections``: (heading, [paragraph, …]) pairs."""
    lines = [("title", title), ("blank", "")]
    for heading, paragraphs in sections:
        lines += [("heading", heading), ("blank", "")]
        for paragraph in paragraphs:
            lines += [("text", line) for line in textwrap.wrap(paragraph, LINE_CHARACTERS)]
            lines.append(("blank", ""))
    pages, current, y = [], [], PAGE_TOP
    for kind, text in lines:
        height = 30 if kind == "title" else LEADING + (6 if kind == "heading" else 0)
        if y - height < PAGE_BOTTOM and kind != "blank":
            pages.append(current)
            current, y = [], PAGE_TOP
        y -= height
        if kind != "blank":
            current.append((kind, text, y))
    pages.append(current)
    contents = []
    for number, page in enumerate(pages, start=1):
        content = b""
        for kind, text, y in page:
            font, size = {"title": (b"/F2", 18), "heading": (b"/F2", 13)}.get(
                kind, (b"/F1", BODY_SIZE))
            content += b"BT %s %d Tf %d %d Td %s Tj ET\n" % (font, size, LEFT_MARGIN, y,
                                                             pdf_text(text))
        footer = f"{title} — page {number} sur {len(pages)}"
        content += b"BT /F1 8 Tf %d 40 Td %s Tj ET" % (LEFT_MARGIN, pdf_text(footer))
        contents.append(content)
    return pdf_file(contents)


def pdf_file(contents: list[bytes]) -> bytes:
    """A PDF of one A4 page per content stream, in Helvetica (/F1) and Helvetica-Bold
    (/F2)."""
    count = len(contents)
    # Objects: 1 catalog, 2 pages, 3 and 4 fonts, then a page and its content per page.
    kids = b" ".join(b"%d 0 R" % (5 + 2 * index) for index in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        b"/Encoding /WinAnsiEncoding >>",
    ]
    for index, content in enumerate(contents):
        objects += [
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (6 + 2 * index),
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref_at)
    return pdf


def silent_mp3(seconds: int = 5) -> bytes:
    """MPEG-1 Layer III frames of silence (128 kbit/s, 44.1 kHz): a file any player reads."""
    frame = b"\xff\xfb\x90\x64" + bytes(413)  # 417 bytes, about 26 ms each
    return frame * int(seconds * 44100 / 1152)


def drawn_picture(width, height, background, accent, label="") -> bytes:
    """A simple picture: a background, a few shapes and an optional label, as JPEG."""
    picture = PILImage.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(picture)
    draw.rectangle([width // 10, height // 2, width * 9 // 10, height * 9 // 10], fill=accent)
    draw.polygon([(width // 10, height // 2), (width // 2, height // 5),
                  (width * 9 // 10, height // 2)], fill=accent)
    draw.ellipse([width * 3 // 4, height // 12, width * 9 // 10, height // 4], fill="#f5d76e")
    if label:
        draw.text((width // 12, height // 14), label, fill="white")
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def demo_image(title, filename, width, height, background, accent, label=""):
    """The demo image with this title, created once."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    data = drawn_picture(width, height, background, accent, label)
    image = model(title=title, file=ImageFile(BytesIO(data), name=filename))
    image.save()
    return image


def demo_document(title, filename, data: bytes):
    """The demo document with this title, created once."""
    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    document = model(title=title)
    document.file.save(filename, ContentFile(data), save=False)
    document._set_document_file_metadata()  # size and hash, as the admin's upload form does
    document.save()
    return document
