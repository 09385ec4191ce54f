"""The logo portal's views under /logos/ on the public site (the guidelines page itself is a
Wagtail page, /logos/ in the demo)."""

from django.urls import path

from branding import views

app_name = "branding"

urlpatterns = [
    path("fichiers/", views.logos, name="logos"),
    path("fichiers/<int:pk>/telecharger/", views.download, name="download"),
    path("apercu/<slug:slug>.png", views.preview, name="preview"),
    path("espace-partenaire/", views.partner_space, name="partner_space"),
    path("acces/", views.request_access, name="request_access"),
    path("conditions/", views.terms, name="terms"),
    path("epreuves/", views.proofs, name="proofs"),
    path("epreuves/nouvelle/", views.new_proof, name="new_proof"),
    path("epreuves/<int:pk>/", views.proof, name="proof"),
    path("epreuves/<int:pk>/fichier/", views.proof_file, name="proof_file"),
    path("epreuves/<int:pk>/apercu.png", views.proof_preview, name="proof_preview"),
    path("kits/", views.kits, name="kits"),
    path("kits/<int:event_id>/", views.kit, name="kit"),
    path("kits/fichier/<int:pk>/", views.kit_file, name="kit_file"),
]
