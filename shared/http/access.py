"""One authorisation policy per service, enforced in one place, denying by default (GEN-6).

Each service states, for every operation (method + path template), who may call it: the roles
allowed, the jurisdiction rule the handler applies to the resource, and whether it needs If-Match.
`create_app` stores the table on `app.state.access` and runs `enforce_access` on every route after
routing and before the route's own dependencies and body validation: a role not listed is refused
(403 `role-not-allowed`, or the route's own refusal named in `Rule.refuse`), and an operation the
table does not know is refused for everyone. Denials are audited as every 401/403 is: by the
problem handlers (`record_denial`). Jurisdiction checks that need the loaded resource stay in the
handlers; the table names the rule so that a test can check it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from fastapi import Request
from fastapi.security import HTTPAuthorizationCredentials

from shared.http.auth import RoleNotAllowed, _authenticate, _bearer
from shared.http.tokens import ROLES, Principal

PUBLIC = "public"
"""No token needed (health, readiness, metrics, the API documents)."""
ANY = "any"
"""Any division: reference data, or a rule the handler states in other terms (its org)."""
OWN_DIVISION = "own_division"
"""The caller's division must contain the resource's (or the addressed) division."""
DIVISION_FILTER = "division_filter"
"""A listing or report: only what lies within the caller's division is returned."""
PROVINCE_ONLY = "province_only"
"""A province-wide setting: only the province sets it."""
JURISDICTIONS = frozenset({PUBLIC, ANY, OWN_DIVISION, DIVISION_FILTER, PROVINCE_ONLY})
IF_MATCH = frozenset({"none", "required", "when-exists", "optional"})
"""`none`: never read; `required`: 428 without it; `when-exists`: needed once the stream exists;
`optional`: honoured (412 when stale), never required."""

Operation = tuple[str, str]
Refusal = Callable[[Principal], None]


@dataclass(frozen=True)
class Rule:
    """Who may call one operation, within which jurisdiction, with or without If-Match."""

    roles: frozenset[str]
    jurisdiction: str
    if_match: str = "none"
    refuse: Refusal | None = None
    """Raises the route's own 403 for a role not listed (else `role-not-allowed`)."""

    def __post_init__(self) -> None:
        unknown = set(self.roles) - set(ROLES)
        if unknown:
            raise ValueError(f"unknown roles {sorted(unknown)}")
        if self.jurisdiction not in JURISDICTIONS:
            raise ValueError(f"unknown jurisdiction rule {self.jurisdiction!r}")
        if self.if_match not in IF_MATCH:
            raise ValueError(f"unknown If-Match rule {self.if_match!r}")
        if (self.jurisdiction == PUBLIC) != (not self.roles):
            raise ValueError("a public operation names no roles; any other names at least one")

    @property
    def public(self) -> bool:
        """True when no token is needed."""
        return self.jurisdiction == PUBLIC


def allow(
    *roles: str, jurisdiction: str, if_match: str = "none", refuse: Refusal | None = None
) -> Rule:
    """A rule admitting `roles` only."""
    return Rule(frozenset(roles), jurisdiction, if_match, refuse)


def public() -> Rule:
    """A rule admitting anyone, without a token."""
    return Rule(frozenset(), PUBLIC)


KERNEL_RULES: dict[Operation, Rule] = {
    ("GET", "/healthz"): public(),
    ("GET", "/readyz"): public(),
    ("GET", "/metrics"): public(),
    ("GET", "/openapi.json"): public(),
    ("GET", "/docs"): public(),
    ("GET", "/docs/oauth2-redirect"): public(),
    ("GET", "/redoc"): public(),
    # the JSON Schemas the events' ce_dataschema names (shared/http/event_schemas, ADR 0039):
    # field names and types, no personal data
    ("GET", "/schemas/{event_type}/v{version}.json"): public(),
    ("GET", "/schemas/{event_type}/v{version}.public.json"): public(),
    # names of places (shared/places): any authenticated caller
    ("GET", "/v1/places"): allow(*ROLES, jurisdiction=ANY),
    ("GET", "/v1/places/{code}"): allow(*ROLES, jurisdiction=ANY),
    # the working calendar (shared/workcalendar): everyone reads it, the province or ops sets it
    ("GET", "/v1/calendar/years/{year}"): allow(*ROLES, jurisdiction=ANY),
    ("PUT", "/v1/calendar/years/{year}"): allow(
        "province_officer", "ops", jurisdiction=PROVINCE_ONLY, if_match="when-exists"
    ),
}
"""The operations every service's app has (create_app's, the places and calendar routers)."""


class AccessTable(Mapping[Operation, Rule]):
    """A service's rules, the kernel's included; an operation not in it is refused to all."""

    def __init__(self, service: str, rules: Mapping[Operation, Rule]) -> None:
        self.service = service
        self.own: dict[Operation, Rule] = {(m.upper(), p): r for (m, p), r in rules.items()}
        self._rules = {**KERNEL_RULES, **self.own}

    def __getitem__(self, operation: Operation) -> Rule:
        return self._rules[operation]

    def __iter__(self) -> Iterator[Operation]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def rule(self, method: str, path: str) -> Rule | None:
        """The rule of an operation (HEAD as GET), None when the table does not know it."""
        method = "GET" if method.upper() == "HEAD" else method.upper()
        return self._rules.get((method, path))


def _refused(principal: Principal, operation: Operation, allowed: list[str]) -> RoleNotAllowed:
    names = ", ".join(allowed) or "none (the operation is not in the access table)"
    return RoleNotAllowed(
        f"role {principal.role} may not call {operation[0]} {operation[1]}; allowed roles: {names}",
        f"角色 {principal.role} 无权调用 {operation[0]} {operation[1]}；允许的角色：{names}",
        role=principal.role,
        allowed_roles=allowed,
    )


async def enforce_access(request: Request) -> None:
    """The app-wide dependency: the caller's role against the operation's rule, deny by default.

    Apps built without a table (`app.state.access` None: kernel test apps) are not checked here;
    every service's app is built by `wire`, which always passes its table."""
    table: AccessTable | None = getattr(request.app.state, "access", None)
    if table is None:
        return
    path = getattr(request.scope.get("route"), "path_format", request.url.path)
    operation = (request.method.upper(), str(path))
    rule = table.rule(*operation)
    if rule is not None and rule.public:
        return
    credentials: HTTPAuthorizationCredentials | None = await _bearer(request)
    principal = await _authenticate(request, request.app.state.token_verifier, credentials)
    if rule is None:
        raise _refused(principal, operation, [])
    if principal.role not in rule.roles:
        if rule.refuse is not None:
            rule.refuse(principal)
        raise _refused(principal, operation, sorted(rule.roles))
