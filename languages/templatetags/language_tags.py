from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from languages.urls import url_in_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context) -> list[dict]:
    """The current page in each interface language: for the switcher and for hreflang alternates."""
    request = context.get("request")
    here = request.get_full_path() if request else "/"
    current = get_language()
    absolute = request.build_absolute_uri if request else str
    return [
        {
            "code": code,
            "name": name,
            "current": code == current,
            "url": absolute(url_in_language(here, code)),
            "switch_url": f"{reverse('switch_language', args=[code])}?{urlencode({'next': here})}",
        }
        for code, name in settings.LANGUAGES
    ]
