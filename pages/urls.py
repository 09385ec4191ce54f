"""The addresses the pages app answers besides its pages: robots.txt and sitemap.xml."""

from django.urls import path

from pages import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
]
