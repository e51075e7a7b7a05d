"""firecrawl-py's calls, ported to the client this preset generates: each row of README.md's table.

Run it with FIRECRAWL_API_KEY set (and FIRECRAWL_BASE_URL for another server than Firecrawl's);
the preset's tests type-check it with mypy --strict and run it against a local server that plays
Firecrawl.
"""

from __future__ import annotations

import asyncio

from firecrawl import AsyncFirecrawl, Firecrawl, PaymentRequiredError, RateLimitError
from pydantic import BaseModel


class Product(BaseModel):
    name: str
    price: float


def main() -> None:
    firecrawl = Firecrawl()  # the API key from FIRECRAWL_API_KEY

    # scrape: markdown, and JSON shaped by a pydantic model
    doc = firecrawl.scrape("https://example.com", formats=["markdown"]).data
    print("scrape:", doc.markdown if doc else None)
    doc = firecrawl.scrape(
        "https://example.com/product", formats=["markdown", {"type": "json", "schema": Product}]
    ).data
    product = Product.model_validate(doc.json_) if doc else None
    print("json:", product)

    # crawl: start, wait, every page of documents
    crawl = firecrawl.crawl("https://example.com", limit=10, poll_interval=0.1, timeout=60)  # wait 60 s at most
    print("crawl:", crawl.status, [page.metadata.source_url for page in crawl.data or [] if page.metadata])

    # a scrape's own time limit, in milliseconds, sent as `timeout`; the HTTP timeout follows it
    limited = firecrawl.scrape("https://example.com/slow", formats=["markdown"], timeout=30000).data
    print("limited:", limited.markdown if limited else None)

    # start_crawl, then its status (with every page of its documents)
    job = firecrawl.start_crawl("https://example.com", limit=10)
    status = firecrawl.get_crawl_status(job.id)
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
    results = firecrawl.search("firecrawl", limit=3).data
    print("search:", [result.url for result in (results.web or [] if results else [])])

    # extract and agent: jobs in one call
    extracted = firecrawl.extract(
        ["https://example.com/product"], prompt="The product", schema=Product, poll_interval=0.1
    )
    print("extract:", extracted.status, extracted.data)
    agent = firecrawl.agent(prompt="Find the price of the product", poll_interval=0.1)
    print("agent:", agent.status, agent.data)

    # parse a file
    parsed = firecrawl.parse(("report.pdf", b"%PDF-1.4 ...", "application/pdf")).data
    print("parse:", parsed.markdown if parsed else None)

    # interact with the browser of a scrape, then stop it
    scraped = firecrawl.scrape("https://example.com", formats=["markdown"])
    scrape_id = scraped.data.metadata.scrape_id if scraped.data and scraped.data.metadata else None
    if scrape_id is not None:
        outcome = firecrawl.interact(scrape_id, code="await page.click('a')")
        print("interact:", outcome.success)
        print("stop:", firecrawl.stop_interaction(scrape_id).success)

    # errors: 429 is retried (Retry-After honoured); 402 has a class of its own
    try:
        firecrawl.scrape("https://example.com/expensive")
    except PaymentRequiredError as error:
        print("out of credits:", error.status_code)
    except RateLimitError as error:
        print("still rate limited:", error.headers.get("retry-after"))


async def main_async() -> None:
    async with AsyncFirecrawl() as firecrawl:
        doc = (await firecrawl.scrape("https://example.com", formats=["markdown"])).data
        crawl = await firecrawl.crawl("https://example.com", limit=10, poll_interval=0.1)
        print("async:", doc.markdown if doc else None, len(crawl.data or []))


if __name__ == "__main__":
    main()
    asyncio.run(main_async())
