"""Reciprocity insight for the bank's brokers, with downloads."""

import tablib
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.charts import bar_chart
from core.exports import dataset, download
from people.decorators import person_required

from .. import insight
from .common import here


@person_required
def insight_page(request, bank):
    h = here(request, bank, broker=True)
    now = timezone.now()
    figures = insight.member_figures(h.bank)
    months = insight.hours_by_month(h.bank, now=now)
    chart = bar_chart(
        [m for m, _v in months],
        {_("Hours exchanged"): [v for _m, v in months]},
        title=_("Hours exchanged each month"),
        description=_(
            "Hours given in confirmed exchanges in each of the last twelve months; the same figures are in the table below."
        ),
        ylabel=_("Hours"),
    )
    for f in figures:
        f.quiet_days = f.days_since_last(now)
    return render(
        request,
        "timebank/insight.html",
        h.context
        | {
            "figures": figures,
            "givers": insight.givers_who_never_receive(figures),
            "quiet": insight.gone_quiet(figures, now),
            "unanswered": insight.unanswered_requests(h.bank, now),
            "groups": insight.by_group(figures, now),
            "months": months,
            "report": insight.bank_report(h.bank, now=now),
            "chart": chart,
            "quiet_days": insight.QUIET_DAYS,
            "unanswered_days": insight.UNANSWERED_DAYS,
        },
    )


@person_required
def insight_download(request, bank, fmt):
    """The figures by group (suppressed, for funders) and, for brokers, per member."""
    h = here(request, bank, broker=True)
    now = timezone.now()
    figures = insight.member_figures(h.bank)
    book = tablib.Databook()
    group_rows = []
    for table in insight.by_group(figures, now):
        for row in table["rows"]:
            group_rows.append(
                [
                    table["title"],
                    row["label"],
                    row["members"],
                    row["active"],
                    row["givers"],
                    row["receivers"],
                    row["given"],
                    row["received"],
                ]
            )
    book.add_sheet(
        dataset(
            [
                _("Grouped by"),
                _("Group"),
                _("Members"),
                _("Active"),
                _("Gave"),
                _("Received"),
                _("Hours given"),
                _("Hours received"),
            ],
            group_rows,
            title=_("By group"),
        )
    )
    book.add_sheet(
        dataset(
            [
                _("Account"),
                _("Hours given"),
                _("Hours received"),
                _("People exchanged with"),
                _("Days to first exchange"),
                _("Days since last exchange"),
            ],
            [
                [
                    f.account.pk,
                    f.given_hours,
                    f.received_hours,
                    f.distinct_people,
                    f.days_to_first,
                    f.days_since_last(now),
                ]
                for f in figures
            ],
            title=_("Per member"),
        )
    )
    audit_record(
        "timebank.insight.exported",
        actor=request.user,
        organisation=h.bank.organisation,
        target=h.bank,
        data={"format": fmt},
    )
    return download(book, filename=f"{h.bank.slug}-insight", fmt=fmt)
