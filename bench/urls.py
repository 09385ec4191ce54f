"""Relais's URLs plus the ceiling: a bare Django view through the same server and middleware."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

CEILING_URL = "/bench/ceiling/"
PAGE = ("<!doctype html><html lang=\"fr\"><head><title>Plafond</title></head>"
        "<body><h1>Plafond</h1><p>Une vue Django nue.</p></body></html>")


def ceiling(request):
    return HttpResponse(PAGE)


urlpatterns = [path(CEILING_URL.lstrip("/"), ceiling), *portal_urlpatterns]
