"""CSV cells that a spreadsheet will show, never run."""

# Spreadsheets run a cell that starts with these as a formula; a leading apostrophe keeps it text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value
