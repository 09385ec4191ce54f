from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("", views.directory_index, name="index"),
    path("mon-profil/", views.own_profile, name="own_profile"),
    path("personnes/<int:pk>/", views.person_detail, name="person"),
    path("personnes/<int:pk>/modifier/", views.edit_person, name="edit_person"),
    path("personnes/<int:pk>/contact.vcf", views.person_vcard, name="vcard"),
    path("personnes/<int:pk>/photo/", views.person_photo, name="photo"),
    path("services/<int:pk>/", views.service_detail, name="service"),
    path("organigramme/<slug:slug>/", views.organisation_chart, name="chart"),
]
