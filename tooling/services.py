"""What `make test` needs besides PostgreSQL: RabbitMQ for the queue tests. Started when it is
installed and not running; otherwise the run stops before any test, saying what is missing.

    python -m tooling.services
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from urllib.parse import urlsplit


def broker_address() -> tuple[str, int]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
    from django.conf import settings

    url = urlsplit(settings.CELERY_BROKER_URL)
    return url.hostname or "127.0.0.1", url.port or 5672


BROKER = broker_address()
START_COMMANDS = [["service", "rabbitmq-server", "start"], ["rabbitmq-server", "-detached"]]
MISSING = """RabbitMQ is not running on {host}:{port}, and could not be started here.
The queue tests (import_seeds --queue, articles/tests/test_import_queue.py) need a broker.
Install and start it, then run make test again:
    apt-get install rabbitmq-server && service rabbitmq-server start
(or point CELERY_BROKER_URL at a running RabbitMQ)."""


def reachable(timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection(BROKER, timeout=timeout):
            return True
    except OSError:
        return False


def start_broker(wait_seconds: int = 60) -> bool:
    for command in START_COMMANDS:
        if shutil.which(command[0]) is None:
            continue
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        deadline = time.monotonic() + wait_seconds
        while time.monotonic() < deadline:
            if reachable():
                return True
            time.sleep(1)
    return False


def main() -> int:
    if reachable() or start_broker():
        return 0
    print(MISSING.format(host=BROKER[0], port=BROKER[1]), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
