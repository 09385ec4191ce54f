"""A real SMTP server on loopback for the tests (aiosmtpd), which may be down, come back, or
hold a message in the middle of its delivery."""

import asyncio
import email
import socket
import threading
from email import policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    """A loopback port where nothing listens (until someone binds it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MailServer:
    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.received: list[EmailMessage] = []
        self._controller = None
        # Cleared by hold(): each message then waits, accepted but not yet answered, until
        # release(). ``receiving`` is set when a message arrives.
        self._open = threading.Event()
        self._open.set()
        self.receiving = threading.Event()

    # aiosmtpd handler
    async def handle_DATA(self, server, session, envelope):
        self.receiving.set()
        await asyncio.to_thread(self._open.wait, 30)
        self.received.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def start(self) -> "MailServer":
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port,
                                      server_hostname="relais.test")
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._open.set()
            self._controller.stop()
            self._controller = None

    def hold(self) -> None:
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def recipients(self) -> list[str]:
        return [message["To"] for message in self.received]


def use_smtp_server(settings, server: MailServer) -> None:
    """Point Django's real SMTP backend at ``server``'s port (started or not)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
