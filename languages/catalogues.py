"""Where the interface's strings come from, for `manage.py catalogues` and for the test that checks
the catalogues are complete."""

# Languages with a catalogue to translate (gettext's locale names); English is the source language.
TRANSLATED = ["es", "pt_BR"]
ALL = ["en", *TRANSLATED]

# Code and templates; not the tests, the benchmark tools or data files.
IGNORED = [
    ".venv/*",
    "tests/*",
    "bench/*",
    "staticfiles/*",
    "var/*",
    "test-artifacts/*",
    ".search-data/*",
    "*/migrations/*",
    "media/*",
    ".test-media/*",
    "backups/*",
]
MAKEMESSAGES_OPTIONS = {"no_obsolete": True, "add_location": "file", "ignore_patterns": IGNORED}
