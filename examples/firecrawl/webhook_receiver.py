"""A small app that receives Firecrawl's webhooks: it checks each delivery's signature, reads its
typed event and answers 2xx, or 401 when the signature does not match (Firecrawl then retries).

    FIRECRAWL_API_KEY=fc-... FIRECRAWL_WEBHOOK_SECRET=... python webhook_receiver.py 8000

then start a job with `webhook={"url": "https://<this host>:8000/"}`. Each event it reads is
printed as a line: `crawl.page j1 https://example.com/a`.
"""

from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

from firecrawl import Firecrawl, InvalidWebhookSignatureError, UnknownWebhookEventError, types

webhooks = Firecrawl().webhooks


def describe(event: types.WebhookEvent) -> str:
    """One line per event: its type, its job and what it carries."""
    if isinstance(event, types.CrawlPageEvent | types.BatchScrapePageEvent):
        pages = " ".join(str(page.metadata.source_url) for page in event.data or [] if page.metadata)
        return f"{event.type} {event.id} {pages}"
    if isinstance(event, types.AgentActionEvent):
        actions = " ".join(f"{action.action}:{action.credits_used}" for action in event.data or [])
        return f"{event.type} {event.id} {actions}"
    if event.success is False:
        return f"{event.type} {event.id} failed: {event.error}"
    return f"{event.type} {event.id}"


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            event = webhooks.unwrap(body, dict(self.headers))
        except InvalidWebhookSignatureError:
            self.send_response(401)
        except UnknownWebhookEventError as unknown:
            print("unknown event", unknown.data, flush=True)
            self.send_response(204)  # an event newer than this client: received, not read
        else:
            print(describe(event), flush=True)
            self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the events are the output."""


if __name__ == "__main__":
    server = HTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 8000), Receiver)
    print("listening on", server.server_address[1], flush=True)
    server.serve_forever()
