"""`make test` names a missing broker before any test runs, instead of failing queue tests."""

import socket

from tooling import services


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_broker_that_is_missing_and_cannot_be_started_is_named(monkeypatch, capsys):
    port = unused_port()
    monkeypatch.setattr(services, "BROKER", ("127.0.0.1", port))
    monkeypatch.setattr(services, "START_COMMANDS", [["no-such-rabbitmq-start-command"]])
    assert services.main() == 2
    message = capsys.readouterr().err
    assert f"RabbitMQ is not running on 127.0.0.1:{port}" in message and "apt-get install rabbitmq-server" in message


def test_a_running_broker_passes(monkeypatch):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        monkeypatch.setattr(services, "BROKER", listener.getsockname())
        assert services.main() == 0
