"""Checks a real payment form makes before it sends anything: card brand, Luhn and ABA checksums.

Each is a few lines of public-domain arithmetic, so they live here rather than in a dependency.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CardBrand:
    name: str
    lengths: tuple[int, ...]
    security_code_length: int


VISA = CardBrand("Visa", (13, 16, 19), 3)
MASTERCARD = CardBrand("Mastercard", (16,), 3)
AMEX = CardBrand("Amex", (15,), 4)
DISCOVER = CardBrand("Discover", (16, 17, 18, 19), 3)
ACCEPTED_BRANDS = (VISA, MASTERCARD, AMEX, DISCOVER)


def card_brand(digits: str) -> CardBrand | None:
    """The brand a card number belongs to, from its leading digits (its issuer identification number)."""
    if digits.startswith("4"):
        return VISA
    if digits[:2] in ("34", "37"):
        return AMEX
    if len(digits) >= 2 and 51 <= int(digits[:2]) <= 55:
        return MASTERCARD
    if len(digits) >= 4 and 2221 <= int(digits[:4]) <= 2720:
        return MASTERCARD
    if digits.startswith(("6011", "65")):
        return DISCOVER
    if len(digits) >= 3 and 644 <= int(digits[:3]) <= 649:
        return DISCOVER
    if len(digits) >= 6 and 622126 <= int(digits[:6]) <= 622925:
        return DISCOVER
    return None


def passes_luhn(digits: str) -> bool:
    """The Luhn (mod 10) check every payment card number carries in its last digit."""
    total = 0
    for position, character in enumerate(reversed(digits)):
        value = int(character)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def passes_aba_checksum(routing_number: str) -> bool:
    """The ABA routing number check: weights 3, 7, 1 repeated; the weighted sum is a multiple of 10."""
    if len(routing_number) != 9 or not (routing_number.isascii() and routing_number.isdigit()):
        return False
    weights = (3, 7, 1) * 3
    return sum(int(d) * w for d, w in zip(routing_number, weights, strict=True)) % 10 == 0
