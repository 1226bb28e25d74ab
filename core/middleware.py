from django.utils.functional import SimpleLazyObject


class PartnershipMiddleware:
    """Set request.partnership: the partnership this instance serves.

    One instance serves one partnership today. Every selector takes the
    partnership (or an organisation) explicitly, so hosting several later
    means changing how this middleware picks one (say, by host name) and
    little else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from people.models import Partnership

        request.partnership = SimpleLazyObject(lambda: Partnership.objects.current())
        return self.get_response(request)
