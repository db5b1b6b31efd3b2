"""A NUL byte in a query string or form answers 400 with a message, on every page, the admin's
included: PostgreSQL refuses NUL in text, so any lookup reaching the database with one was a 500."""

from django.http import JsonResponse
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
            response = refusal(request, message)
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)


def refusal(request, message: str):
    # The annotation script asks for JSON and shows its "error"; browsers get the page.
    if request.get_preferred_type(["text/html", "application/json"]) == "application/json":
        return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})
    return TemplateResponse(request, "400.html", {"message": message}, status=400).render()
