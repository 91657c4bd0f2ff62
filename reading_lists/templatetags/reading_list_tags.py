from django import template

register = template.Library()


@register.filter
def make_list_of_one(value):
    return [value]


@register.filter
def practice_ids(columns):
    """The practice ids of the comparison's columns."""
    return [column["page"].pk for column in columns]
