from django.urls import path

from events import registrations, views

app_name = "events"

urlpatterns = [
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/calendrier.ics", views.event_ics, name="ics"),
    path("flux.ics", views.ics_feed, name="feed"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
    path("mes-evenements/", views.my_events, name="my_events"),
    path("proposer/", views.new_event, name="new"),
    path("mes-evenements/<int:pk>/disponibilite/", views.change_availability,
         name="availability"),
    path("mes-evenements/<int:pk>/<slug:step>/", views.edit_step, name="edit_step"),
    path("communes.json", views.commune_suggestions, name="communes"),
    path("statistiques/", views.statistics, name="statistics"),
    path("inscription/annuler/<str:token>/", registrations.cancel_registration,
         name="cancel_registration"),
]
