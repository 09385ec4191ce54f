"""A directory profile is linked to its person's account.

At each sign-in (local or ProConnect), an account without a profile is linked to the current
profile with its e-mail address, if there is one and it has no account yet. When there is
none and the account belongs to the staff of exactly one directorate, a profile is created
from the account, whose name and e-mail ProConnect's claims filled at the first sign-in
(``portal.proconnect``).
"""

from allauth.account.signals import user_logged_in, user_signed_up
from django.db import transaction

from directory.models import Person


def link_profile(user) -> Person | None:
    """The profile of this account, linked or created when possible."""
    profile = Person.objects.filter(user=user).first()
    if profile is not None or not user.email:
        return profile
    with transaction.atomic():
        profile = (Person.objects.current().select_for_update()
                   .filter(user=None, email__iexact=user.email).first())
        if profile is not None:
            profile.user = user
            profile.save(update_fields=["user"])
            return profile
        directorates = list(user.directorates[:2])
        if len(directorates) != 1 or not (user.first_name or user.last_name):
            return None
        return Person.objects.create(
            user=user, first_name=user.first_name, last_name=user.last_name,
            email=user.email, directorate=directorates[0])


def _on_sign_in(sender, request, user, **kwargs):
    link_profile(user)


def connect_signals():
    user_logged_in.connect(_on_sign_in, dispatch_uid="directory-link-profile-login")
    user_signed_up.connect(_on_sign_in, dispatch_uid="directory-link-profile-signup")
