"""Old URLs of merged actors and renamed tags keep working: they redirect permanently."""

from django.http import Http404, HttpResponsePermanentRedirect


class Moved(Exception):
    def __init__(self, target):
        self.response = HttpResponsePermanentRedirect(target.get_absolute_url())


def get_by_slug_or_moved(queryset, redirects, target_field: str, slug: str):
    """The object with ``slug``; raises Moved when the slug used to be another's, Http404 otherwise."""
    found = queryset.filter(slug=slug).first()
    if found is not None:
        return found
    moved = redirects.filter(old_slug=slug).select_related(target_field).first()
    if moved is None:
        raise Http404(f"Không có mục nào mang địa chỉ “{slug}”.")
    raise Moved(getattr(moved, target_field))


def follows_renames(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Moved as moved:
            return moved.response

    return wrapper
