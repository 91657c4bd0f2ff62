"""The OpenAPI 3.1 description of the public JSON API, built from the same facet and sort
definitions the API reads, so the schema cannot drift from the parameters."""

from __future__ import annotations

from django.conf import settings

from search.backends.base import MAX_PAGE_SIZE, SORTS
from search.facets import FACETS
from search.params import MAX_PAGE, MAX_QUERY_LENGTH

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string", "description": "What was wrong with the request."}},
}
FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count", "selected"],
    "properties": {
        "value": {"type": "string"},
        "label": {"type": "string"},
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"},
    },
}
RESULT = {
    "type": "object",
    "required": [
        "id",
        "title",
        "url",
        "summary",
        "country",
        "levels",
        "sectors",
        "evidence_strength",
        "evidence_label",
        "effect_direction",
        "highlight",
    ],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "summary": {"type": "string"},
        "country": {"type": "string", "description": "ISO 3166-1 alpha-2"},
        "levels": {"type": "array", "items": {"type": "string"}},
        "sectors": {"type": "array", "items": {"type": "string"}},
        "evidence_strength": {"type": "integer", "minimum": 1, "maximum": 5},
        "evidence_label": {"type": "string"},
        "effect_direction": {"type": "string"},
        "highlight": {"type": "string", "description": "HTML fragment; only <mark> tags, text escaped."},
    },
}


def schema() -> dict:
    facet_parameters = [
        {
            "name": facet.name,
            "in": "query",
            "required": False,
            "description": f"{facet.label}: repeat to OR values; facets are ANDed.",
            # The values are read when the schema is served, so they follow the taxonomies.
            "schema": {
                "type": "array",
                "items": {"type": "string", "enum": [value for value, _ in facet.values()]},
            },
            "style": "form",
            "explode": True,
        }
        for facet in FACETS
    ]
    lang_parameter = {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": (
            "Language of labels, messages and result addresses: es, pt-br or en. Without it, the "
            "language cookie or the Accept-Language header decides."
        ),
        "schema": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    }
    search_parameters = [
        lang_parameter,
        {
            "name": "q",
            "in": "query",
            "required": False,
            "description": "Free text; operators are plain text.",
            "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        },
        *facet_parameters,
        {"name": "sort", "in": "query", "required": False, "schema": {"type": "string", "enum": list(SORTS)}},
        {
            "name": "page",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
        },
        {
            "name": "page_size",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        },
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Practice Exchange API",
            "version": "1.0",
            "description": (
                "Search the published citizen-security practices of Latin America and the Caribbean."
            ),
        },
        "paths": {
            "/api/search/": {
                "get": {
                    "operationId": "search",
                    "summary": "Faceted search of published practices",
                    "parameters": search_parameters,
                    "responses": {
                        "200": {
                            "description": "Results with facet counts",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": [
                                            "total",
                                            "page",
                                            "page_size",
                                            "backend",
                                            "took_ms",
                                            "results",
                                            "facets",
                                        ],
                                        "properties": {
                                            "total": {"type": "integer", "minimum": 0},
                                            "page": {"type": "integer", "minimum": 1},
                                            "page_size": {"type": "integer", "minimum": 1},
                                            "backend": {
                                                "type": "string",
                                                "enum": ["database", "opensearch", "elasticsearch"],
                                            },
                                            "took_ms": {"type": "number", "minimum": 0},
                                            "notice": {"type": "string"},
                                            "suggestion": {"type": "string"},
                                            "relaxed": {"type": "boolean"},
                                            "lang": {
                                                "type": "string",
                                                "description": "Language of labels and addresses",
                                            },
                                            "results": {"type": "array", "items": RESULT},
                                            "facets": {
                                                "type": "object",
                                                "additionalProperties": {
                                                    "type": "array",
                                                    "items": FACET_VALUE,
                                                },
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "400": {
                            "description": "Bad parameters",
                            "content": {"application/json": {"schema": ERROR}},
                        },
                    },
                }
            },
            "/api/search/autocomplete/": {
                "get": {
                    "operationId": "autocomplete",
                    "summary": "Practice titles starting with the words typed",
                    "parameters": [
                        lang_parameter,
                        {
                            "name": "q",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "Up to eight suggestions",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["results"],
                                        "properties": {
                                            "results": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "required": ["id", "title", "url"],
                                                    "properties": {
                                                        "id": {"type": "integer"},
                                                        "title": {"type": "string"},
                                                        "url": {"type": "string"},
                                                    },
                                                },
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        "400": {
                            "description": "Query too long",
                            "content": {"application/json": {"schema": ERROR}},
                        },
                    },
                }
            },
        },
    }
