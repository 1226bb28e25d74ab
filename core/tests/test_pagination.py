"""The shared pagination component keeps the search and names every page."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.templatetags.coproduce import page_links


def _context(query: str):
    return {"request": RequestFactory().get("/directory/" + query)}


def test_page_links_keep_the_other_parameters_and_mark_the_current_page():
    page = Paginator(range(500), 20).page(12)
    links = page_links(_context("?q=lunch+club&page=12&category=c0"), page)
    assert links["previous"] == "?q=lunch+club&category=c0&page=11"
    assert links["next"] == "?q=lunch+club&category=c0&page=13"
    numbers = links["numbers"]
    assert numbers[0] == (1, "?q=lunch+club&category=c0&page=1", False)
    assert (12, "?q=lunch+club&category=c0&page=12", True) in numbers
    assert any(url is None for _n, url, _c in numbers)  # an ellipsis
    assert numbers[-1][0] == 25


def test_the_first_page_has_no_previous_link_and_no_other_parameters_are_invented():
    page = Paginator(range(45), 20).page(1)
    links = page_links(_context(""), page)
    assert links["previous"] is None and links["next"] == "?page=2"
    html = render_to_string("core/components/pagination.html", {"page": page, **_context("")})
    assert 'aria-current="page"' in html and 'href="?page=3"' in html and 'rel="prev"' not in html


def test_a_single_page_renders_no_pagination():
    page = Paginator(range(5), 20).page(1)
    assert (
        render_to_string("core/components/pagination.html", {"page": page, **_context("")}).strip()
        == ""
    )
