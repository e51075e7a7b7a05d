"""firecrawl-py 4.54.0 call sites, as its users write them: one source text that runs under
firecrawl-py and under the client the Firecrawl preset generates (both import as `firecrawl`).

Each public function is one call site; runner.py calls them in order, each against a fresh state
of the fake server (tests/fake_firecrawl.py), with the client its first parameter names:
`firecrawl` (the key `fc-test`), `wrong_key_firecrawl` (another key) or `impatient_firecrawl`
(an HTTP timeout of half a second). Call sites that construct a client take none. What a call
site returns is its result; what it raises is its outcome. Names only one of the two clients has
are imported inside the call site that uses them, so that the rest of the file runs either way.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from firecrawl import AsyncFirecrawl, Firecrawl
from pydantic import BaseModel

API_URL = os.environ["FIRECRAWL_API_URL"]
"""The fake server's URL, the host alone, as firecrawl-py takes a self-hosted server's."""
API_KEY = "fc-test"
URL = "https://example.com"
POLL = 0.1
"""Seconds between polls: the fake's jobs take two polls."""


class Product(BaseModel):
    name: str
    price: float


# scrape


def scrape_markdown(firecrawl: Firecrawl) -> object:
    return firecrawl.scrape(URL, formats=["markdown"])


def scrape_markdown_text(firecrawl: Firecrawl) -> object:
    return firecrawl.scrape(URL, formats=["markdown"]).markdown


def scrape_with_page_options(firecrawl: Firecrawl) -> object:
    return firecrawl.scrape(URL, formats=["markdown", "links"], only_main_content=True, wait_for=500, mobile=True)


def scrape_json_with_a_pydantic_schema(firecrawl: Firecrawl) -> object:
    return firecrawl.scrape(f"{URL}/product", formats=[{"type": "json", "schema": Product}])


def scrape_json_output(firecrawl: Firecrawl) -> object:
    document = firecrawl.scrape(f"{URL}/product", formats=[{"type": "json", "schema": Product}])
    return document.json


def scrape_metadata(firecrawl: Firecrawl) -> object:
    metadata = firecrawl.scrape(URL).metadata
    return [metadata.source_url, metadata.status_code, metadata.scrape_id] if metadata else None


def scrape_with_the_api_timeout(firecrawl: Firecrawl) -> object:
    # milliseconds the API may take; firecrawl-py's HTTP timeout follows it
    return firecrawl.scrape(f"{URL}/slow", timeout=30000)


def scrape_with_integration(firecrawl: Firecrawl) -> object:
    return firecrawl.scrape(URL, formats=["markdown"], integration="my-app")


# crawl


def crawl_waiting_over_polls_and_pages(firecrawl: Firecrawl) -> object:
    return firecrawl.crawl(URL, limit=10, poll_interval=POLL)


def crawl_documents(firecrawl: Firecrawl) -> object:
    job = firecrawl.crawl(URL, limit=10, poll_interval=POLL)
    return [page.metadata.source_url for page in job.data if page.metadata]


def crawl_with_flattened_scrape_options(firecrawl: Firecrawl) -> object:
    job = firecrawl.crawl(URL, limit=10, formats=["markdown"], only_main_content=True, poll_interval=POLL)
    return job.status


def crawl_with_scrape_options(firecrawl: Firecrawl) -> object:
    from firecrawl import ScrapeOptions

    job = firecrawl.crawl(URL, limit=10, scrape_options=ScrapeOptions(formats=["markdown"]), poll_interval=POLL)
    return job.status


def crawl_wait_timeout(firecrawl: Firecrawl) -> object:
    # seconds to wait for the job, which runs longer
    return firecrawl.crawl(f"{URL}/slow-job", poll_interval=POLL, timeout=1)


def crawl_wait_timeout_keeps_the_job_id(firecrawl: Firecrawl) -> object:
    try:
        firecrawl.crawl(f"{URL}/slow-job", poll_interval=POLL, timeout=1)
    except TimeoutError as error:
        return getattr(error, "job_id", None)
    return "finished"


def crawl_cancelled_while_waiting(firecrawl: Firecrawl) -> object:
    # someone cancels the job: the wait ends with its status
    return firecrawl.crawl(f"{URL}/cancelled-job", poll_interval=POLL)


def start_crawl(firecrawl: Firecrawl) -> object:
    return firecrawl.start_crawl(URL, limit=10, include_paths=["/blog/.*"])


def start_batch_scrape_with_idempotency_key(firecrawl: Firecrawl) -> object:
    return firecrawl.start_batch_scrape([f"{URL}/a"], formats=["markdown"], idempotency_key="key-1")


def get_crawl_status_while_running(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_crawl(URL, limit=10)
    return firecrawl.get_crawl_status(job.id)


def get_crawl_status_over_pages(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_crawl(URL, limit=10)
    statuses = [firecrawl.get_crawl_status(job.id) for _ in range(3)]
    return statuses[-1]


def get_crawl_status_by_keyword(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_crawl(URL, limit=10)
    return firecrawl.get_crawl_status(job_id=job.id).status


def get_crawl_status_one_page_then_the_next(firecrawl: Firecrawl) -> object:
    from firecrawl.v2.types import PaginationConfig

    job = firecrawl.start_crawl(URL, limit=10)
    one_page = PaginationConfig(auto_paginate=False)
    status = [firecrawl.get_crawl_status(job.id, pagination_config=one_page) for _ in range(3)][-1]
    assert status.next is not None
    return [status, firecrawl.get_crawl_status_page(status.next)]


def get_crawl_status_with_max_results(firecrawl: Firecrawl) -> object:
    from firecrawl.v2.types import PaginationConfig

    job = firecrawl.start_crawl(URL, limit=10)
    limited = PaginationConfig(max_results=2)
    return [firecrawl.get_crawl_status(job.id, pagination_config=limited) for _ in range(3)][-1]


def wait_crawl(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_crawl(URL, limit=10)
    return firecrawl.wait_crawl(job.id, poll_interval=POLL)


def get_crawl_errors(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_crawl(URL)
    return firecrawl.get_crawl_errors(job.id)


def get_active_crawls(firecrawl: Firecrawl) -> object:
    return firecrawl.get_active_crawls()


def cancel_crawl(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_crawl(URL)
    return firecrawl.cancel_crawl(job.id)


def cancel_a_finished_crawl(firecrawl: Firecrawl) -> object:
    # the API answers 409: there is nothing to cancel
    return firecrawl.cancel_crawl("crawl-done-1")


def crawl_params_preview(firecrawl: Firecrawl) -> object:
    return firecrawl.crawl_params_preview(URL, "only the blog")


# batch scrape


def batch_scrape(firecrawl: Firecrawl) -> object:
    return firecrawl.batch_scrape([f"{URL}/a", f"{URL}/b"], formats=["markdown"], poll_interval=POLL)


def batch_scrape_markdown(firecrawl: Firecrawl) -> object:
    job = firecrawl.batch_scrape([f"{URL}/a", f"{URL}/b"], formats=["markdown"], poll_interval=POLL)
    return [page.markdown for page in job.data]


def start_batch_scrape_and_its_status(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_batch_scrape([f"{URL}/a", f"{URL}/b"], formats=["markdown"])
    return firecrawl.get_batch_scrape_status(job.id)


def get_batch_scrape_status_over_pages(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_batch_scrape([f"{URL}/a", f"{URL}/b"], formats=["markdown"])
    return [firecrawl.get_batch_scrape_status(job.id) for _ in range(3)][-1]


def cancel_batch_scrape(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_batch_scrape([f"{URL}/a"])
    return firecrawl.cancel_batch_scrape(job.id)


# map and search


def map_links(firecrawl: Firecrawl) -> object:
    return firecrawl.map(URL)


def map_with_options(firecrawl: Firecrawl) -> object:
    return [link.url for link in firecrawl.map(URL, search="docs", limit=5, include_subdomains=True).links]


def search(firecrawl: Firecrawl) -> object:
    return firecrawl.search("firecrawl", limit=3)


def search_web_results(firecrawl: Firecrawl) -> object:
    results = firecrawl.search("firecrawl", limit=3).web
    return [result.url for result in results or []]


# extract and agent


def extract(firecrawl: Firecrawl) -> object:
    schema = Product.model_json_schema()
    return firecrawl.extract([f"{URL}/product"], prompt="The product", schema=schema, poll_interval=POLL)


def start_extract_and_its_status(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_extract([f"{URL}/product"], prompt="The product")
    assert job.id is not None
    return firecrawl.get_extract_status(job.id)


def agent(firecrawl: Firecrawl) -> object:
    return firecrawl.agent(prompt="Find the price of the product", poll_interval=POLL)


def start_agent_status_and_cancel(firecrawl: Firecrawl) -> object:
    job = firecrawl.start_agent(prompt="Find the price of the product")
    assert job.id is not None
    return [firecrawl.get_agent_status(job.id), firecrawl.cancel_agent(job.id)]


# parse


def parse_a_path(firecrawl: Firecrawl) -> object:
    report = Path(tempfile.mkdtemp()) / "report.md"
    report.write_text("# Quarterly report\n")
    return firecrawl.parse(str(report))


def parse_bytes(firecrawl: Firecrawl) -> object:
    return firecrawl.parse(b"# Quarterly report\n", filename="report.md")


# interact


def interact_positional_code(firecrawl: Firecrawl) -> object:
    return firecrawl.interact("s1", "await page.click('a')")


def interact_by_keyword(firecrawl: Firecrawl) -> object:
    return firecrawl.interact("s1", code="await page.click('a')")


def stop_interaction(firecrawl: Firecrawl) -> object:
    return firecrawl.stop_interaction("s1")


# errors


def unauthorized(wrong_key_firecrawl: Firecrawl) -> object:
    return wrong_key_firecrawl.scrape(URL)


def unauthorized_caught_by_name(wrong_key_firecrawl: Firecrawl) -> object:
    from firecrawl import UnauthorizedError

    try:
        wrong_key_firecrawl.scrape(URL)
    except UnauthorizedError as error:
        return error.status_code
    return None


def payment_required(firecrawl: Firecrawl) -> object:
    return firecrawl.scrape(f"{URL}/expensive")


def payment_required_caught_by_name(firecrawl: Firecrawl) -> object:
    from firecrawl import PaymentRequiredError

    try:
        firecrawl.scrape(f"{URL}/expensive")
    except PaymentRequiredError as error:
        return error.status_code
    return None


def rate_limited(firecrawl: Firecrawl) -> object:
    return firecrawl.scrape(f"{URL}/rate-limited")


def server_error(firecrawl: Firecrawl) -> object:
    return firecrawl.scrape(f"{URL}/server-error")


def any_error_caught_as_firecrawl_error(firecrawl: Firecrawl) -> object:
    from firecrawl import FirecrawlError

    try:
        firecrawl.scrape(f"{URL}/server-error")
    except FirecrawlError as error:
        return error.status_code
    return None


def success_false_on_scrape(firecrawl: Firecrawl) -> object:
    return firecrawl.scrape(f"{URL}/failure")


def success_false_on_map(firecrawl: Firecrawl) -> object:
    return firecrawl.map(f"{URL}/failure")


def http_timeout(impatient_firecrawl: Firecrawl) -> object:
    return impatient_firecrawl.scrape(f"{URL}/slow")


# client construction


def self_hosted_api_url() -> object:
    return Firecrawl(api_key=API_KEY, api_url=API_URL).scrape(URL).markdown


def self_hosted_without_a_key() -> object:
    return Firecrawl(api_url=API_URL).scrape(URL).markdown


def api_key_positional() -> object:
    return Firecrawl(API_KEY, api_url=API_URL).map(URL).links


def credit_usage(firecrawl: Firecrawl) -> object:
    return firecrawl.get_credit_usage()


# async


async def async_scrape(firecrawl: AsyncFirecrawl) -> object:
    return await firecrawl.scrape(URL, formats=["markdown"])


async def async_crawl(firecrawl: AsyncFirecrawl) -> object:
    return await firecrawl.crawl(url=URL, limit=10, poll_interval=POLL)
