"""Test clients signed in as the people of the permission matrix."""

from django.test import Client

ROLES = ("anonymous", "reader", "editor", "superuser")


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def client_as(request, role: str) -> Client:
    """A client for ``role``, whose user comes from the conftest fixture of that name."""
    return client_for(None if role == "anonymous" else request.getfixturevalue(role))
