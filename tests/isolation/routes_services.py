"""Isolation classification of the service catalogue's routes.

The catalogue is shared reference data that belongs to no organisation. Its pages and read API are public
(drafts are shown to staff only), its writes are for staff only, and the matcher needs a signed-in user but
reads only the catalogue.
"""

from .registry import ACCOUNT, PUBLIC

ROUTES = {
    "services:service_list": PUBLIC,
    "services:service_detail": PUBLIC,
    "services_api:service-list": PUBLIC,
    "services_api:service-detail": PUBLIC,
    "services_api:match": ACCOUNT,
}
