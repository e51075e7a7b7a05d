"""How an operation's answers come in pages: `x-clientgen-pages`, the extensions other generators
read for the same (`x-speakeasy-pagination`, `x-fern-pagination`), and the common shapes assumed
where a spec declares none (with a warning that says what was assumed)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, replace
from typing import Any

from ..errors import Warnings
from ..load import Document
from .model import Pages, Parameter, Response
from .type_exprs import NONE, Alias, Field, ListOf, Model, Primitive, Ref, TypeExpr, UnionOf

PAGES_EXTENSION = "x-clientgen-pages"
SPEAKEASY_EXTENSION = "x-speakeasy-pagination"
FERN_EXTENSION = "x-fern-pagination"
PAGES_KEYS = (
    "style",
    "items",
    "next",
    "parameter",
    "cursor",
    "limit",
    "has_more",
    "id",
    "first",
    "name",
    "collect",
    "page",
    "options",
)
NAMED_STYLES = ("next_url", "cursor")
"""The styles an iterating method of its own (`name`) follows; page objects follow every style."""

# the shapes assumed without an extension: a next-cursor field for a query parameter of the
# same stem (`next_cursor` -> `cursor`, `nextPageToken` -> `pageToken`), or `after` with the
# last item's `id` and a `has_more` flag (the lists of OpenAI's and Stripe's APIs)
DETECTED_CURSOR_PARAMETERS = ("cursor", "page_token", "pageToken", "next_token", "nextToken")
DETECTED_AFTER_PARAMETERS = ("after", "starting_after")
HAS_MORE_FIELDS = ("has_more", "hasMore", "has_next_page", "hasNextPage")


def declares_pages(node: dict[str, Any]) -> bool:
    """The operation declares its pages, in one of the extensions read for them."""
    return node.get(PAGES_EXTENSION, False) is not False or SPEAKEASY_EXTENSION in node or FERN_EXTENSION in node


@dataclass(frozen=True)
class Declared:
    """An extension's declaration, in the words of `x-clientgen-pages`, with where it came from."""

    spec: dict[str, Any]
    where: str
    source: str
    places: dict[str, str] = dataclasses.field(default_factory=dict)
    """Key of x-clientgen-pages -> where the extension says it, below `where` (default: the key)."""

    def at(self, key: str) -> str:
        """The pointer of what the extension says for `key`."""
        return f"{self.where}/{self.places.get(key, key)}"


class PagesReader:
    """Reads how the operations of a document come in pages."""

    def __init__(self, document: Document, warnings: Warnings) -> None:
        self._document = document
        self._warnings = warnings

    def declared(self, node: dict[str, Any], pointer: str) -> Declared | None:
        """The operation's declaration, from the first of the extensions it has; None without one
        (or with `x-clientgen-pages: false`, which turns the assumption of a shape off)."""
        if PAGES_EXTENSION in node:
            spec = node[PAGES_EXTENSION]
            if spec is False:
                return None
            where = f"{pointer}/{PAGES_EXTENSION}"
            if not isinstance(spec, dict):
                raise self._document.error(where, "must be an object with `items`, `next`, ... or false")
            unknown = sorted(set(spec) - set(PAGES_KEYS))
            if unknown:
                raise self._document.error(f"{where}/{unknown[0]}", f"is not one of {', '.join(PAGES_KEYS)}")
            return Declared(spec, where, PAGES_EXTENSION)
        if SPEAKEASY_EXTENSION in node:
            where = f"{pointer}/{SPEAKEASY_EXTENSION}"
            return Declared(*self._from_speakeasy(node[SPEAKEASY_EXTENSION], where))
        if FERN_EXTENSION in node:
            where = f"{pointer}/{FERN_EXTENSION}"
            fern = node[FERN_EXTENSION]
            if fern is True:  # the document's own declaration applies
                fern = self._document.data.get(FERN_EXTENSION)
            return Declared(*self._from_fern(fern, where))
        return None

    def read(
        self, declared: Declared, parameters: list[Parameter], responses: list[Response], named: str | None
    ) -> Pages:
        """The pages a declaration describes. `named`: the name of the iterating method beside the
        operation's (where a waiting method needs the operation's own answer), else None (its
        method returns a page object)."""
        spec, where = declared.spec, declared.where
        style = spec.get(
            "style", "cursor" if "cursor" in spec or "parameter" in spec and "next" in spec else "next_url"
        )
        if style not in ("next_url", "cursor", "last_id", "offset", "page", "link"):
            raise self._document.error(
                declared.at("style"), f"{style!r} is not next_url, cursor, last_id, offset, page or link"
            )
        if named is not None and style not in NAMED_STYLES:
            raise self._document.error(
                where, f"an iterating method of its own follows next_url or cursor pages, not {style}"
            )
        answer = _success_answer(responses)
        if answer is None:
            raise self._document.error(where, "the operation has no successful JSON answer to take pages from")
        items_attribute, item = self._items(answer, spec.get("items"), declared.at("items"))
        next_field = self._next_field(answer, spec, style, declared)
        nested = any("." in path for path in (items_attribute or "", next_field.name if next_field else ""))
        if named is not None and (items_attribute is None or nested):
            raise self._document.error(
                where, "an iterating method of its own takes `items` and `next` from properties of the answer itself"
            )
        parameter = self._parameter(parameters, style, declared)
        limit = spec.get("limit")
        if limit is not None:
            self._request_parameter(parameters, limit, declared.at("limit"))
        has_more = self._flag(answer, spec.get("has_more"), declared.at("has_more"))
        id_attribute = self._item_id(item, spec.get("id", "id"), declared.at("id")) if style == "last_id" else None
        first = spec.get("first", 1)
        if isinstance(first, bool) or not isinstance(first, int):
            raise self._document.error(declared.at("first"), "must be the number of the first page, an integer")
        return Pages(
            name=named,
            items_attribute=items_attribute,
            item=item,
            next_attribute=next_field.name if next_field is not None else None,
            cursor_parameter=parameter.name if parameter is not None and style == "cursor" else None,
            style=style,
            parameter=parameter.wire_name if parameter is not None else None,
            parameter_location=parameter.location if parameter is not None else "query",
            limit_parameter=limit,
            has_more_attribute=has_more.name if has_more is not None else None,
            id_attribute=id_attribute,
            first_page=first,
            source=declared.source,
        )

    # --- the parts of a declaration ---------------------------------------------------------------

    def _items(self, answer: TypeExpr, name: object, where: str) -> tuple[str | None, TypeExpr]:
        """The answer's list field `name` (None: the answer is a list) and the type of an item."""
        if name is None:
            listed = _listed(answer)
            if listed is None:
                raise self._document.error(where, "is needed: the successful answer is not an array")
            return None, listed
        if not isinstance(name, str):
            raise self._document.error(where, "must be the name of the answer's array property")
        field = self._field(answer, name, where, "to take items from")
        listed = _listed(field.type)
        if listed is None:
            raise self._document.error(where, f"{name!r} is not an array")
        return field.name, listed

    def _next_field(self, answer: TypeExpr, spec: dict[str, Any], style: str, declared: Declared) -> Field | None:
        if style not in ("next_url", "cursor"):
            return None
        name = spec.get("next")
        if not isinstance(name, str):
            raise self._document.error(
                declared.where,
                f"a {style} style needs `next`, the answer's property with the next page's"
                f" {'URL' if style == 'next_url' else 'cursor'}",
            )
        return self._field(answer, name, declared.at("next"), "with the next page's URL or cursor")

    def _parameter(self, parameters: list[Parameter], style: str, declared: Declared) -> Parameter | None:
        """The request parameter the next page sets (`parameter`, or `cursor` as it was first
        called); None for the styles that follow a URL."""
        if style in ("next_url", "link"):
            return None
        key = "cursor" if "cursor" in declared.spec else "parameter"
        if not isinstance(declared.spec.get(key), str):
            raise self._document.error(
                declared.where, f"a {style} style needs `parameter`, the request parameter it sets"
            )
        return self._request_parameter(parameters, declared.spec[key], declared.at(key))

    def _request_parameter(self, parameters: list[Parameter], name: object, where: str) -> Parameter:
        """The query parameter or field of the JSON body `name`."""
        found = next((p for p in parameters if p.wire_name == name and p.location in ("query", "body")), None)
        if found is None:
            candidates = ", ".join(sorted(p.wire_name for p in parameters if p.location in ("query", "body")))
            raise self._document.error(
                where, f"the operation has no query parameter or body field {name!r} (those: {candidates or 'none'})"
            )
        return found

    def _flag(self, answer: TypeExpr, name: object, where: str) -> Field | None:
        if name is None:
            return None
        if not isinstance(name, str):
            raise self._document.error(where, "must be the name of the answer's boolean property")
        field = self._field(answer, name, where, "that says whether a page follows")
        if _optional(field.type) != Primitive("bool"):
            raise self._document.error(where, f"{name!r} is not a boolean")
        return field

    def _item_id(self, item: TypeExpr, name: object, where: str) -> str:
        model = _model(item)
        field = next((f for f in model.fields if f.wire_name == name), None) if model is not None else None
        if field is None:
            raise self._document.error(where, f"the items have no property {name!r} to start the next page after")
        return field.name

    def _field(self, answer: TypeExpr, name: str, where: str, purpose: str) -> Field:
        """The answer's property `name`, or the one at the end of a dotted path of properties
        (`meta.next_cursor`): its field, named by the path of Python attributes to it."""
        steps = [name] if _property(answer, name) is not None else name.split(".")
        fields: list[Field] = []
        owner = answer
        for step in steps:
            found = _property(owner, step)
            if found is None:
                raise self._document.error(
                    where, f"the operation's successful answer has no property {name!r} {purpose}"
                )
            fields.append(found)
            owner = found.type
        return replace(fields[-1], name=".".join(f.name for f in fields))

    # --- other generators' extensions -------------------------------------------------------------

    def _from_speakeasy(self, spec: object, where: str) -> tuple[dict[str, Any], str, str, dict[str, str]]:
        """`type` (offsetLimit, cursor, url), `inputs` (name, in, type) and `outputs` (results,
        nextCursor, nextUrl), in the words of x-clientgen-pages (a `Declared`'s parts)."""
        if not isinstance(spec, dict) or spec.get("type") not in ("offsetLimit", "cursor", "url"):
            raise self._document.error(where, "must be an object whose `type` is offsetLimit, cursor or url")
        inputs = {i.get("type"): i.get("name") for i in spec.get("inputs") or [] if isinstance(i, dict)}
        outputs = spec["outputs"] if isinstance(spec.get("outputs"), dict) else {}
        declared: dict[str, Any] = {"limit": inputs.get("limit")}
        results = outputs.get("results")
        if results is not None:
            declared["items"] = self._path(results, "$", f"{where}/outputs/results")
        if spec["type"] == "url":
            declared.update(style="next_url", next=self._path(outputs.get("nextUrl"), "$", f"{where}/outputs/nextUrl"))
        elif spec["type"] == "cursor":
            following = outputs.get("nextCursor")
            last = re.fullmatch(r"\$\.(\w+)\[-1\]\.(\w+)", following or "")
            if last is not None:  # the id of the last item: OpenAI's `after=`
                declared.update(style="last_id", items=last.group(1), id=last.group(2))
            else:
                declared.update(style="cursor", next=self._path(following, "$", f"{where}/outputs/nextCursor"))
            declared["parameter"] = inputs.get("cursor")
        else:
            style = "page" if "page" in inputs else "offset"
            declared.update(style=style, parameter=inputs.get(style))
        following_key = "outputs/nextUrl" if spec["type"] == "url" else "outputs/nextCursor"
        places = {"style": "type", "items": "outputs/results", "next": following_key, "id": following_key}
        places.update(parameter="inputs", limit="inputs")
        return _present(declared), where, SPEAKEASY_EXTENSION, places

    def _from_fern(self, spec: object, where: str) -> tuple[dict[str, Any], str, str, dict[str, str]]:
        """`cursor`/`next_cursor`, `offset` (with `step`, the page size), `next_uri`, `results`,
        `has-next-page`, in the words of x-clientgen-pages (a `Declared`'s parts)."""
        if not isinstance(spec, dict):
            raise self._document.error(where, "must be an object with `results` and `cursor`, `offset` or `next_uri`")

        def path(key: str, root: str) -> str | None:
            return self._path(spec[key], root, f"{where}/{key}") if key in spec else None

        declared: dict[str, Any] = {
            "items": path("results", "$response"),
            "has_more": path("has-next-page", "$response"),
        }
        if "next_uri" in spec:
            declared.update(style="next_url", next=path("next_uri", "$response"))
        elif "cursor" in spec:
            declared.update(style="cursor", parameter=path("cursor", "$request"), next=path("next_cursor", "$response"))
        elif "offset" in spec:
            # counted in pages, or by the page size `step` gives
            step = path("step", "$request")
            declared.update(style="offset" if step else "page", parameter=path("offset", "$request"), limit=step)
        else:
            raise self._document.error(where, "has none of `cursor`, `offset` or `next_uri`")
        places = {"items": "results", "has_more": "has-next-page", "limit": "step"}
        places.update(next="next_uri" if "next_uri" in spec else "next_cursor")
        places.update(parameter="cursor" if "cursor" in spec else "offset")
        return _present(declared), where, FERN_EXTENSION, places

    def _path(self, path: object, root: str, where: str) -> str:
        """The property a path names: `$.data`, `$response.meta.next`, `$request.cursor`; one
        with an index or a filter is refused rather than read wrong."""
        match = re.fullmatch(re.escape(root) + r"\.([\w-]+(?:\.[\w-]+)*)", path) if isinstance(path, str) else None
        if match is None:
            raise self._document.error(
                where, f"{path!r} is not `{root}.<property>` (properties only: no index or filter is read)"
            )
        return match.group(1)

    # --- the shapes assumed -----------------------------------------------------------------------

    def detected(self, pointer: str, parameters: list[Parameter], responses: list[Response]) -> Pages | None:
        """A common shape of a paged list, assumed, with a warning that names what was assumed."""
        answer = _success_answer(responses)
        model = _model(answer) if answer is not None else None
        if model is None:
            return None
        lists = [f for f in model.fields if _listed(f.type) is not None]
        query = {p.wire_name: p for p in parameters if p.location == "query"}
        if len(lists) != 1:
            return None
        items = lists[0]
        has_more = next(
            (f for f in model.fields if f.wire_name in HAS_MORE_FIELDS and _optional(f.type) == Primitive("bool")), None
        )
        spec: dict[str, Any] = {"items": items.wire_name}
        if has_more is not None:
            spec["has_more"] = has_more.wire_name
        after = next((name for name in DETECTED_AFTER_PARAMETERS if name in query), None)
        item = _model(_listed(items.type) or NONE)
        if (
            after is not None
            and has_more is not None
            and item is not None
            and any(f.wire_name == "id" for f in item.fields)
        ):
            spec.update(style="last_id", parameter=after)
            assumed = f"`{after}` takes the `id` of the last of its `{items.wire_name}` while `{has_more.wire_name}`"
        else:
            cursor = self._matching_cursor(model, query)
            if cursor is None:
                return None
            spec.update(style="cursor", next=cursor[0].wire_name, parameter=cursor[1])
            assumed = f"`{cursor[1]}` takes its `{cursor[0].wire_name}`"
        self._warnings.add(
            self._document.location(pointer),
            f"assumed to come in pages: {assumed} (declare {PAGES_EXTENSION} to confirm, or set it to false)",
        )
        return self.read(Declared(spec, pointer, "detected"), parameters, responses, None)

    @staticmethod
    def _matching_cursor(model: Model, query: dict[str, Parameter]) -> tuple[Field, str] | None:
        """The answer's string field with the next cursor, and the query parameter it goes to: the
        same stem, `next_` or `next` before it."""
        for name in DETECTED_CURSOR_PARAMETERS:
            if name not in query:
                continue
            wanted = {name, f"next_{name}", "next" + name[0].upper() + name[1:]}
            for field in model.fields:
                if field.wire_name in wanted and _optional(field.type) == Primitive("str"):
                    return field, name
        return None


def _present(declared: dict[str, Any]) -> dict[str, Any]:
    """The keys of a declaration that the extension gives."""
    return {key: value for key, value in declared.items() if value is not None}


def _success_answer(responses: list[Response]) -> TypeExpr | None:
    """The type of the successful JSON answer, if there is one."""
    return next((r.type for r in responses if r.is_success and r.stream_kind is None and r.type is not None), None)


def _resolved(type_: TypeExpr) -> TypeExpr:
    while isinstance(type_, Ref) and isinstance(type_.target, Alias):
        type_ = type_.target.type
    return type_


def _optional(type_: TypeExpr) -> TypeExpr:
    """`type_` without a `None` it is joined with."""
    type_ = _resolved(type_)
    if isinstance(type_, UnionOf):
        kept = [variant for variant in type_.variants if variant != NONE]
        if len(kept) == 1:
            return _resolved(kept[0])
    return type_


def _listed(type_: TypeExpr) -> TypeExpr | None:
    """The item type of a list type (optional or not), else None."""
    type_ = _optional(type_)
    return type_.item if isinstance(type_, ListOf) else None


def _property(owner: TypeExpr, wire_name: str) -> Field | None:
    """The field of a model type (optional or not) that holds the property `wire_name`."""
    model = _model(owner)
    return next((f for f in model.fields if f.wire_name == wire_name), None) if model is not None else None


def _model(type_: TypeExpr) -> Model | None:
    type_ = _optional(type_)
    return type_.target if isinstance(type_, Ref) and isinstance(type_.target, Model) else None
