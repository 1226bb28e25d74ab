from django.http import HttpResponse

from people.decorators import person_required


@person_required
def visit_detail(request, pk):
    return HttpResponse("")


@person_required
def concern_raise(request):
    return HttpResponse("")
