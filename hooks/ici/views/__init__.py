"""View models: plain dicts a template only has to present, one builder per page kind.

``RECORD_VIEWS[kind](ctx, record_id)`` builds the context of a generated record page;
``LIST_VIEWS[name](ctx)`` the context of a hand-written listing page whose front
matter says ``ici_list: <name>``; ``TIMED_VIEWS[section](ctx, where)`` that of a paged
listing page of events or courses. ``ctx`` is the language's render context
(``ici.context``): views read nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..context import RenderContext
from . import contacts, courses, events, figures, handout, news, register, status
from .record import generic_view

View = dict[str, Any]

RECORD_VIEWS: dict[str, Callable[[RenderContext, str], View]] = {
    "branch": contacts.branch_view,
    "event": events.event_view,
    "course": courses.course_view,
    "service": register.service_view,
}


def record_view(kind: str) -> Callable[[RenderContext, str], View]:
    """The view of ``kind``'s record pages: its own, or the generic one (ici.views.record)."""
    return RECORD_VIEWS.get(kind) or generic_view(kind)


LIST_VIEWS: dict[str, Callable[[RenderContext], View]] = {
    "branches": contacts.branches_list,
    "status": status.status_page,
    "events": events.events_list,
    "courses": courses.courses_list,
    "figures": figures.figures_list,
    "news": news.news_list,
    "news_item": news.news_item,
    "handout": handout.handout_view,
    "services": register.services_list,
}

# the listing pages of the upcoming or past entries (ici.timed_pages), by section
TIMED_VIEWS: dict[str, Callable[[RenderContext, list[Any]], View]] = {
    "events": events.events_page,
    "courses": courses.courses_page,
}
