"""Numbers and money in the reader's language: 1,234.5 in English, 1.234,5 in Spanish and Portuguese,
and each currency where its locale puts it (US$ 1.234 in Brazil, 1.234 US$ in Spanish).

Django localises numbers and dates itself; currencies need CLDR's patterns, which Babel carries.
"""

from decimal import Decimal

from django.utils.translation import get_language, to_locale

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, parse_pattern


def babel_locale(language: str | None = None) -> Locale:
    try:
        return Locale.parse(to_locale(language or get_language() or "en"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def money(amount: Decimal | float | int | None, currency: str, *, whole: bool = False) -> str:
    """`amount` in `currency` (ISO 4217) as the reader's locale writes it; `whole` drops the cents,
    for budgets in the millions where they are noise. Empty for a missing amount."""
    if amount is None:
        return ""
    locale = babel_locale()
    if whole:
        amount = Decimal(amount).quantize(Decimal(1))
    if not currency:
        return format_decimal(amount, locale=locale)
    pattern = parse_pattern(locale.currency_formats["standard"].pattern)
    if whole:
        pattern.frac_prec = (0, 0)
    return pattern.apply(amount, locale, currency=currency, currency_digits=not whole)
