"""Spreadsheet downloads (CSV and XLSX) from the same rows."""

from collections.abc import Iterable, Sequence

import tablib
from django.http import Http404, HttpResponse

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def dataset(headers: Sequence[str], rows: Iterable[Sequence], title: str = "") -> tablib.Dataset:
    data = tablib.Dataset(headers=list(headers), title=title[:31] or None)
    for row in rows:
        data.append(["" if value is None else value for value in row])
    return data


def download(data: tablib.Dataset | tablib.Databook, *, filename: str, fmt: str) -> HttpResponse:
    """Answer with the data as a file; an unknown format is a 404, not an error."""
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    if isinstance(data, tablib.Databook) and fmt == "csv":
        data = data.sheets()[0]
    response = HttpResponse(data.export(fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
