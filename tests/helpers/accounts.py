"""Accounts in their real groups, and the TOTP codes the admin asks for."""

import time

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth.models import Group, Permission

from portal.models import User

PASSWORD = "a-long-test-password-42"


def create_user(email, *groups, superuser=False, password=PASSWORD, **fields):
    """A user with a verified e-mail address, in these groups (Group objects or names)."""
    user = User.objects.create_user(email=email, password=password, is_superuser=superuser,
                                    is_staff=superuser, **fields)
    for group in groups:
        user.groups.add(group if isinstance(group, Group) else Group.objects.get(name=group))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def admin_reviewer(*codenames) -> tuple[User, Group]:
    """An account that may open the admin (TOTP set up) and has only these permissions
    besides, through its "Reviewers" group."""
    reviewers = Group.objects.create(name="Reviewers")
    reviewers.permissions.add(*Permission.objects.filter(codename__in=["access_admin",
                                                                       *codenames]))
    reviewer = create_user("relecteur@example.org", reviewers)
    activate_totp(reviewer)
    return reviewer, reviewers


def activate_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
