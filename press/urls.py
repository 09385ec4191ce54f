"""Addresses of the press app outside the pressroom's pages: links in e-mails."""

from django.urls import path

from press import views

urlpatterns = [
    path("abonnement/<str:token>/", views.confirm_subscription,
         name="press_confirm_subscription"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="press_unsubscribe"),
]
