"""Sign-in through ProConnect, the French State agents' OpenID Connect SSO, as an allauth
provider (id ``proconnect``) built on allauth's generic OpenID Connect provider."""
