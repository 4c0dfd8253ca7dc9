"""Signed access tokens: minting, verifying, refusing (GEN-6)."""

from __future__ import annotations

import stat
import time
from pathlib import Path

import jwt
import pytest

from shared.http.auth import (
    Principal,
    TokenSigner,
    TokenVerifier,
    Unauthenticated,
    ensure_dev_keypair,
)

pytestmark = pytest.mark.req("GEN-6")

ISSUER, AUDIENCE = "safetynet-test", "safetynet"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    folder = tmp_path_factory.mktemp("keys")
    return ensure_dev_keypair(folder / "private.pem", folder / "public.pem")


@pytest.fixture(scope="module")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    folder = tmp_path_factory.mktemp("other-keys")
    return ensure_dev_keypair(folder / "private.pem", folder / "public.pem")


def signer(keys: tuple[bytes, bytes], audience: str = AUDIENCE) -> TokenSigner:
    return TokenSigner(keys[0], ISSUER, audience)


def verifier(keys: tuple[bytes, bytes]) -> TokenVerifier:
    return TokenVerifier(ISSUER, AUDIENCE, public_key_pem=keys[1])


def test_a_minted_token_verifies_to_its_principal(keys: tuple[bytes, bytes]) -> None:
    # given a token minted for a county officer of 城关区
    token = signer(keys).mint("chengguan-desk", "county_officer", "620102", "城关区民政局")
    # when it is verified
    principal = verifier(keys).verify(token)
    # then the principal carries what was minted, the client being the subject
    assert principal == Principal(
        "chengguan-desk", "chengguan-desk", "county_officer", "620102", "城关区民政局"
    )
    assert principal.covers("620102001") and not principal.covers("620103")


def test_the_token_carries_the_standard_claims(keys: tuple[bytes, bytes]) -> None:
    token = signer(keys).mint("c1", "inspector", "62", "省纪检", ttl_s=60, subject="officer-7")
    claims = jwt.decode(token, options={"verify_signature": False})
    assert {
        "iss",
        "aud",
        "sub",
        "client_id",
        "role",
        "division",
        "org",
        "iat",
        "exp",
        "jti",
    } <= set(claims)
    assert claims["exp"] - claims["iat"] == 60
    assert claims["sub"] == "officer-7"
    assert jwt.get_unverified_header(token)["alg"] == "RS256"


def test_an_expired_token_is_refused(keys: tuple[bytes, bytes]) -> None:
    token = signer(keys).mint("c1", "county_officer", "620102", "org", ttl_s=-120)
    with pytest.raises(Unauthenticated) as refused:
        verifier(keys).verify(token)
    assert "expired" in refused.value.detail_en
    assert refused.value.status == 401
    assert "invalid_token" in refused.value.headers["WWW-Authenticate"]


def test_a_token_for_another_audience_is_refused(keys: tuple[bytes, bytes]) -> None:
    token = signer(keys, audience="another-system").mint("c1", "county_officer", "620102", "org")
    with pytest.raises(Unauthenticated) as refused:
        verifier(keys).verify(token)
    assert "audience" in refused.value.detail_en


def test_a_token_signed_with_another_key_is_refused(
    keys: tuple[bytes, bytes], other_keys: tuple[bytes, bytes]
) -> None:
    token = signer(other_keys).mint("c1", "county_officer", "620102", "org")
    with pytest.raises(Unauthenticated):
        verifier(keys).verify(token)


def test_a_token_signed_with_a_shared_secret_is_refused(keys: tuple[bytes, bytes]) -> None:
    # given an HS256 token "signed" with the public key as secret (algorithm confusion)
    claims: dict[str, object] = {"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "role": "ops"}
    claims |= {"division": "62", "iat": 0, "exp": 4_000_000_000}
    forged = jwt.encode(claims, "not-the-key-pair-secret-but-long-enough-32b", algorithm="HS256")
    with pytest.raises(Unauthenticated):
        verifier(keys).verify(forged)


def test_minting_refuses_unknown_roles_and_divisions(keys: tuple[bytes, bytes]) -> None:
    with pytest.raises(ValueError):
        signer(keys).mint("c1", "mayor", "620102", "org")
    with pytest.raises(ValueError):
        signer(keys).mint("c1", "county_officer", "110105", "org")


def _signed(keys: tuple[bytes, bytes], role: str, division: object, lifetime_s: int = 60) -> str:
    """A token signed with the right key whatever its claims (as a misconfigured issuer would)."""
    now = int(time.time())
    claims: dict[str, object] = {"iss": ISSUER, "aud": AUDIENCE, "sub": "c1", "role": role}
    claims |= {"division": division, "iat": now, "exp": now + lifetime_s}
    return jwt.encode(claims, keys[0], algorithm="RS256")


@pytest.mark.parametrize(
    ("role", "division"),
    [
        ("township_officer", "62"),  # a township officer with the province's reach
        ("county_officer", "62"),
        ("township_officer", "620102"),
        ("county_officer", "620102001"),
        ("village_committee", "620102001"),
        ("city_officer", "620102"),
        ("province_officer", "620100"),
        ("county_officer", 620102),  # a number, not text
    ],
)
def test_an_officers_token_of_another_level_is_refused(
    keys: tuple[bytes, bytes], role: str, division: object
) -> None:
    with pytest.raises(Unauthenticated, match="division"):
        verifier(keys).verify(_signed(keys, role, division))
    with pytest.raises(ValueError, match="division"):
        signer(keys).mint("c1", role, division, "org")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("role", "division"),
    [
        ("village_committee", "620102001001"),
        ("township_officer", "620102001"),
        ("county_officer", "620102"),
        ("city_officer", "620100"),
        ("province_officer", "620000"),
        ("inspector", "620100"),  # roles of no level may stand at any
        ("public_security", "620102"),
    ],
)
def test_an_officers_token_of_its_own_level_verifies(
    keys: tuple[bytes, bytes], role: str, division: str
) -> None:
    assert verifier(keys).verify(_signed(keys, role, division)).division == division


def test_the_dev_key_pair_is_made_once_and_kept_private(tmp_path: Path) -> None:
    private, public = tmp_path / "k" / "private.pem", tmp_path / "k" / "public.pem"
    first = ensure_dev_keypair(private, public)
    second = ensure_dev_keypair(private, public)
    assert first == second
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert public.read_bytes() == first[1]


def test_a_token_verified_before_is_refused_once_it_expires(keys: tuple[bytes, bytes]) -> None:
    # given a verifier whose clock we move, and a token of 60 s verified once (and so remembered)
    now = [time.time()]
    checking = TokenVerifier(ISSUER, AUDIENCE, public_key_pem=keys[1], clock=lambda: now[0])
    token = signer(keys).mint("c1", "township_officer", "620102001", "东岗街道", ttl_s=60)
    assert checking.verify(token).role == "township_officer"

    # when it is presented again within its lifetime, then after it (and the leeway) has passed
    now[0] += 30
    still = checking.verify(token)
    now[0] += 60 + checking.leeway_s

    # then the second use is answered, the third refused as expired
    assert still.client_id == "c1"
    with pytest.raises(Unauthenticated, match="expired"):
        checking.verify(token)


def test_a_token_that_lives_longer_than_a_day_is_refused(keys: tuple[bytes, bytes]) -> None:
    # given a token signed with the right key, valid now, but for ten years
    ten_years = _signed(keys, "ops", "62", lifetime_s=10 * 365 * 24 * 3600)
    with pytest.raises(Unauthenticated, match="longer"):
        verifier(keys).verify(ten_years)
    # and the signer makes none
    with pytest.raises(ValueError, match="at most"):
        signer(keys).mint("c1", "ops", "62", "org", ttl_s=2 * 24 * 3600)
    # while a day's token verifies
    day = signer(keys).mint("c1", "ops", "62", "org", ttl_s=24 * 3600)
    assert verifier(keys).verify(day).role == "ops"
