"""The site's URLs with the development server's /media/ (as with DEBUG)."""

from media_library.urls import public_media_urlpatterns
from portal.urls import urlpatterns as site_urlpatterns

urlpatterns = public_media_urlpatterns() + site_urlpatterns
