"""The addresses the pages app answers besides its pages: robots.txt, sitemap.xml and the
library's downloads."""

from django.urls import path

from pages import views
from pages.library import listing as library

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    # The library's documents (intranet only): the current file, and earlier ones for editors.
    path("bibliotheque/documents/<int:pk>/", library.download, name="library_download"),
    path("bibliotheque/documents/<int:pk>/versions/<int:number>/", library.download_version,
         name="library_download_version"),
]
