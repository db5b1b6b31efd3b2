import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_ALLOWED_HOSTS": "archive.example",
}


def run_django(*args, extra_env=None):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(PRODUCTION_ENV | (extra_env or {}))
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )


def test_secret_key_is_required_when_debug_is_off():
    result = run_django("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run_django("check", "--deploy", "--fail-level", "WARNING", extra_env={"DJANGO_SECRET_KEY": "x" * 64 + "-prod-secret-Kq9"})
    assert result.returncode == 0, result.stderr + result.stdout


def test_allowed_hosts_come_from_the_environment():
    result = run_django(
        "shell", "-c", "from django.conf import settings; print(settings.ALLOWED_HOSTS)",
        extra_env={"DJANGO_SECRET_KEY": "s" * 60, "DJANGO_ALLOWED_HOSTS": "a.example, b.example"},
    )
    assert result.stdout.strip().splitlines()[-1] == "['a.example', 'b.example']"


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_pages_are_vietnamese_whatever_the_browser_asks(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in response.content.decode()


def test_the_language_switch_choice_wins(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="vi", follow=True)
    assert response.redirect_chain == [("/en/", 302)]
    page = response.content.decode()
    assert '<html lang="en">' in page and "Sign in" in page
