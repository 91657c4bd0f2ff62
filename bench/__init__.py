"""The benchmark harness (docs/performance.md): a synthetic corpus in its own database and index."""

# Every kind of request is timed at least this often, however slow the backend.
MIN_SAMPLES = 3
# The kinds of request in the mix (bench/mix.py), in the order the tables show them.
KINDS = (
    "text",
    "text_facets",
    "facets",
    "sort_evidence",
    "deep_page",
    "autocomplete",
    "similar",
    "evidence_map",
)
