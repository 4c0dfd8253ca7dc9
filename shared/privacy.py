"""Masking of personal data (PIPL) for public outputs and logs."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

_MASK = "*"

# Order matters: an 18-character ID also looks like a bank account, so IDs are tried first;
# digit look-arounds (not \b) because Chinese characters count as word characters.
_SENSITIVE = re.compile(
    r"(?<![0-9])(?:"
    r"(?P<id>\d{17}[\dXx])(?![0-9A-Za-z])"
    r"|(?P<card>\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?)(?![0-9])"
    r"|(?P<phone>(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2})(?![0-9])"
    r")"
)
# An amount in text: 13 digits (money is below 10^13 fen) followed by its unit; never an account.
_AMOUNT = r"\d{13}\s*(?:分|元|fen\b|yuan\b)"
# What the public view masks inside text: scrub's three, and any other run of 13-19 digits
# that is not an amount.
_SENSITIVE_OR_LONG = re.compile(
    _SENSITIVE.pattern[:-1] + rf"|(?!{_AMOUNT})(?P<long>\d{{13,19}})(?![0-9]))"
)
# A UUID (a case, event or correlation id) is an identifier, never personal data, even where its
# digits look like a phone or card number ("…-0002-4282-9016-2617…", "…-15221774124b"): text is
# masked around the UUIDs in it, never inside one.
UUID_PATTERN = (
    r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])"
)
_UUID = re.compile(UUID_PATTERN)
# A URL inside text: its path, query, fragment and user part may carry tokens (a webhook's
# callback often does), so a public output keeps only its scheme and host.
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s\"'<>，。；、）)]+")


def _keep(value: str, head: int, tail: int) -> str:
    """Replace all but the first `head` and last `tail` characters with stars."""
    if len(value) <= head + tail:
        return _MASK * len(value)
    return value[:head] + _MASK * (len(value) - head - tail) + value[len(value) - tail :]


def mask_resident_id(value: str) -> str:
    """Keep the first 3 and the last 4 characters: `620***********1234`."""
    return _keep(value.strip(), 3, 4)


def mask_bank_account(value: str) -> str:
    """Keep the last 4 digits only (separators dropped): `***************1234`."""
    return _keep(re.sub(r"[ -]", "", value.strip()), 0, 4)


def mask_phone(value: str) -> str:
    """Keep the first 3 and the last 4 digits of a mobile number: `138****5678`."""
    digits = re.sub(r"[ -]", "", value.strip())
    if digits.startswith("+86"):
        digits = digits[3:]
    elif len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return _keep(digits, 3, 4)


def mask_name(value: str) -> str:
    """Keep the first character, star the rest: 张三 → 张*, 欧阳娜娜 → 欧***."""
    name = value.strip()
    if len(name) <= 1:
        return _MASK * len(name)
    return name[0] + _MASK * (len(name) - 1)


def _replace(match: re.Match[str]) -> str:
    if match.group("id"):
        return mask_resident_id(match.group("id"))
    if match.group("card"):
        return mask_bank_account(match.group("card"))
    if match.group("phone"):
        return mask_phone(match.group("phone"))
    return mask_bank_account(match.group("long"))


def scrub(text: str) -> str:
    """Mask every resident ID, bank account number and mobile number found in free text."""
    return _masked_around_uuids(_SENSITIVE, text)


def _masked_around_uuids(sensitive: re.Pattern[str], text: str) -> str:
    """The text with what `sensitive` finds masked, outside the UUIDs it holds."""
    masked, start = [], 0
    for uuid in _UUID.finditer(text):
        masked += [sensitive.sub(_replace, text[start : uuid.start()]), uuid.group()]
        start = uuid.end()
    masked.append(sensitive.sub(_replace, text[start:]))
    return "".join(masked)


# ---- The public view of event data (DESIGN property 9, ADR 0020) ----------------------------

# A value that is wholly an ID, an account or a phone number.
_WHOLE = re.compile(
    r"(?P<id>\d{17}[\dXx])"
    r"|(?P<account>\d{13,19})"
    r"|(?P<phone>(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2})"
)
# Every ID, account and phone number has four digits in a row: text without them has none.
_FOUR_DIGITS = re.compile(r"\d{4}")
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_.-]*")  # a `name` that names a thing, not a person
PSEUDONYM_PREFIX = "pid_"
# Keys whose values a public reader must not see at all, even masked ("notes": free text about a
# person, such as a child's care visit, which no rule can mask reliably; "appearance": 体貌特征 of
# a person who cannot be identified, INT-11; "coming_of_age": the month a child reaches the
# allowance's age limit, which tells the child's birth month, ADR 0042; "disease", "diagnos":
# health by another name).
DROPPED_KEYS = (
    "health",
    "disability",
    "disease",
    "diagnos",
    "complainant",
    "self_care",
    "notes",
    "appearance",
    "coming_of_age",
)
# Narratives an officer or a household writes about a person, dropped by their exact names (as
# words inside other keys they mean other things: "work" in "working_days"): an urgent case's
# situation, an investigation's findings, a complaint's summary, a member's work and schooling,
# the authorisation's document reference (`document_ref`, on a case `authorisation_ref`), the
# workplace of an official a member is related to (`official_org`), and a programme's stated
# sub-options (`details`: an open map of what the household says, a disease among them, ADR 0020
# amended). Health, addresses and names written into them cannot be masked by a rule; the bus
# needs none of them (found on the public topics by probing). Left out of the public view only:
# an inspector's or auditor's file view keeps them.
DROPPED_NARRATIVES = frozenset(
    {
        "situation", "findings", "summary", "work", "schooling", "document_ref",
        "authorisation_ref", "official_org", "details",
    }
)  # fmt: skip
# Why and what, as officers write it: a decision's reason, an opinion, a note, what was needed,
# done or answered. Officers write names, diagnoses and addresses into them ("配偶因尿毒症死亡",
# found on the public topics by probing), which no rule can mask. No contract enumerates them, so
# a value that merely looks like a code ("r", pinyin) is text too; only the codes the services
# themselves write (SYSTEM_CODES) say nothing but what the system decided, and stay.
WRITTEN_TEXT_KEYS = frozenset(
    {
        "reason", "note", "description", "need", "content", "feedback", "help", "help_given",
        "response", "review_opinion", "summary_zh", "location",
    }
)  # fmt: skip
WRITTEN_TEXT_SUFFIXES = ("_reason", "_opinion")
# The reason codes payments writes into its events (instruct.py, run_funds.py, bank_answers.py,
# reactions/decisions.py; tests/shared/unit/test_public_view_of_published_events.py ties them).
SYSTEM_CODES = frozenset(
    {
        "no-bank-account", "no-standard", "exceeds-paid", "no-amount", "insufficient-funds",
        "payment-failed",
    }
)  # fmt: skip
# Keys naming staff (an investigator, a visitor, an inspector, a clerk): their names or ids are
# personal data of staff, published as keyed pseudonyms, as the record's actor is.
# `decided_by` names an officer on some events and an agency on others: a pseudonym either way,
# since the programme names its competent agency; `*_client_id`: the token subject that owns a
# subscription, an officer's id (the after-suite scan found one in clear beside its pseudonym).
STAFF_KEYS = frozenset(
    {
        "staff", "visited_by", "team", "inspector_id", "approved_by", "overridden_by",
        "assigned_by", "decided_by",
    }
)  # fmt: skip
STAFF_SUFFIXES = ("_staff_id", "_client_id")
# Events whose type alone says a person is disabled or ill, and a complaint, which must not tie
# a household's case to an allegation its county can read (GEN-7, whistle-blowers): the public
# view keeps only these of their fields (an allow-list; the rules above then apply to them).
PUBLIC_FIELDS_ONLY: dict[str, frozenset[str]] = {
    "verification.DisabledPersonScreened": frozenset(
        {"screening_id", "division_code", "county_code", "screened_on"}
    ),
    "verification.ExtremePovertyInclusionDecided": frozenset(
        {"screening_id", "division_code", "decision", "decided_on"}
    ),
    "verification.PriorityFlagged": frozenset({"case_id", "programme"}),
    "supervision.ComplaintReceived": frozenset(
        {
            "complaint_id", "channel", "anonymous", "division_code", "allegation",
            "received_on", "due_on", "calendar_version",
        }
    ),
}  # fmt: skip


def pseudonym(resident_id: str, key: bytes) -> str:
    """A keyed pseudonym of a resident ID: stable within a deployment, unguessable without the key.

    HMAC-SHA256 under the deployment's key, the first 160 bits in lower-case base32 (letters
    and 2-7, so the pseudonym never looks like an ID, an account or a phone number)."""
    digest = hmac.new(key, resident_id.strip().upper().encode("utf-8"), hashlib.sha256).digest()
    return PSEUDONYM_PREFIX + base64.b32encode(digest[:20]).decode("ascii").lower()


def mask_url(value: str) -> str:
    """Keep a URL's scheme, host and port only: paths, queries and user parts may hold tokens."""
    try:
        parts = urlsplit(value.strip())
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return PROTECTED
    if not parts.scheme or not host:
        return PROTECTED
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{host}" + (f":{port}" if port is not None else "")


def mask_address(value: str) -> str:
    """Keep the first 3 characters (the county or town), star the rest."""
    return _keep(value.strip(), 3, 0)


def public_view(data: Any, key: bytes) -> Any:
    """What a public topic may carry of event data: the one rule for every event type.

    Resident IDs (keys `resident_id`, `*_resident_id`, or any value shaped like one) and staff
    (STAFF_KEYS) become keyed pseudonyms; bank accounts (keys naming an account, or 13-19 digit
    values) keep their last 4 digits; names, phones and addresses are masked; narratives
    (DROPPED_NARRATIVES), text an officer writes (WRITTEN_TEXT_KEYS: a reason, a note …, unless
    one of SYSTEM_CODES), health, disability, self-care, complainant and notes fields are
    dropped; URLs (keys `url`, `*_url`, or inside text) keep their scheme and host only; IDs,
    accounts and phones inside free text are masked (never inside a UUID: case, event and
    correlation ids are kept whole; never an amount: 13 digits followed by 分 or 元).
    Everything else is kept."""
    return _view(data, None, lambda text: pseudonym(text, key), _DROP)


def public_event_view(event_type: str, data: Any, key: bytes) -> Any:
    """The public view of an event's data: its PUBLIC_FIELDS_ONLY where the type has them, then
    `public_view`."""
    return public_view(public_fields_of(event_type, data), key)


def public_fields_of(event_type: str, data: Any) -> Any:
    """The data, or, of an event type PUBLIC_FIELDS_ONLY lists, only the fields it names."""
    kept = PUBLIC_FIELDS_ONLY.get(event_type)
    if kept is None or not isinstance(data, dict):
        return data
    return {k: v for k, v in data.items() if k in kept}


def file_view(data: Any) -> Any:
    """What a person reading a case's file outside the owning service sees (an inspector's or
    auditor's export): the public view's rules, resident IDs masked rather than pseudonymised,
    staff named (who decided), and the fields nobody outside may see marked protected rather
    than dropped."""
    return _view(data, None, mask_resident_id, PROTECTED)


def mask_in_text(text: str) -> str:
    """Free text with every resident ID, account and phone number inside it masked (the file
    view's rule for text, UUIDs kept whole)."""
    return str(_view_text(text, None, mask_resident_id))


PROTECTED = "［受保护 protected］"
_DROP = object()  # a dropped field is left out of the view


def _view(value: Any, rule: str | None, resident: Callable[[str], str], dropped: Any) -> Any:
    """The view of a value under the rule its key's name gives (None: no rule, text is read)."""
    if isinstance(value, str):
        return _view_text(value, rule, resident)
    if isinstance(value, dict):
        return _view_fields(value, resident, dropped)
    if isinstance(value, list):
        return [_view(item, rule, resident, dropped) for item in value]
    return value


_SCALARS = frozenset({int, float, bool, type(None)})


def _view_fields(value: dict[Any, Any], resident: Callable[[str], str], dropped: Any) -> Any:
    """The view of an object, field by field (plain text and scalars without a call more)."""
    view = {}
    for k, v in value.items():
        is_dropped, key_rule = _key(k)
        if is_dropped or (dropped is _DROP and _public_drops(k, v)):
            if dropped is not _DROP:
                view[k] = dropped if v is not None else None
        elif type(v) is str:
            view[k] = _view_text(v, key_rule, resident)
        elif type(v) in _SCALARS:
            view[k] = v
        else:
            view[k] = _view(v, key_rule, resident, dropped)
    return view


def _public_drops(key: object, value: Any) -> bool:
    """True for a narrative the public view leaves out: always, or, for written text (a reason,
    a note …), unless the value is one of the services' own codes."""
    if key in DROPPED_NARRATIVES:
        return True
    return written_text(str(key)) and type(value) is str and value not in SYSTEM_CODES


@lru_cache(maxsize=4096)
def written_text(name: str) -> bool:
    """True for a key whose text an officer writes (a reason, a note …): public only as one of
    the services' own codes (SYSTEM_CODES)."""
    return name in WRITTEN_TEXT_KEYS or name.endswith(WRITTEN_TEXT_SUFFIXES)


@lru_cache(maxsize=4096)
def _key(key: object) -> tuple[bool, str | None]:
    """What a key's name says, decided once per name: dropped, and the rule of its text."""
    name = str(key).lower()
    return _dropped(name), personal_rule(name)


@lru_cache(maxsize=4096)
def _dropped(name: str) -> bool:
    return any(word in name for word in DROPPED_KEYS)


def dropped_from_public_view(key: str) -> bool:
    """True for a key whose field the public view leaves out (health, disability, notes, the
    narratives …)."""
    return _key(key)[0] or key in DROPPED_NARRATIVES


@lru_cache(maxsize=4096)
def personal_rule(name: str) -> str | None:
    """What a key's name says its text is (keys repeat in every event: decided once each)."""
    if name == "resident_id" or name.endswith(("resident_id", "resident_ids")):
        return "resident_id"
    if name in STAFF_KEYS or name.endswith(STAFF_SUFFIXES):
        return "staff"
    if "account" in name and not name.endswith("_masked"):
        return "account"
    if "phone" in name:
        return "phone"
    if "address" in name:
        return "address"
    if name == "url" or name.endswith(("_url", "_uri", "callback")):
        return "url"
    if name == "name" or name.endswith(("_name", "holder")):
        return "name"
    return None


def _view_text(value: str, rule: str | None, resident: Callable[[str], str]) -> str:
    if rule is None:
        if "://" in value:
            value = _URL_IN_TEXT.sub(lambda url: mask_url(url.group()), value)
        return value if _FOUR_DIGITS.search(value) is None else _digits_in_text(value, resident)
    text = value.strip()
    if rule == "staff" and resident is mask_resident_id:
        return value  # an inspector's file names the officer: who decided is what an audit reads
    if rule in ("resident_id", "staff"):  # a person's id: a keyed pseudonym (masked in a file)
        return resident(text)
    if rule == "account":
        return mask_bank_account(text)
    if rule == "phone":
        return mask_phone(text)
    if rule == "address":
        return mask_address(text)
    if rule == "url":
        return mask_url(text)
    if _IDENTIFIER.fullmatch(text):  # a `name` that names a thing, not a person
        return value if _FOUR_DIGITS.search(value) is None else _digits_in_text(value, resident)
    return mask_name(text)


def _digits_in_text(value: str, resident: Callable[[str], str]) -> str:
    """Text with digits: a whole ID, account or phone, or free text with them inside."""
    if _UUID.fullmatch(value) is not None:  # a case, event or correlation id: kept whole
        return value
    text = value.strip()
    whole = _WHOLE.fullmatch(text)
    if whole is None:
        return _masked_around_uuids(_SENSITIVE_OR_LONG, value)
    if whole.group("id"):
        return resident(text)
    return mask_bank_account(text) if whole.group("account") else mask_phone(text)
