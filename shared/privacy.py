"""Masking of personal data (PIPL) for public outputs and logs."""

from __future__ import annotations

import re

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
    return mask_phone(match.group("phone"))


def scrub(text: str) -> str:
    """Mask every resident ID, bank account number and mobile number found in free text."""
    return _SENSITIVE.sub(_replace, text)
