"""Illustrations for the demo, drawn with Pillow (nothing is downloaded)."""

import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

# Muted DSFR-like tones: (background top, background bottom, shapes)
PALETTES = {
    "blue": ((0, 0, 145), (106, 106, 244), (245, 245, 254)),
    "green": ((24, 117, 60), (149, 228, 151), (250, 255, 240)),
    "red": ((201, 25, 30), (255, 140, 120), (255, 245, 240)),
    "yellow": ((151, 112, 0), (254, 220, 110), (255, 252, 235)),
    "purple": ((110, 68, 95), (225, 160, 205), (253, 242, 250)),
    "grey": ((58, 58, 58), (176, 176, 176), (246, 246, 246)),
}


def draw_illustration(palette: str, seed: int, size=(1600, 900)) -> bytes:
    """A gradient with a few shapes: a recognisable, different picture for every seed."""
    top, bottom, ink = PALETTES[palette]
    width, height = size
    picture = PillowImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        ratio = y / (height - 1)
        colour = tuple(round(a + (b - a) * ratio) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    shapes = random.Random(seed)
    for _ in range(6):
        x, y = shapes.randrange(width), shapes.randrange(height)
        radius = shapes.randrange(60, 260)
        box = [x - radius, y - radius, x + radius, y + radius]
        if shapes.random() < 0.5:
            draw.ellipse(box, outline=ink, width=shapes.randrange(4, 16))
        else:
            draw.rectangle(box, outline=ink, width=shapes.randrange(4, 16))
    draw.rectangle([0, height - 40, width, height], fill=ink)
    output = BytesIO()
    picture.save(output, format="JPEG", quality=82)
    return output.getvalue()


def demo_image(title: str, alt_text: str, palette: str, seed: int, collection=None):
    """The demo image with this title, drawn and stored the first time only (in the root
    collection unless another is given)."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    image = image_model(title=title, description=alt_text)
    if collection is not None:
        image.collection = collection
    content = BytesIO(draw_illustration(palette, seed))
    image.file = ImageFile(content, name=f"demo-{seed}.jpg")
    image.save()
    return image
