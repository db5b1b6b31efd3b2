"""Every log line is written once: no logger reaches two handlers that would both print it."""

import logging

import pytest
from django.conf import settings
from django.utils.log import configure_logging

LOGGERS = ["django", "django.request", "django.server", "django.security.csrf", "django.db.backends",
           "articles", "articles.caching", "axes", "celery", "py.warnings"]


def handlers_reached(logger: logging.Logger, record: logging.LogRecord) -> list[logging.Handler]:
    reached = []
    while logger:
        reached += [
            handler
            for handler in logger.handlers
            if not isinstance(handler, logging.NullHandler) and record.levelno >= handler.level and handler.filter(record)
        ]
        if not logger.propagate:
            break
        logger = logger.parent
    return reached


@pytest.mark.parametrize("name", LOGGERS)
@pytest.mark.parametrize("debug", [True, False])
def test_a_warning_reaches_one_handler(name, debug, monkeypatch):
    monkeypatch.setattr(settings, "DEBUG", debug)  # Django's console handler only prints with DEBUG on
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    logger = logging.getLogger(name)
    record = logger.makeRecord(name, logging.WARNING, __file__, 1, "Cảnh báo", (), None)
    assert len(handlers_reached(logger, record)) == 1
