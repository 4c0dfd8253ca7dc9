"""Signed JWT access tokens (OAuth2 client credentials, RS256): minting, verifying, dev keys."""

from __future__ import annotations

import os
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from shared.clock import SystemClock, epoch_seconds
from shared.domain.errors import DomainError
from shared.identity import InvalidDivisionCode, Level, covers, parse_division

ALGORITHM = "RS256"
ROLES: tuple[str, ...] = (
    "village_committee",
    "township_officer",
    "county_officer",
    "city_officer",
    "province_officer",
    "inspector",
    "auditor",
    "partner_agency",  # a partner department's generic client: data answers, referrals, reports
    # partner departments that decide their own programmes (ADR 0032): each only its own
    "health_insurance",  # 医疗保障部门: medical assistance, disease emergency assistance
    "education_bureau",  # 教育部门: education assistance
    "housing_bureau",  # 住房和城乡建设部门: housing assistance
    "human_resources_bureau",  # 人力资源和社会保障部门: employment assistance
    "emergency_management_bureau",  # 应急管理部门: disaster victim relief
    "disabled_persons_federation",  # 残联: living and care subsidies of disabled persons
    "public_security",  # 公安: household registration and deaths (life events feed)
    "ops",
    "bank",
    "charity",
)
_REQUIRED_CLAIMS = ["iss", "aud", "sub", "exp", "iat"]
# the longest a token may live (exp − iat): a leaked token stops working within a day
MAX_LIFETIME_S = 24 * 3600
# an officer acts for one level of government: the token's division must be of that level
LEVEL_OF_ROLE: dict[str, Level] = {
    "village_committee": "village",
    "township_officer": "township",
    "county_officer": "county",
    "city_officer": "city",
    "province_officer": "province",
}


class Unauthenticated(DomainError):
    """No bearer token, or one that is malformed, expired, or not for this service."""

    code = "unauthenticated"
    status = 401
    title_en = "Authentication required"
    title_zh = "未通过身份认证"

    def __init__(self, detail_en: str, detail_zh: str, error: str | None = "invalid_token") -> None:
        super().__init__(detail_en, detail_zh)
        challenge = 'Bearer realm="safetynet"'
        if error:
            challenge += f', error="{error}", error_description="{detail_en}"'
        self.headers = {"WWW-Authenticate": challenge}


@dataclass(frozen=True)
class Principal:
    """The authenticated caller: partner client, acting subject, role, division, organisation."""

    client_id: str
    subject: str
    role: str
    division: str
    org: str
    scopes: tuple[str, ...] = ()

    def covers(self, division_code: str) -> bool:
        """True when the division lies within this caller's jurisdiction."""
        return covers(self.division, division_code)


class TokenSigner:
    """Mints RS256 access tokens; the dev/embedded stand-in for the province's OAuth2 server."""

    def __init__(
        self, private_key_pem: bytes | str, issuer: str, audience: str, kid: str | None = None
    ) -> None:
        self._key = private_key_pem
        self.issuer = issuer
        self.audience = audience
        self.kid = kid

    def mint(
        self,
        client_id: str,
        role: str,
        division: str,
        org: str,
        ttl_s: int = 3600,
        subject: str | None = None,
        scopes: Sequence[str] = (),
    ) -> str:
        """A signed token for a known role and a valid division code (ValueError otherwise)."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        if ttl_s > MAX_LIFETIME_S:
            raise ValueError(f"a token lives at most {MAX_LIFETIME_S} s")
        try:
            ensure_division_fits(role, division)
        except InvalidDivisionCode as bad:
            raise ValueError(bad.detail_en) from None
        now = epoch_seconds(SystemClock())  # security time: the real instant, never shifted
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": subject or client_id,
            "client_id": client_id,
            "role": role,
            "division": division,
            "org": org,
            "iat": now,
            "exp": now + ttl_s,
            "jti": str(uuid.uuid4()),
        }
        if scopes:
            claims["scope"] = " ".join(scopes)
        headers = {"kid": self.kid} if self.kid else None
        return jwt.encode(claims, self._key, algorithm=ALGORITHM, headers=headers)


VERIFIED_TOKENS_KEPT = 10_000


@dataclass(frozen=True)
class _Verified:
    """A token that passed full verification: its principal and its lifetime."""

    principal: Principal
    expires_at: float
    not_before: float

    def usable_at(self, now: float, leeway_s: int) -> bool:
        """Inside the lifetime the full check allows (the same leeway either side)."""
        return self.not_before - leeway_s <= now < self.expires_at + leeway_s


def _not_before(claims: dict[str, Any]) -> float:
    return float(claims.get("nbf") or claims.get("iat") or 0)


class TokenVerifier:
    """Verifies RS256 tokens against a public key or a JWKS endpoint, issuer and audience."""

    def __init__(
        self,
        issuer: str,
        audience: str,
        public_key_pem: bytes | str | None = None,
        jwks_url: str | None = None,
        leeway_s: int = 10,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if public_key_pem is None and jwks_url is None:
            raise ValueError("a TokenVerifier needs a public key or a JWKS URL")
        self.issuer = issuer
        self.audience = audience
        self.leeway_s = leeway_s
        self._key = public_key_pem
        self._jwks = jwt.PyJWKClient(jwks_url, cache_keys=True) if jwks_url else None
        self._clock = clock
        # a client sends one token with every request until it expires: verify it once
        self._verified: OrderedDict[str, _Verified] = OrderedDict()

    @property
    def uses_jwks(self) -> bool:
        """True when keys come from a JWKS endpoint (a lookup may block: call from a thread)."""
        return self._jwks is not None

    def verify(self, token: str) -> Principal:
        """The principal a valid token names; `Unauthenticated` for anything else.

        A token verified before is answered from memory while its lifetime (with the leeway)
        holds; once expired it goes through full verification again, which refuses it.
        """
        known = self._verified.get(token)
        now = self._clock()
        if known is not None and known.usable_at(now, self.leeway_s):
            return known.principal
        if known is not None and now >= known.expires_at + self.leeway_s:
            del self._verified[token]
            raise Unauthenticated("the token has expired", "令牌已过期")
        principal, claims = self._verify_fully(token)
        self._remember(token, _Verified(principal, float(claims["exp"]), _not_before(claims)))
        return principal

    def _remember(self, token: str, verified: _Verified) -> None:
        self._verified[token] = verified
        if len(self._verified) > VERIFIED_TOKENS_KEPT:
            self._verified.popitem(last=False)  # the oldest first

    def _verify_fully(self, token: str) -> tuple[Principal, dict[str, Any]]:
        claims = self._decode(token)
        if float(claims["exp"]) - float(claims["iat"]) > MAX_LIFETIME_S:
            raise Unauthenticated(
                f"the token lives longer than {MAX_LIFETIME_S} s", "令牌有效期超过24小时"
            )
        if claims.get("role") not in ROLES:
            raise Unauthenticated("the token's role is not known", "令牌中的角色无效")
        try:
            ensure_division_fits(str(claims["role"]), claims.get("division"))
        except InvalidDivisionCode as bad:
            raise Unauthenticated(bad.detail_en, bad.detail_zh) from None
        principal = Principal(
            client_id=str(claims.get("client_id") or claims["sub"]),
            subject=str(claims["sub"]),
            role=str(claims["role"]),
            division=str(claims["division"]),
            org=str(claims.get("org") or ""),
            scopes=tuple(str(claims.get("scope") or "").split()),
        )
        return principal, claims

    def _decode(self, token: str) -> dict[str, Any]:
        try:
            key: Any = self._jwks.get_signing_key_from_jwt(token) if self._jwks else self._key
            return jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway_s,
                options={"require": _REQUIRED_CLAIMS},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("the token has expired", "令牌已过期") from None
        except jwt.InvalidAudienceError:
            raise Unauthenticated("the token is for another audience", "令牌的受众不符") from None
        except jwt.InvalidIssuerError:
            raise Unauthenticated("the token has an unknown issuer", "令牌签发方不受信任") from None
        except (jwt.InvalidTokenError, jwt.PyJWKClientError):
            raise Unauthenticated("the token is not valid", "令牌无效") from None


def ensure_dev_keypair(private_path: Path, public_path: Path) -> tuple[bytes, bytes]:
    """Load the RSA key pair, generating a 2048-bit one (private file mode 600) if missing."""
    if private_path.exists():
        private_pem = private_path.read_bytes()
        key = serialization.load_pem_private_key(private_pem, password=None)
    else:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        private_pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        _write_private(private_path, private_pem)
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    if not public_path.exists() or public_path.read_bytes() != public_pem:
        public_path.parent.mkdir(parents=True, exist_ok=True)
        public_path.write_bytes(public_pem)
    return private_pem, public_pem


def _write_private(path: Path, pem: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    os.chmod(path, 0o600)


def ensure_division_fits(role: str, division: object) -> None:
    """A token's division must be a division code, given as text, of the level its role acts at
    (InvalidDivisionCode otherwise). An officer's token of another level would act with that
    level's reach: a township officer's for the whole province."""
    if not isinstance(division, str):
        raise InvalidDivisionCode("the token's division is not text", "令牌中的行政区划须为文本")
    try:
        level = parse_division(division).level
    except InvalidDivisionCode:
        raise InvalidDivisionCode(
            "the token's division is not valid", "令牌中的行政区划无效"
        ) from None
    wanted = LEVEL_OF_ROLE.get(role)
    if wanted is not None and level != wanted:
        raise InvalidDivisionCode(
            f"a {role}'s token must name a {wanted} division, not a {level}",
            f"角色 {role} 的令牌须为{wanted}级行政区划，而非{level}级",
        )
