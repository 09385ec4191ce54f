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

# French names of the palettes, for alternative texts that describe the picture shown.
PALETTE_NAMES = {"blue": "bleu", "green": "vert", "red": "rouge", "yellow": "jaune",
                 "purple": "mauve", "grey": "gris"}


def illustration_alt(palette: str) -> str:
    """What draw_illustration shows, for its alternative text."""
    return (f"Illustration abstraite : des cercles et des carrés clairs sur un dégradé "
            f"{PALETTE_NAMES[palette]}.")


def draw_coast(size=(1920, 1080)) -> bytes:
    """A quiet coastal landscape at dusk: sky, sun, sea, two headlands and a lighthouse."""
    width, height = size
    picture = PillowImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    horizon = int(height * 0.62)
    for y in range(horizon):
        ratio = y / horizon
        draw.line([(0, y), (width, y)], fill=(round(40 + 210 * ratio), round(60 + 120 * ratio),
                                              round(140 - 20 * ratio)))
    for y in range(horizon, height):
        ratio = (y - horizon) / (height - horizon)
        draw.line([(0, y), (width, y)], fill=(round(30 + 20 * ratio), round(70 + 30 * ratio),
                                              round(120 + 20 * ratio)))
    sun = (int(width * 0.68), horizon - 40)
    draw.ellipse([sun[0] - 90, sun[1] - 90, sun[0] + 90, sun[1] + 90], fill=(255, 214, 150))
    for y in range(horizon + 20, height, 38):  # the sun's reflection
        half = max(150 - (y - horizon) // 3, 20)
        draw.line([(sun[0] - half, y), (sun[0] + half, y)], fill=(240, 190, 140), width=4)
    draw.polygon([(0, horizon - 120), (width * 0.18, horizon - 170), (width * 0.36, horizon + 30),
                  (width * 0.36, height), (0, height)], fill=(28, 44, 58))
    draw.polygon([(width * 0.82, horizon + 10), (width, horizon - 60), (width, height),
                  (width * 0.9, height)], fill=(34, 52, 66))
    base_x, base_y = int(width * 0.17), horizon - 165
    draw.polygon([(base_x - 34, base_y), (base_x + 34, base_y), (base_x + 20, base_y - 260),
                  (base_x - 20, base_y - 260)], fill=(236, 236, 236))
    for band in (60, 150):
        draw.rectangle([base_x - 32 + band // 20, base_y - band - 30, base_x + 32 - band // 20,
                        base_y - band], fill=(190, 40, 40))
    draw.rectangle([base_x - 28, base_y - 300, base_x + 28, base_y - 260], fill=(60, 60, 60))
    draw.ellipse([base_x - 16, base_y - 292, base_x + 16, base_y - 268], fill=(255, 236, 160))
    output = BytesIO()
    picture.save(output, format="JPEG", quality=85)
    return output.getvalue()


def demo_picture(title: str, alt_text: str, data: bytes, filename: str):
    """A drawn picture, stored once under this title."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    image = image_model(title=title, description=alt_text)
    image.file = ImageFile(BytesIO(data), name=filename)
    image.save()
    return image
