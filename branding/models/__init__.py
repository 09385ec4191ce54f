"""The logo portal's models: the guidelines page, the logos with their versions and generated
variants, partners with their access and terms of use, downloads, and proofs."""

from branding.models.assets import Logo, LogoVariant, LogoVersion, VariantKind
from branding.models.guidelines import GuidelinesPage
from branding.models.kits import KitItem
from branding.models.partners import (
    Download,
    PartnerAccess,
    TermsAcceptance,
    TermsOfUse,
)
from branding.models.proofs import Proof, ProofStep

__all__ = [
    "Download",
    "GuidelinesPage",
    "KitItem",
    "Logo",
    "LogoVariant",
    "LogoVersion",
    "PartnerAccess",
    "Proof",
    "ProofStep",
    "TermsAcceptance",
    "TermsOfUse",
    "VariantKind",
]
