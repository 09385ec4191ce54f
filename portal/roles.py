"""The names of the groups every installation has, as editors read them in the admin.

Groups are data: a migration (portal 0008) gave them these French names. Code and tests
that look a role group up by name use these constants, never a literal.
"""

EDITORS = "Rédacteurs"
MODERATORS = "Modérateurs"
PARTNERS = "Partenaires"
STAFF_PREFIX = "Agents – "

# The workflow every page goes through, and its one task (renamed by the same migration).
MODERATION_WORKFLOW = "Validation par les modérateurs"


def staff_group_name(short_name: str) -> str:
    """The name of a directorate's staff group: "Agents – DRAC Bretagne"."""
    return f"{STAFF_PREFIX}{short_name}"
