from django import template

from languages.formatting import money

register = template.Library()


@register.filter
def as_money(amount, currency: str = "") -> str:
    """{{ page.cost_per_beneficiary|as_money:page.budget_currency }}: 1.234,50 US$ in Spanish."""
    return money(amount, currency or "")


@register.filter
def as_whole_money(amount, currency: str = "") -> str:
    """{{ page.budget_amount|as_whole_money:page.budget_currency }}: US$ 1.234.568 in Portuguese."""
    return money(amount, currency or "", whole=True)
