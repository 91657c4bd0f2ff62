from django import template

from wagtail.templatetags.wagtailcore_tags import slugurl

register = template.Library()


@register.simple_tag(takes_context=True)
def cached_slugurl(context, slug):
    """Wagtail's `slugurl`, looked up once per request: the header, the footer and the page itself
    link to the same few pages, and each lookup is a query."""
    request = context.get("request")
    if request is None:
        return slugurl(context, slug)
    found = request.__dict__.setdefault("_slugurls", {})
    if slug not in found:
        found[slug] = slugurl(context, slug)
    return found[slug]
