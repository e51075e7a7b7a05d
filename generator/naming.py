"""Every Python name in a generated client is made here, from spec text, by these functions.

A name built here is always a valid, ASCII, non-keyword identifier: spec text can never become
code through a name. File names are made from these identifiers only.
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import keyword
import re
import sys
import unicodedata
from collections.abc import Callable

# --- names the generated modules take from elsewhere -------------------------------------------
#
# The exceptions every client has, in the order its package exports them (defined in
# templates/package/_exceptions.py.jinja); a client's own status classes come before the last.
EXCEPTIONS = (
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "APIStatusError",
    "APIFailureError",
    "APIStreamError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "MissingCredentialsError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RedirectError",
    "ResponseTooLargeError",
    "UnprocessableEntityError",
    "WaitTimeoutError",
)

# Every name a generated module that also holds names made from the spec (the package's
# `__init__`, `_client`, `resources/*`, `types/*`) imports, and where from: "typing",
# "collections.abc", "typing_extensions", or a module of the client's runtime ("_models", ...).
# The resource and type modules write their imports from this table (`render.annotations.Imports`
# knows no other name), and no class the generator names takes one of these names, so a schema
# called `Call` or `Field` can never hide what the client needs (tests/test_names.py checks the
# templates' own imports against it).
RUNTIME_IMPORTS: dict[str, str] = {
    **dict.fromkeys(
        [
            "Annotated",
            "Any",
            "Literal",
            "ClassVar",
            "TYPE_CHECKING",
            "TypeAlias",
            "Union",
            "overload",
        ],
        "typing",
    ),
    **dict.fromkeys(["AsyncIterator", "Callable", "Iterator", "Mapping", "Sequence"], "collections.abc"),
    # typing's own are 3.11's (Required) or do not know typing_extensions' Required (TypedDict)
    **dict.fromkeys(["Required", "TypeAliasType", "TypedDict"], "typing_extensions"),
    **dict.fromkeys(["BaseModel", "Field", "discriminated"], "_models"),
    **dict.fromkeys(
        [
            "AsyncAPIClient",
            "AsyncAPIResource",
            "AsyncStreamedResponse",
            "Call",
            "Credential",
            "DEFAULT_MAX_RETRIES",
            "DEFAULT_TIMEOUT",
            "Endpoint",
            "RawResponse",
            "ResourceMethod",
            "ResponseEnvelope",
            "SecurityScheme",
            "Server",
            "ServerVariable",
            "StreamedResponse",
            "SyncAPIClient",
            "SyncAPIResource",
            "async_raw_response_wrapper",
            "async_streaming_response_wrapper",
            "job_id",
            "PageCursors",
            "raw_response_wrapper",
            "resource_method",
            "server_path",
            "server_url",
            "streaming_response_wrapper",
            "with_server_path",
            "TimeLimit",
        ],
        "_base_client",
    ),
    **dict.fromkeys(["ClientCredentials", "CredentialFunction", "TokenEndpoint", "TokenError"], "_auth"),
    **dict.fromkeys(["NOT_GIVEN", "Body", "FileTypes", "Headers", "NotGiven", "Query", "Timeout"], "_types"),
    **dict.fromkeys(["AsyncJSONLines", "AsyncStream", "JSONLines", "Stream"], "_streaming"),
    **dict.fromkeys(["AsyncPage", "PageRule", "SyncPage"], "_pagination"),
    **dict.fromkeys(["Encoding", "OptionDefaults", "flattened_object"], "_wire"),
    "DEFAULT_MAX_RESPONSE_SIZE": "_transport",
    "Hooks": "_hooks",
    **dict.fromkeys(EXCEPTIONS, "_exceptions"),
    "__version__": "_version",
}
# The modules those modules import whole: a method or a field of that name would hide the module
# from the annotations beside it.
RUNTIME_MODULES = frozenset({"builtins", "datetime", "functools", "httpx", "importlib", "os", "pydantic"})

# Python's builtins, whatever the Python that generates (3.11 and later; the later ones' added):
# a class of one of these names would be what a forward reference to a builtin finds, and the
# other way round (a model named `Exception`, referred to before its definition, is the builtin
# for pydantic).
BUILTIN_NAMES = frozenset(dir(builtins)) | {"PythonFinalizationError", "_IncompleteInputError"}

# Modules a package of the client's name would hide, so that it, or its dependencies, could not be
# imported: the standard library of every Python the clients run on (3.10 and later: this
# interpreter's list, with what other ones added and removed), what the client needs at run time
# (httpx, pydantic and theirs) and what its tests need (pytest and its own); and `tests`, the
# folder beside the package.
STANDARD_LIBRARY = sys.stdlib_module_names | {
    # added after 3.11
    "annotationlib",
    "compression",
    # removed in or after 3.11: a client may still run on a Python that has them
    "aifc",
    "asynchat",
    "asyncore",
    "audioop",
    "binhex",
    "cgi",
    "cgitb",
    "chunk",
    "crypt",
    "distutils",
    "imghdr",
    "imp",
    "lib2to3",
    "mailcap",
    "msilib",
    "nis",
    "nntplib",
    "ossaudiodev",
    "pipes",
    "smtpd",
    "sndhdr",
    "spwd",
    "sunau",
    "telnetlib",
    "uu",
    "xdrlib",
}
CLIENT_DEPENDENCIES = frozenset(
    {
        "httpx",
        "httpcore",
        "h11",
        "anyio",
        "sniffio",
        "idna",
        "certifi",
        "exceptiongroup",
        "pydantic",
        "pydantic_core",
        "annotated_types",
        "typing_extensions",
        "typing_inspection",
        "pytest",
        "_pytest",
        "py",
        "pluggy",
        "iniconfig",
        "packaging",
        "pygments",
        "tests",
    }
)
TAKEN_PACKAGE_NAMES = STANDARD_LIBRARY | CLIENT_DEPENDENCIES

# Members of pydantic.BaseModel (v2, with its v1-style aliases): a field with one of these
# names would shadow the method. Kept literal, not read from pydantic, so output never
# depends on the installed pydantic version.
PYDANTIC_MEMBERS = frozenset(
    """construct copy dict fields from_orm json parse_file parse_obj parse_raw schema
    schema_json update_forward_refs validate model_config model_fields model_computed_fields
    model_extra model_fields_set model_construct model_copy model_dump model_dump_json
    model_json_schema model_parametrized_name model_post_init model_rebuild model_validate
    model_validate_json model_validate_strings""".split()
)
# Names a model's field cannot take: pydantic's members, and the modules and functions a class
# body reads (`datetime.date`, those of `_models`).
RESERVED_FIELD_NAMES = (
    PYDANTIC_MEMBERS
    | RUNTIME_MODULES
    | {name for name, source in RUNTIME_IMPORTS.items() if name.islower() and source == "_models"}
)

# A word: a plural acronym (`URLs`), an acronym before a capitalised word, a (capitalised)
# lowercase run, an acronym, or a number; digits stay with the letters they follow
# (`base64`, `ipv4`, `HTML5`).
_WORD = re.compile(r"[A-Z]{2,}s(?![a-z])|[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")


@functools.lru_cache(maxsize=1 << 16)  # the IR asks again and again for the same few names
def words(text: str) -> tuple[str, ...]:
    """Split spec text into words: `byApiKey` -> by, Api, Key; `HTMLParser` -> HTML, Parser.

    Accents are dropped (é -> e); other non-ASCII characters and punctuation separate words.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return tuple(_WORD.findall(ascii_text))


def snake_case(text: str) -> str:
    return "_".join(word.lower() for word in words(text))


def pascal_case(text: str) -> str:
    return "".join(word[0].upper() + word[1:].lower() for word in words(text))


def constant_case(text: str) -> str:
    return snake_case(text).upper()


ENDPOINT_NAME_LENGTH = 88
"""The longest endpoint constant: `_NAME = Endpoint(` then fits in black's line length, so that
black never has to lay the constant out (Microsoft Graph's method names run past 100)."""


def endpoint_constant(method: str) -> str:
    """The module-level constant of a method's endpoint, `_METHOD_NAME`; a name too long keeps
    its start and ends with a hash of the whole, unique and the same in every generation."""
    name = "_" + constant_case(method)
    if len(name) <= ENDPOINT_NAME_LENGTH:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8].upper()
    return f"{name[: ENDPOINT_NAME_LENGTH - len(digest) - 1].rstrip('_')}_{digest}"


def _safe(name: str, fallback: str) -> str:
    """A valid identifier from words already joined: never empty, no leading digit, no keyword."""
    if not name:
        name = fallback
    if name[0].isdigit():
        name = fallback[0] + name
    if keyword.iskeyword(name):
        name += "_"
    return name


def attribute_name(text: str) -> str:
    """A snake_case identifier for a parameter or a field; `class` -> `class_`."""
    return _safe(snake_case(text), "value")


def field_name(text: str) -> str:
    """Like attribute_name, and never shadowing a pydantic.BaseModel member."""
    name = attribute_name(text)
    return name + "_" if name in RESERVED_FIELD_NAMES else name


def argument_name(field: str) -> str:
    """The name of a model's field as a keyword argument and as a key of the model's TypedDict:
    the field's name without the suffix that keeps it clear of pydantic's members (`schema_` ->
    `schema`), which arguments and dicts have no reason to avoid."""
    plain = field[:-1]
    return plain if field.endswith("_") and plain in PYDANTIC_MEMBERS else field


def class_name(text: str) -> str:
    return _safe(pascal_case(text), "Model")


def env_prefix(package_name: str) -> str:
    return constant_case(package_name) or "API"


# --- the names a user chooses: --package-name, --client-name, --env-prefix (or the same keys of
# the configuration), checked here whichever way they come

_PACKAGE_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_CLASS_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ENV_PREFIX = re.compile(r"[A-Z_][A-Z0-9_]*")


def package_name_problem(name: str) -> str | None:
    """What makes `name` unfit to name the generated package; None when nothing does."""
    if not _PACKAGE_NAME.fullmatch(name) or attribute_name(name) != name:
        return f"{name!r} is not a valid package name (lowercase letters, digits, underscores; not a Python keyword)"
    if name in TAKEN_PACKAGE_NAMES:
        return (
            f"{name!r} is the name of a module of the standard library or of one the client needs, which"
            f" the package would hide; choose another (say {name + '_client'!r})"
        )
    return None


def class_name_problem(name: str) -> str | None:
    """What makes `name` unfit to name the client class; None when nothing does."""
    if not _CLASS_NAME.fullmatch(name) or keyword.iskeyword(name):
        return (
            f"{name!r} is not a valid class name (ASCII letters, digits, underscores, not starting with a digit;"
            " not a Python keyword)"
        )
    return None


def env_prefix_problem(prefix: str) -> str | None:
    """What makes `prefix` unfit to begin the names of the client's environment variables."""
    if not _ENV_PREFIX.fullmatch(prefix):
        return (
            f"{prefix!r} is not a valid environment variable prefix (upper-case letters, digits, underscores,"
            " not starting with a digit)"
        )
    return None


CHOSEN_NAMES: dict[str, Callable[[str], str | None]] = {
    "package-name": package_name_problem,
    "client-name": class_name_problem,
    "env-prefix": env_prefix_problem,
}
"""The option (and configuration key) of each name a user chooses -> its check."""


class Scope:
    """A namespace in which names must be distinct; the first claim of a name wins it.

    Later claims of a taken name get a numeric suffix (`user_id`, `user_id_2`), so the outcome
    depends only on the order of the claims, which follows the spec. With `fold_case`,
    `Foo` and `foo` collide too (file names on case-insensitive file systems).
    """

    def __init__(self, reserved: frozenset[str] | set[str] = frozenset(), *, fold_case: bool = False) -> None:
        self._fold_case = fold_case
        self._taken = {self._key(name) for name in reserved}

    def _key(self, name: str) -> str:
        return name.lower() if self._fold_case else name

    def __contains__(self, name: str) -> bool:
        return self._key(name) in self._taken

    def try_claim(self, name: str) -> bool:
        """Claim `name` itself, never a numbered variant; False when it is taken."""
        if name in self:
            return False
        self._taken.add(self._key(name))
        return True

    def claim_first(self, name: str, second: str) -> str:
        """Claim `name`, or `second` when `name` is taken (then numbered as a last resort)."""
        return self.claim(second if name in self else name)

    def claim(self, name: str, *, separator: str = "_") -> str:
        candidate = name
        number = 2
        while self._key(candidate) in self._taken:
            candidate = f"{name}{separator}{number}"
            number += 1
        self._taken.add(self._key(candidate))
        return candidate
