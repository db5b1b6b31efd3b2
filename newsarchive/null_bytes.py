"""A NUL byte in a query string or form answers 400 with a message, on every page, the admin's
included: PostgreSQL refuses NUL in text, so any lookup reaching the database with one was a 500."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

NUL = "\x00"


def has_null_byte(parameters) -> bool:
    return any(NUL in name or any(NUL in value for value in values) for name, values in parameters.lists())


class NullByteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_null_byte(request.GET) or (request.method == "POST" and has_null_byte(request.POST)):
            message = _("Địa chỉ hoặc biểu mẫu có ký tự NUL, một ký tự không được phép; hãy bỏ ký tự ấy rồi thử lại.")
            response = TemplateResponse(request, "400.html", {"message": message}, status=400)
            response["Cache-Control"] = "no-store"
            return response.render()
        return self.get_response(request)
