"""The project's one sanitiser for user-submitted rich text and plain text.

Why one module: every form that accepts text from contributors (case studies, organisations, reading
lists...) must apply the same policy, so that a reviewer audits one allow-list and one test corpus
(``tests/sanitiser``) instead of one ad-hoc ``bleach.clean`` call per form.

Rich text goes through three stages:

1. **Normalise** the raw string: refuse oversized input, drop NUL/control/bidi-override characters.
2. **Pre-pass on a parse tree.** ``bleach.Cleaner(strip=True)`` removes disallowed tags *inside the
   tokenizer*, so ``<script>alert(1)</script>`` would become the visible text ``alert(1)``: bleach never
   sees a script element, only its text. We therefore parse once with the html5lib copy that bleach
   vendors, exactly as a browser would (entities decoded, ``<script>``/``<style>``/``<textarea>``... as
   raw-text containers, ``<svg>``/``<math>`` as foreign content), delete dangerous containers *with
   their content* and all comments, unwrap links without a safe href, turn layout blocks (div, td,
   h1...) into paragraphs, and serialise the tree back to well-formed HTML. Nesting depth is bounded
   while parsing (html5lib's tree construction is quadratic in depth) and trees are walked with a
   linear walker (html5lib's is quadratic in the number of siblings).
3. **bleach.Cleaner** with the allow-lists below, ``strip=True`` and ``strip_comments=True``, followed by
   :class:`_RichTextStructureFilter`, which normalises links (adds ``rel``), drops elements that have
   no text, and wraps loose inline content in ``<p>`` (Wagtail's rich text is a sequence of blocks).

Stages 2-3 repeat until the output stops changing, which makes the result idempotent (see
:func:`sanitise_html`); in practice the second pass only confirms the first.

Decisions (also asserted by the tests):

* **Links must be absolute** ``http(s)://host...`` or ``mailto:...``. Relative, fragment-only and
  protocol-relative hrefs (``/x``, ``#x``, ``//evil.example``) are dropped: contributors paste full
  URLs, and a relative href is ambiguous on the many pages where the text is shown.
* **An ``<a>`` whose href is missing or unsafe is unwrapped** (its text stays, the element goes), rather
  than kept as a bare ``<a>``: an anchor without href is no link, only noise for Wagtail's converter.
* **Every surviving link gets** ``rel="nofollow noopener"`` (replacing any submitted ``rel``);
  ``target`` is never allowed.
* Empty results collapse to ``""`` so that "required" validation works on what is actually kept.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import unquote, urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

import bleach
from bleach import html5lib_shim
from bleach._vendor.html5lib import treebuilders
from bleach._vendor.html5lib.constants import voidElements
from bleach._vendor.html5lib.html5parser import HTMLParser
from bleach._vendor.html5lib.treewalkers.base import TreeWalker

if TYPE_CHECKING:  # only the type: html5lib builds the trees
    from xml.etree.ElementTree import Element

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_PROTOCOLS",
    "ALLOWED_TAGS",
    "DROP_WITH_CONTENT_TAGS",
    "MAX_INPUT_LENGTH",
    "MAX_NESTING_DEPTH",
    "RAW_LENGTH_FACTOR",
    "InputTooLongError",
    "NestingTooDeepError",
    "OutputTooLongError",
    "PlainTextField",
    "SanitisedHTMLField",
    "SanitiserError",
    "raw_length_limit",
    "sanitise_html",
    "sanitise_text",
]

#: The only elements rich text may contain: what Wagtail's editor produces for prose, minus ``h1`` (the
#: page title is the only h1), images, layout containers, tables and anything that can embed content.
ALLOWED_TAGS: Final[frozenset[str]] = frozenset(
    {"p", "br", "ul", "ol", "li", "em", "strong", "i", "b", "a", "h2", "h3", "h4", "blockquote"}
)

#: Attributes users may set. ``rel`` is not here because users cannot choose it: the sanitiser sets it.
ALLOWED_ATTRIBUTES: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {"a": frozenset({"href", "title"})}
)

#: Link schemes that cannot run script. Anything else (javascript:, vbscript:, data:, file:...) goes.
ALLOWED_PROTOCOLS: Final[frozenset[str]] = frozenset({"http", "https", "mailto"})

#: Elements removed *together with everything inside them*: scripts and styles, raw-text and RCDATA
#: containers (whose "text" is code or markup a browser would treat differently), embedded documents
#: and plugins, foreign content (SVG, MathML: their parsing rules are the classic mutation-XSS
#: vector), form controls and document-level metadata. Other disallowed elements (div, span, table,
#: form...) are unwrapped instead: their text is the user's prose.
DROP_WITH_CONTENT_TAGS: Final[frozenset[str]] = frozenset(
    {
        # scripts, styles and templates
        "script",
        "style",
        "template",
        "noscript",
        # raw text / RCDATA / plaintext containers
        "textarea",
        "title",
        "xmp",
        "plaintext",
        "noembed",
        "noframes",
        # embedded documents, plugins and media
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "param",
        "portal",
        "fencedframe",
        "canvas",
        "audio",
        "video",
        "source",
        "track",
        "picture",
        "map",
        # foreign content
        "svg",
        "math",
        # form controls whose content is not prose
        "select",
        "option",
        "optgroup",
        "datalist",
        "input",
        "keygen",
        # document metadata
        "head",
        "meta",
        "link",
        "base",
    }
)

#: Hard ceiling on raw input, whatever the field: html5lib is pure Python and ~linear, so this bounds
#: the CPU one request can cost.
MAX_INPUT_LENGTH: Final[int] = 200_000

#: When a field has ``max_length`` (measured on the *sanitised* output), raw input may be this many
#: times longer (markup pasted from word processors is verbose) but no more.
RAW_LENGTH_FACTOR: Final[int] = 10

#: Deepest element nesting accepted. Real prose nests a few levels; html5lib's scope checks walk the
#: stack of open elements for each tag, so unbounded depth means quadratic time.
MAX_NESTING_DEPTH: Final[int] = 100

#: Plain text is re-sanitised until it stops changing (``<<b>b>`` becomes ``<b>`` after one pass);
#: input that still changes after this many passes is refused.
_MAX_TEXT_PASSES: Final[int] = 8

#: Rich text is re-sanitised until it stops changing (see :func:`sanitise_html`); two passes settle
#: everything in the test corpus and fuzzing, the rest is headroom.
_MAX_HTML_PASSES: Final[int] = 4

#: Longest ``title`` kept on a link; it is a tooltip, not content.
_MAX_TITLE_LENGTH: Final[int] = 300

_BLOCK_TAGS: Final[frozenset[str]] = frozenset({"p", "ul", "ol", "li", "h2", "h3", "h4", "blockquote"})
_INLINE_TAGS: Final[frozenset[str]] = frozenset({"a", "em", "strong", "i", "b", "br"})
_REL_VALUE: Final[str] = "nofollow noopener"
#: Disallowed elements that are paragraphs or paragraph containers in the user's eyes.
_PARAGRAPH_LIKE_TAGS: Final[frozenset[str]] = (
    html5lib_shim.HTML_TAGS_BLOCK_LEVEL
    | {
        "center",
        "listing",
        "summary",
        "legend",
        "caption",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
    }
) - ALLOWED_TAGS
_BLOCKISH_TAGS: Final[frozenset[str]] = _PARAGRAPH_LIKE_TAGS | _BLOCK_TAGS

# C0/C1 controls except tab and line feed, lone surrogates, BOM / non-characters, and the bidi
# embedding/override/isolate controls that can make text display differently from what it is
# ("Trojan Source"). Zero-width (non-)joiners stay: they are part of ordinary emoji and scripts.
_CONTROL_CHARS_RE: Final[re.Pattern[str]] = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
# What a browser's URL parser removes before looking for a scheme: leading/trailing C0 controls and
# spaces, and tabs/newlines anywhere.
_URL_EDGE_CHARS: Final[str] = "".join(chr(c) for c in range(0x21))
_URL_TAB_NEWLINE_RE: Final[re.Pattern[str]] = re.compile("[\t\n\r]")
# For the "does it mention a script scheme anywhere" check we are deliberately harsher: any
# whitespace, control or invisible character, anywhere.
_URL_NOISE_RE: Final[re.Pattern[str]] = re.compile(r"[\s\x00-\x20\x7f-\xa0\u00ad\u200b-\u200f\u2060\ufeff`]+")
_DANGEROUS_URL_MARKERS: Final[tuple[str, ...]] = ("javascript:", "vbscript:", "livescript:", "data:")
_BLANK_LINES_RE: Final[re.Pattern[str]] = re.compile(r"[ \t]*\n(?:[ \t]*\n)+")


class SanitiserError(ValueError):
    """Input the sanitiser refuses; a ``ValueError`` so callers outside forms can catch it generically."""


class InputTooLongError(SanitiserError):
    """Raw input exceeds :func:`raw_length_limit` (refused before parsing, to bound CPU time)."""

    def __init__(self, length: int, limit: int) -> None:
        self.length = length
        self.limit = limit
        super().__init__(
            f"Input is {length} characters long; at most {limit} are accepted before sanitising."
        )


class OutputTooLongError(SanitiserError):
    """The *sanitised* value exceeds ``max_length`` (what is stored is what is counted)."""

    def __init__(self, length: int, limit: int) -> None:
        self.length = length
        self.limit = limit
        super().__init__(f"Sanitised value is {length} characters long; the maximum is {limit}.")


class NestingTooDeepError(SanitiserError):
    """Markup nested deeper than :data:`MAX_NESTING_DEPTH` (or text hiding markup in markup repeatedly)."""

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail or f"Markup is nested more than {MAX_NESTING_DEPTH} levels deep.")


def raw_length_limit(max_length: int | None) -> int:
    """How many raw characters are accepted for a value whose sanitised length may be ``max_length``."""
    if max_length is None:
        return MAX_INPUT_LENGTH
    return min(MAX_INPUT_LENGTH, RAW_LENGTH_FACTOR * max(max_length, 0))


def _prepare(value: str | None, max_length: int | None) -> str:
    """Refuse oversized input, then normalise newlines and remove control characters."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"Expected str or None, got {type(value).__name__}.")
    limit = raw_length_limit(max_length)
    if len(value) > limit:
        raise InputTooLongError(len(value), limit)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARS_RE.sub("", value)


def _check_output_length(value: str, max_length: int | None) -> str:
    if max_length is not None and len(value) > max_length:
        raise OutputTooLongError(len(value), max_length)
    return value


_Token = dict[str, Any]

# --- Stage 2: parse-tree pre-pass --------------------------------------------------------------------

_EtreeTreeBuilder: Any = treebuilders.getTreeBuilder("etree")


class _DepthLimitedTreeBuilder(_EtreeTreeBuilder):
    """html5lib's etree builder, refusing to open more than :data:`MAX_NESTING_DEPTH` elements.

    Every element insertion goes through ``insertElementNormal``/``insertElementTable``; checking
    there is exact, unlike estimating depth from the raw string (comments, raw-text elements and
    misnested end tags make any regex estimate exploitable).
    """

    def _check_depth(self) -> None:
        if len(self.openElements) > MAX_NESTING_DEPTH:
            raise NestingTooDeepError()

    def insertElementNormal(self, token: dict[str, Any]) -> Any:  # noqa: N802 - html5lib's name
        self._check_depth()
        return super().insertElementNormal(token)

    def insertElementTable(self, token: dict[str, Any]) -> Any:  # noqa: N802 - html5lib's name
        self._check_depth()
        return super().insertElementTable(token)


def _parse_like_a_browser(text: str) -> Element:
    """Parse an HTML fragment per the HTML standard (entities decoded, scripting on, as browsers do)."""
    parser = HTMLParser(tree=_DepthLimitedTreeBuilder, namespaceHTMLElements=False)
    return parser.parseFragment(text, scripting=True)


def _must_drop(node: Element) -> bool:
    tag = node.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return True
    # "{namespace}name" is foreign content (SVG/MathML); "<!DOCTYPE>" cannot appear in a fragment.
    return tag.startswith(("{", "<")) or tag.lower() in DROP_WITH_CONTENT_TAGS


def _contains_block(node: Element) -> bool:
    return any(
        isinstance(descendant.tag, str) and descendant.tag.lower() in _BLOCKISH_TAGS
        for descendant in node.iter()
        if descendant is not node
    )


def _append_text(parent: Element, index: int, text: str | None) -> None:
    """Append ``text`` where it reads after ``parent[index - 1]`` (or at the start of ``parent``)."""
    if not text:
        return
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text


def _unwrap(parent: Element, index: int) -> None:
    """Replace ``parent[index]`` by its children, keeping its text and tail in reading order."""
    child = parent[index]
    grandchildren = list(child)
    _append_text(parent, index, child.text)
    parent.remove(child)
    for offset, grandchild in enumerate(grandchildren):
        parent.insert(index + offset, grandchild)
    if grandchildren:
        last = grandchildren[-1]
        last.tail = (last.tail or "") + (child.tail or "")
    else:
        _append_text(parent, index, child.tail)


def _prune_tree(root: Element, *, paragraphs: bool) -> None:
    """Delete comments and :data:`DROP_WITH_CONTENT_TAGS` subtrees, keeping the text that follows them.

    With ``paragraphs`` (rich text), two more structural changes happen here, on the parse tree, rather
    than after bleach: links without a safe href are unwrapped, and disallowed block-level elements
    (div, section, h1, td...) become ``<p>`` when they hold only inline content and are unwrapped
    otherwise, so that paragraphs in pasted layout markup stay paragraphs. Doing it before bleach
    matters: bleach re-parses the result, so any structure these changes create (a heading that was
    inside a link now inside a heading) is normalised by a real parse, which keeps output idempotent.
    """
    stack = [root]
    while stack:
        parent = stack.pop()
        index = 0
        while index < len(parent):
            child = parent[index]
            if _must_drop(child):
                _append_text(parent, index, child.tail)
                parent.remove(child)
                continue
            if paragraphs and str(child.tag).lower() == "a" and not _is_safe_url(child.get("href") or ""):
                _unwrap(parent, index)  # keep the text, lose the link (see the module docstring)
                continue
            if paragraphs and str(child.tag).lower() in _PARAGRAPH_LIKE_TAGS:
                if _contains_block(child):
                    _unwrap(parent, index)  # its children are examined next, at the same index
                    continue
                child.tag = "p"
                child.attrib.clear()
            stack.append(child)
            index += 1


def _split_name(name: str) -> tuple[str | None, str]:
    """ElementTree's ``{namespace}local`` into html5lib's ``(namespace, local)``."""
    if name.startswith("{") and "}" in name:
        namespace, local = name[1:].split("}", 1)
        return namespace, local
    return None, name


class _LinearEtreeWalker(TreeWalker):
    """Yields the same tokens as html5lib's etree walker, in linear time.

    html5lib's walker finds each next sibling with ``list.index``, which is quadratic in the number of
    siblings: 40,000 ``<br>`` in one paragraph cost seconds. This walks with an explicit stack.
    """

    def __iter__(self) -> Iterator[_Token]:
        root = self.tree
        if root.text:
            yield from self.text(root.text)
        stack: list[tuple[Element | None, Iterator[Element]]] = [(None, iter(root))]
        while stack:
            owner, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if owner is not None:
                    yield self.endTag(*_split_name(str(owner.tag)))
                    if owner.tail:
                        yield from self.text(owner.tail)
                continue
            if not isinstance(child.tag, str):
                yield self.comment(child.text or "")
            else:
                namespace, name = _split_name(child.tag)
                attrs = {_split_name(key): value for key, value in child.attrib.items()}
                if namespace is None and name in voidElements:
                    yield from self.emptyTag(
                        namespace, name, attrs, hasChildren=bool(len(child) or child.text)
                    )
                else:
                    yield self.startTag(namespace, name, attrs)
                    if child.text:
                        yield from self.text(child.text)
                    stack.append((child, iter(child)))
                    continue
            if child.tail:
                yield from self.text(child.tail)


def _serialise(root: Element) -> str:
    """Serialise a pre-pass tree: every attribute quoted, every ``<``/``&`` in text and attributes escaped."""
    serializer = html5lib_shim.HTMLSerializer(
        quote_attr_values="always",
        omit_optional_tags=False,
        escape_lt_in_attrs=True,
        escape_rcdata=True,
        resolve_entities=False,
        sanitize=False,
    )
    return serializer.render(_LinearEtreeWalker(root))


# --- Stage 3: bleach and the structure filter --------------------------------------------------------


def _is_safe_url(url: str) -> bool:
    """Whether a decoded href may be kept: absolute http(s)://host or mailto:address, and nothing sly."""
    url = _URL_TAB_NEWLINE_RE.sub("", url).strip(_URL_EDGE_CHARS)
    if not url or len(url) > 2048:
        return False
    # Defence in depth: no script scheme *anywhere*, whatever the encoding (entities, %-escapes,
    # fullwidth letters, invisible characters), e.g. ``https://redirect.example/?to=javascript:...``.
    suspicious = unicodedata.normalize("NFKC", unquote(unquote(url)))
    suspicious = _URL_NOISE_RE.sub("", suspicious).lower()
    if any(marker in suspicious for marker in _DANGEROUS_URL_MARKERS):
        return False
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_PROTOCOLS:
        return False  # includes relative, fragment-only and protocol-relative ("//evil.example") hrefs
    if scheme in {"http", "https"}:
        # Requires "scheme://host": "https:evil", "https:/\\evil" and "https:///x" are not links.
        return url.lower().startswith(f"{scheme}://") and bool(hostname) and "\\" not in parts.netloc
    return bool(parts.path.strip())  # mailto: needs an address


def _clean_href(raw: str | None) -> str | None:
    """Return the href to keep (normalised as a browser would) or ``None`` if it must go.

    ``raw`` is the attribute as bleach holds it: still entity-encoded. The returned value stays in that
    form (only tabs/newlines and edge whitespace removed) so the serializer neither double-escapes nor
    double-decodes it, which keeps the sanitiser idempotent.
    """
    if raw is None or not _is_safe_url(html.unescape(raw)):
        return None
    return _URL_TAB_NEWLINE_RE.sub("", raw).strip(_URL_EDGE_CHARS)


def _allow_link_attribute(tag: str, name: str, value: str) -> bool:
    """bleach attribute callback: the allow-list, plus href validation before bleach's own check."""
    if name not in ALLOWED_ATTRIBUTES.get(tag, frozenset()):
        return False
    if name == "href":
        return _clean_href(value) is not None
    return True


def _clean_title(raw: str) -> str | None:
    """A link title is plain text: strip any markup from it, return it in escaped (attribute) form."""
    try:
        text = _plain_text_fixpoint(html.unescape(raw))
    except SanitiserError:
        return None
    text = " ".join(text.split())[:_MAX_TITLE_LENGTH].strip()
    return html.escape(text, quote=True) if text else None


@dataclass
class _Node:
    """An element of the small tree the structure filter builds from bleach's token stream."""

    token: _Token  # StartTag or EmptyTag
    children: list[_Node | _Token] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.token["name"])


def _build_tree(tokens: Iterable[_Token]) -> _Node:
    root = _Node({"type": "StartTag", "name": "#root", "namespace": None, "data": {}})
    stack = [root]
    for token in tokens:
        kind = token["type"]
        if kind == "StartTag":
            node = _Node(token)
            stack[-1].children.append(node)
            stack.append(node)
        elif kind == "EndTag":
            # The tokens come from a tree walker, so they nest; be defensive anyway.
            names = [node.name for node in stack[1:]]
            if token["name"] in names:
                del stack[len(names) - names[::-1].index(token["name"]) :]
        elif kind == "EmptyTag":
            stack[-1].children.append(_Node(token))
        elif kind in {"Characters", "SpaceCharacters"}:
            if token.get("data"):
                stack[-1].children.append(token)
        elif kind == "Entity":
            stack[-1].children.append(token)
        # Comments were stripped by bleach; doctypes cannot occur in a fragment.
    return root


def _token_text(token: _Token) -> str:
    if token["type"] == "Entity":
        return html5lib_shim.convert_entity(token["name"]) or "&"
    return str(token.get("data", ""))


def _has_text(nodes: Iterable[_Node | _Token]) -> bool:
    """Whether any visible (non-whitespace) character is in ``nodes``."""
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if isinstance(node, _Node):
            stack.extend(node.children)
        else:
            text = _token_text(node)
            if text and not text.isspace():
                return True
    return False


def _has_block(node: _Node) -> bool:
    stack: list[_Node | _Token] = list(node.children)
    while stack:
        child = stack.pop()
        if isinstance(child, _Node):
            if child.name in _BLOCK_TAGS:
                return True
            stack.extend(child.children)
    return False


def _normalise_children(children: list[_Node | _Token]) -> list[_Node | _Token]:
    """Fix up links, drop empty blocks, unwrap empty inline elements (recursion depth is bounded)."""
    result: list[_Node | _Token] = []
    for child in children:
        if not isinstance(child, _Node):
            result.append(child)
            continue
        if child.name == "br":
            result.append(child)
            continue
        kids = _normalise_children(child.children)
        if child.name == "a":
            attrs = _link_attributes(child.token.get("data") or {})
            if attrs is None or not _has_text(kids):
                result.extend(kids)  # unsafe/missing href or no text: keep the text, lose the link
                continue
            child.token["data"] = attrs
        if not _has_text(kids):
            if child.name in _INLINE_TAGS:
                result.extend(kids)  # keep whitespace and <br> so words do not run together
            continue  # an empty block is dropped
        child.children = kids
        result.append(child)
    return result


def _link_attributes(attrs: Mapping[tuple[str | None, str], str]) -> dict[tuple[str | None, str], str] | None:
    """Attributes for a surviving link in their original order, plus ``rel``; ``None`` if no safe href."""
    href = _clean_href(attrs.get((None, "href")))
    if href is None:
        return None
    cleaned: dict[tuple[str | None, str], str] = {}
    for key, value in attrs.items():
        if key == (None, "href"):
            cleaned[key] = href
        elif key == (None, "title"):
            title = _clean_title(value)
            if title:
                cleaned[key] = title
    cleaned[(None, "rel")] = _REL_VALUE
    return cleaned


def _split_edge_space(token: _Token, *, leading: bool) -> tuple[_Token | None, _Token | None]:
    """Split a Characters token into (moved-out whitespace, kept text) at its start or end."""
    data = str(token.get("data", ""))
    core = data.lstrip() if leading else data.rstrip()
    space = data[: len(data) - len(core)] if leading else data[len(core) :]
    space_token = {"type": "SpaceCharacters", "data": space} if space else None
    core_token = {"type": token["type"], "data": core} if core else None
    return space_token, core_token


def _wrap(name: str, children: list[_Node | _Token]) -> _Node:
    return _Node({"type": "StartTag", "name": name, "namespace": None, "data": {}}, children)


def _close_run(kind: str, run: list[_Node | _Token], out: list[_Node | _Token]) -> None:
    """Emit a run of loose top-level content wrapped in a block (``<p>`` for inline, ``<ul>`` for li)."""
    if not run:
        return
    if kind == "li":
        out.append(_wrap("ul", run))
        return
    if not _has_text(run):
        return  # only <br>s: a blank line between blocks is not content
    before: list[_Node | _Token] = []
    after: list[_Node | _Token] = []
    if not isinstance(run[0], _Node) and run[0]["type"] == "Characters":
        space, core = _split_edge_space(run[0], leading=True)
        before = [space] if space else []
        run = ([core] if core else []) + run[1:]
    if run and not isinstance(run[-1], _Node) and run[-1]["type"] == "Characters":
        space, core = _split_edge_space(run[-1], leading=False)
        after = [space] if space else []
        run = run[:-1] + ([core] if core else [])
    out.extend(before)
    out.append(_wrap("p", run))
    out.extend(after)


def _wrap_top_level(children: list[_Node | _Token]) -> list[_Node | _Token]:
    """Wrap loose inline content in ``<p>`` and loose ``<li>`` in ``<ul>``; blocks pass through.

    Whitespace between items is kept outside the wrappers. An inline element that *contains* a block
    (``<b><p>x</p></b>``) passes through unwrapped: putting it in a ``<p>`` would not survive re-parsing.
    """
    out: list[_Node | _Token] = []
    run: list[_Node | _Token] = []
    run_kind = ""
    pending_space: list[_Node | _Token] = []
    for child in children:
        if isinstance(child, _Node):
            if child.name == "li":
                kind = "li"
            elif child.name in _BLOCK_TAGS or _has_block(child):
                kind = "block"
            else:
                kind = "inline"
        else:
            kind = "space" if _token_text(child).isspace() else "inline"
        if kind == "space":
            (pending_space if run else out).append(child)
            continue
        if kind == run_kind:
            run.extend(pending_space)
            run.append(child)
        else:
            _close_run(run_kind, run, out)
            out.extend(pending_space)
            run, run_kind = ([child], kind) if kind != "block" else ([], "")
            if kind == "block":
                out.append(child)
        pending_space = []
    _close_run(run_kind, run, out)
    out.extend(pending_space)
    return out


def _emit(nodes: Iterable[_Node | _Token]) -> Iterator[_Token]:
    for node in nodes:
        if not isinstance(node, _Node):
            yield node
            continue
        yield node.token
        if node.token["type"] == "StartTag":
            yield from _emit(node.children)
            yield {"type": "EndTag", "name": node.name, "namespace": node.token.get("namespace")}


class _RichTextStructureFilter(html5lib_shim.Filter):
    """Runs after bleach's sanitizer filter: links, empty elements and paragraph wrapping.

    It buffers the (size-limited) fragment into a small tree because both "does this element have any
    text" and "does this inline element contain a block" need to look ahead.
    """

    def __iter__(self) -> Iterator[_Token]:
        root = _build_tree(super().__iter__())
        children = _normalise_children(root.children)
        if not _has_text(children):
            return
        yield from _emit(_wrap_top_level(children))


_local = threading.local()


def _cleaner() -> bleach.Cleaner:
    """One ``Cleaner`` per thread: bleach's parser keeps state and is not thread-safe."""
    cleaner = getattr(_local, "cleaner", None)
    if cleaner is None:
        cleaner = bleach.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=dict.fromkeys(ALLOWED_ATTRIBUTES, _allow_link_attribute),
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            strip_comments=True,
            filters=[_RichTextStructureFilter],
        )
        cleaner.walker = _LinearEtreeWalker  # bleach's walker is html5lib's quadratic one
        _local.cleaner = cleaner
    return cleaner


def _sanitise_html_once(text: str) -> str:
    tree = _parse_like_a_browser(text)
    _prune_tree(tree, paragraphs=True)
    return _cleaner().clean(_serialise(tree)).strip()


def _output_limit(max_length: int | None) -> int:
    """Output never exceeds what is accepted as input, so sanitising the output again is always allowed."""
    return MAX_INPUT_LENGTH if max_length is None else min(max_length, MAX_INPUT_LENGTH)


def sanitise_html(value: str | None, *, max_length: int | None = None) -> str:
    """Sanitise user-submitted rich text into the small, safe HTML subset Wagtail stores.

    Disallowed tags are stripped (their text kept); dangerous containers are removed with their
    content; links are restricted to absolute http(s)/mailto and get ``rel="nofollow noopener"``;
    loose text is wrapped in ``<p>``. The result is ``""`` when nothing visible is left.

    Idempotent by construction: every pass produces safe HTML, but html5lib's tree construction is not a
    projection on every tree it builds (adoption-agency clones, headings closing headings), so removing
    an empty element can expose a nesting that parses differently. The pass therefore repeats until
    its output no longer changes (almost always after the second, confirming, pass).

    :raises InputTooLongError: raw input longer than :func:`raw_length_limit` (``max_length``).
    :raises NestingTooDeepError: markup nested deeper than :data:`MAX_NESTING_DEPTH`, or so convoluted
        that it does not settle in :data:`_MAX_HTML_PASSES` passes.
    :raises OutputTooLongError: the sanitised HTML is longer than ``max_length`` (or
        :data:`MAX_INPUT_LENGTH`).
    """
    text = _prepare(value, max_length)
    if not text.strip():
        return ""
    cleaned = _sanitise_html_once(text)
    for _attempt in range(_MAX_HTML_PASSES - 1):
        again = _sanitise_html_once(cleaned)
        if again == cleaned:
            return _check_output_length(cleaned, _output_limit(max_length))
        cleaned = again
    raise NestingTooDeepError("Markup is too convoluted to sanitise reliably.")


# --- Plain text --------------------------------------------------------------------------------------


def _text_content(root: Element) -> str:
    """Concatenate the text of a tree, with line breaks for ``<br>`` and around block-level elements."""
    parts: list[str] = [root.text or ""]
    stack: list[tuple[Iterator[Element], Element]] = [(iter(list(root)), root)]
    while stack:
        children, owner = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if owner is not root:
                if str(owner.tag).lower() in html5lib_shim.HTML_TAGS_BLOCK_LEVEL:
                    parts.append("\n")
                parts.append(owner.tail or "")
            continue
        name = str(child.tag).lower()
        if name == "br":
            parts.append("\n" + (child.tail or ""))
            continue
        if name in html5lib_shim.HTML_TAGS_BLOCK_LEVEL:
            parts.append("\n")
        parts.append(child.text or "")
        stack.append((iter(list(child)), child))
    return "".join(parts)


def _plain_text_once(text: str) -> str:
    """One pass of markup removal, with tags read as a browser reads them but entities left as typed.

    Escaping every ``&`` first makes the parser give each one back literally: in a plain-text field
    ``AT&amp;T`` or ``?a=1&section=2`` is what the user typed, not an entity (``&sect`` would become §).
    """
    tree = _parse_like_a_browser(text.replace("&", "&amp;"))
    _prune_tree(tree, paragraphs=False)
    text = _text_content(tree)
    return _BLANK_LINES_RE.sub("\n\n", text).strip()


def _plain_text_fixpoint(text: str) -> str:
    """Strip markup until none is left: ``<<b>script>`` hides a tag that only one pass reveals."""
    text = _CONTROL_CHARS_RE.sub("", text)
    for _attempt in range(_MAX_TEXT_PASSES):
        stripped = _plain_text_once(text)
        if stripped == text:
            return text
        text = stripped
    raise NestingTooDeepError("Text hides markup inside markup too many times.")


def sanitise_text(value: str | None, *, max_length: int | None = None) -> str:
    """Sanitise a plain-text field: remove every tag (keep the text), control characters and edge space.

    Dangerous containers (``<script>``...) lose their content too; block elements and ``<br>`` become
    line breaks. Tags are recognised as a browser would: ``a < b`` and ``<5%`` stay, but ``x<y`` at
    the end loses ``<y`` (an unfinished tag). Entities are left as typed. The result contains no
    sequence an HTML parser would read as markup, and is idempotent; it is still plain text, to be
    escaped by Django when rendered (never mark it safe).

    :raises InputTooLongError: raw input longer than :func:`raw_length_limit` (``max_length``).
    :raises NestingTooDeepError: markup nested too deeply, or hidden in markup too many times.
    :raises OutputTooLongError: the sanitised text is longer than ``max_length``.
    """
    text = _prepare(value, max_length)
    if not text.strip():
        return ""
    return _check_output_length(_plain_text_fixpoint(text), _output_limit(max_length))


# --- Form fields -------------------------------------------------------------------------------------


class _SanitisingFieldMixin:
    """Shared ``to_python``: sanitise after ``CharField``'s own clean-up, map errors to form errors.

    Sanitising in ``to_python`` (which ``clean()`` calls first) means ``required`` is checked against
    what survives sanitising: a value that was only ``<script>...</script>`` is "required" missing.
    """

    default_error_messages = {
        "input_too_long": _(
            "This text is too long to process (%(length)d characters; the limit is %(limit)d). "
            "Remove some of it, or paste it without formatting."
        ),
        "too_long": _(
            "This text is too long once cleaned up: %(length)d characters, the maximum is %(limit)d."
        ),
        "too_deep": _("This text is nested too deeply to be processed. Simplify its formatting."),
    }

    max_length: int | None
    error_messages: dict[str, Any]

    def _sanitise(self, value: str, *, max_length: int | None) -> str:
        raise NotImplementedError

    def to_python(self, value: Any) -> str:
        value = super().to_python(value)  # type: ignore[misc]
        if not value:
            return value
        try:
            return self._sanitise(value, max_length=self.max_length)
        except InputTooLongError as error:
            raise ValidationError(
                self.error_messages["input_too_long"],
                code="input_too_long",
                params={"length": error.length, "limit": error.limit},
            ) from error
        except OutputTooLongError as error:
            raise ValidationError(
                self.error_messages["too_long"],
                code="max_length",
                params={"length": error.length, "limit": error.limit},
            ) from error
        except NestingTooDeepError as error:
            raise ValidationError(self.error_messages["too_deep"], code="too_deep") from error


class SanitisedHTMLField(_SanitisingFieldMixin, forms.CharField):
    """A rich-text form field whose cleaned value is :func:`sanitise_html` of the input.

    ``max_length`` limits the sanitised HTML (what is stored); the raw input may be up to
    :data:`RAW_LENGTH_FACTOR` times longer, and never more than :data:`MAX_INPUT_LENGTH`.
    """

    widget = forms.Textarea

    def _sanitise(self, value: str, *, max_length: int | None) -> str:
        return sanitise_html(value, max_length=max_length)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        """Let the browser enforce the *raw* limit: markup makes raw input longer than the stored value."""
        attrs = super().widget_attrs(widget)
        if not widget.is_hidden:
            attrs["maxlength"] = str(raw_length_limit(self.max_length))
        return attrs


class PlainTextField(_SanitisingFieldMixin, forms.CharField):
    """A plain-text form field whose cleaned value is :func:`sanitise_text` of the input."""

    def _sanitise(self, value: str, *, max_length: int | None) -> str:
        return sanitise_text(value, max_length=max_length)
