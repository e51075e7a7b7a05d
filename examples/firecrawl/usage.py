"""firecrawl-py's calls, ported to the client this preset generates: each row of README.md's table.

Run it with FIRECRAWL_API_KEY set (and FIRECRAWL_API_URL for another server than Firecrawl's);
the preset's tests type-check it with mypy --strict and run it against a local server that plays
Firecrawl.
"""

from __future__ import annotations

import asyncio
import os
import tempfile

from firecrawl import AsyncFirecrawl, Firecrawl, FirecrawlError, PaymentRequiredError, RateLimitError
from pydantic import BaseModel


class Product(BaseModel):
    name: str
    price: float


def main() -> None:
    firecrawl = Firecrawl()  # the API key from FIRECRAWL_API_KEY

    # scrape: markdown, and JSON shaped by a pydantic model
    doc = firecrawl.scrape("https://example.com", formats=["markdown"])
    print("scrape:", doc.markdown)
    doc = firecrawl.scrape("https://example.com/product", formats=["markdown", {"type": "json", "schema": Product}])
    print("json:", Product.model_validate(doc.json_))

    # crawl: start, wait (60 s at most), every page of documents
    crawl = firecrawl.crawl("https://example.com", limit=10, formats=["markdown"], poll_interval=0.1, timeout=60)
    print("crawl:", crawl.status, [page.metadata.source_url for page in crawl.data or [] if page.metadata])

    # a scrape's own time limit, in milliseconds, sent as `timeout`; the HTTP timeout follows it
    limited = firecrawl.scrape("https://example.com/slow", formats=["markdown"], timeout=30000)
    print("limited:", limited.markdown)

    # start_crawl, then its status (with every page of its documents)
    job = firecrawl.start_crawl("https://example.com", limit=10)
    status = firecrawl.get_crawl_status(job_id=job.id)
    print("crawl status:", status.status, status.completed, "of", status.total)
    # watch it: each status as it comes, with the documents so far
    snapshots = firecrawl.watch_crawl(job.id, poll_interval=0.1)
    print("watch:", [(snapshot.status, len(snapshot.data or [])) for snapshot in snapshots])
    # one page, then the next by its URL
    first = firecrawl.get_crawl_status(job.id, all_pages=False)
    if first.next:
        page = firecrawl.get_crawl_status_page(first.next).data or []
        print("next page:", [document.metadata.source_url for document in page if document.metadata])

    # batch_scrape
    batch = firecrawl.batch_scrape(["https://a.example", "https://b.example"], formats=["markdown"], poll_interval=0.1)
    print("batch:", [page.markdown for page in batch.data or []])

    # map and search
    print("map:", firecrawl.map("https://example.com").links)
    results = firecrawl.search("firecrawl", limit=3)
    print("search:", [result.url for result in results.web or []])

    # extract and agent: jobs in one call
    extracted = firecrawl.extract(
        ["https://example.com/product"], prompt="The product", schema=Product, poll_interval=0.1
    )
    print("extract:", extracted.status, extracted.data)
    agent = firecrawl.agent(prompt="Find the price of the product", poll_interval=0.1)
    print("agent:", agent.status, agent.data)

    # parse a file, by its path
    with tempfile.TemporaryDirectory() as folder:
        report = os.path.join(folder, "report.pdf")
        with open(report, "wb") as file:
            file.write(b"%PDF-1.4 ...")
        parsed = firecrawl.parse(report)
    print("parse:", parsed.markdown)

    # interact with the browser of a scrape, then stop it
    scraped = firecrawl.scrape("https://example.com", formats=["markdown"])
    scrape_id = scraped.metadata.scrape_id if scraped.metadata else None
    if scrape_id is not None:
        outcome = firecrawl.interact(scrape_id, "await page.click('a')")
        print("interact:", outcome.success)
        print("stop:", firecrawl.stop_interaction(scrape_id).success)

    # errors: 429 is retried (Retry-After honoured); 402 has a class of its own; FirecrawlError
    # is the base of them all
    try:
        firecrawl.scrape("https://example.com/expensive")
    except PaymentRequiredError as error:
        print("out of credits:", error.status_code)
    except RateLimitError as error:
        print("still rate limited:", error.headers.get("retry-after"))
    except FirecrawlError as error:
        print("failed:", error)


async def main_async() -> None:
    async with AsyncFirecrawl() as firecrawl:
        doc = await firecrawl.scrape("https://example.com", formats=["markdown"])
        crawl = await firecrawl.crawl("https://example.com", limit=10, poll_interval=0.1)
        print("async:", doc.markdown, len(crawl.data or []))


if __name__ == "__main__":
    main()
    asyncio.run(main_async())
