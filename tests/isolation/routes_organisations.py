"""Isolation classification of the organisations app's routes (and the home page it serves)."""

from .registry import ACCOUNT, PUBLIC, Route

ROUTES = {
    "home": PUBLIC,
    "organisation_create": ACCOUNT,
    "organisation_dashboard": Route(),
}
