"""The parts of the IR that belong to the API as a whole rather than to one operation: the
webhooks and their signature, the security schemes and the token grants, the servers and the
environment variables. Plain dataclasses; `ir/model.py`'s `Api` holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .type_exprs import NamedType

# --- webhooks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Webhook:
    """A request the API sends (a `webhooks` entry, or an operation's callback), whose JSON body
    a receiver reads as `payload` (`_webhooks.unwrap`)."""

    name: str
    """The webhook's key, or the callback's."""
    method: str
    payload: NamedType
    description: str | None
    pointer: str


@dataclass(frozen=True)
class WebhookSignature:
    """How the API signs its webhooks: Standard Webhooks, or an HMAC in one header
    (`x-clientgen-webhooks`)."""

    scheme: Literal["standard", "hmac"] = "standard"
    header: str = "webhook-signature"
    prefix: str = ""
    """What the header's value starts with before the digest (`sha256=`)."""
    algorithm: str = "sha256"
    signed: Literal["body", "timestamp.body"] = "body"
    encoding: Literal["hex", "base64"] = "hex"
    timestamp_header: str = "webhook-timestamp"
    """The header of the timestamp, when `signed` is `timestamp.body`."""

    @property
    def timed(self) -> bool:
        """A timestamp is signed, and checked against the tolerance."""
        return self.scheme == "standard" or self.signed == "timestamp.body"

    @property
    def base64_text(self) -> bool:
        """Secrets or digests are written in base64."""
        return self.scheme == "standard" or self.encoding == "base64"


# --- the API -----------------------------------------------------------------------------------


@dataclass
class TokenGrant:
    """OAuth2 tokens the client fetches itself with a client id and secret (the client credentials
    grant; with OpenID Connect, at the token endpoint its discovery document names)."""

    token_url: str | None
    """None for OpenID Connect: the discovery document names it."""
    refresh_url: str | None = None
    discovery_url: str | None = None
    auth_method: Literal["client_secret_post", "client_secret_basic"] = "client_secret_post"
    arguments: list[str] = field(default_factory=list)
    """The client's constructor arguments for it: the client id, the secret, the scopes."""
    env_vars: list[str] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)
    """The scopes asked for when the client is given none: every scope the operations' security
    requirements name for the scheme, in the order of the flow's list."""


@dataclass
class SecurityScheme:
    key: str
    """The name under components/securitySchemes."""
    kind: Literal["bearer", "basic", "api_key", "mutual_tls"]
    location: Literal["header", "query", "cookie", "tls"]
    parameter_name: str
    """Header, query or cookie name that carries the credential."""
    description: str | None = None
    arguments: list[str] = field(default_factory=list)
    """The client's constructor arguments for it: one token, or username and password."""
    env_vars: list[str] = field(default_factory=list)
    """The environment variable each argument falls back to."""
    grant: TokenGrant | None = None
    """How the client fetches its bearer tokens itself, when the API says (OAuth2, OpenID Connect)."""


@dataclass
class ServerVariable:
    name: str
    default: str
    enum: list[str]
    description: str | None = None


@dataclass
class Server:
    url: str
    description: str | None = None
    variables: list[ServerVariable] = field(default_factory=list)


@dataclass(frozen=True)
class EnvironmentVariables:
    """The environment variables a generated client and its tests read (the credentials' are
    on their security schemes)."""

    base_url: str
    log: str
    test_base_url: str
    """The server the contract tests run against: a variable of their own, never `base_url`,
    which may point at the production API."""

    @classmethod
    def with_prefix(cls, prefix: str, *, base_url: str | None = None) -> EnvironmentVariables:
        """The variables named after `prefix`; `base_url` names the base URL's otherwise."""
        return cls(
            base_url=base_url or f"{prefix}_BASE_URL", log=f"{prefix}_LOG", test_base_url=f"{prefix}_TEST_BASE_URL"
        )
