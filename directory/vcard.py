"""A person's contact card (vCard 3.0, RFC 2426), for an address book."""

from django.http import HttpResponse
from django.utils.text import slugify


def escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")
            .replace(";", "\\;"))


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 2425)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


def vcard_text(person, *, mobile: str) -> str:
    lines = [
        "BEGIN:VCARD", "VERSION:3.0",
        f"N:{escape(person.last_name)};{escape(person.first_name)};;;",
        f"FN:{escape(person.full_name)}",
        f"ORG:{escape(person.directorate.name)}"
        + (f";{escape(person.service.name)}" if person.service_id else ""),
    ]
    if person.job_title:
        lines.append(f"TITLE:{escape(person.job_title)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{escape(person.email)}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{escape(person.phone)}")
    if mobile:
        lines.append(f"TEL;TYPE=CELL:{escape(mobile)}")
    if person.site_address:
        lines.append(f"ADR;TYPE=WORK:;{escape(person.office)};"
                     f"{escape(person.site_address)};;;;")
    lines.append("END:VCARD")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def vcard_response(person, *, mobile: str) -> HttpResponse:
    response = HttpResponse(vcard_text(person, mobile=mobile),
                            content_type="text/vcard; charset=utf-8")
    name = slugify(person.full_name) or "contact"
    response["Content-Disposition"] = f'attachment; filename="{name}.vcf"'
    return response
