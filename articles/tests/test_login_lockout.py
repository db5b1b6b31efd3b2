"""Repeated failed logins lock that username from that address (django-axes), on both login pages."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dai-2026"
LOGIN_PAGES = {"site": "/accounts/login/", "admin": "/admin/login/"}


def attempt(client, page, username, password, address="203.0.113.7"):
    return client.post(
        LOGIN_PAGES[page], {"username": username, "password": password, "next": "/"}, REMOTE_ADDR=address
    )


@pytest.mark.parametrize("page", sorted(LOGIN_PAGES))
def test_failed_logins_lock_out_and_show_the_lockout_page(page, editor):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, page, editor.username, "sai-mat-khau")
        assert response.status_code == 200  # the form again, with its error
    response = attempt(client, page, editor.username, "sai-mat-khau")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Tạm khoá đăng nhập" in html and "15 phút" in html
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    # Locked: even the right password is refused now, and nobody is signed in.
    response = attempt(client, page, editor.username, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_for_that_username_from_that_address(editor, superuser):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "site", editor.username, "sai-mat-khau")
    assert attempt(client, "site", editor.username, PASSWORD).status_code == 429
    # Another user from the same address, and the same user from elsewhere, still sign in.
    assert attempt(Client(), "site", superuser.username, PASSWORD).status_code == 302
    assert attempt(Client(), "site", editor.username, PASSWORD, address="198.51.100.9").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lock(editor):
    client = Client()
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN_PAGES["site"], {"username": editor.username, "password": "sai"},
            REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
    response = client.post(
        LOGIN_PAGES["site"], {"username": editor.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="10.9.9.9",
    )
    assert response.status_code == 429


def test_the_lock_ends_after_the_cool_off(editor):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "site", editor.username, "sai-mat-khau")
    assert attempt(client, "site", editor.username, PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.timezone.utc) - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    )
    response = attempt(client, "site", editor.username, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"


def test_a_success_before_the_limit_resets_the_count(editor):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "site", editor.username, "sai-mat-khau")
    assert attempt(client, "site", editor.username, PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "site", editor.username, "sai-mat-khau").status_code == 200
