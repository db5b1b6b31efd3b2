from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from newsarchive.language import switch_language

# Reader pages in every language: Vietnamese unprefixed, English under /en/ (newsarchive.language).
urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/setlang/", switch_language, name="set_language"),
    *i18n_patterns(
        path("accounts/", include("django.contrib.auth.urls")),
        path("", include("articles.urls")),
        prefix_default_language=False,
    ),
]

handler400 = "newsarchive.bad_request.bad_request"
