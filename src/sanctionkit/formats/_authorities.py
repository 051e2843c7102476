"""The authorities whose lists the readers read, defined once.

Functions rather than constants: making an Authority parses its country,
which loads the country tables, and ``import sanctionkit`` must not.
"""

from __future__ import annotations

import functools

from sanctionkit.model import Authority, AuthorityKind


@functools.cache
def ofac() -> Authority:
    return Authority(
        name="Office of Foreign Assets Control, US Department of the Treasury",
        country="US",
        kind=AuthorityKind.AGENCY,
    )


@functools.cache
def un_security_council() -> Authority:
    return Authority(
        name="United Nations Security Council", kind=AuthorityKind.INTERNATIONAL_ORGANIZATION
    )


@functools.cache
def european_union() -> Authority:
    return Authority(name="European Union", kind=AuthorityKind.INTERNATIONAL_ORGANIZATION)


@functools.cache
def uk_ofsi() -> Authority:
    return Authority(
        name="Office of Financial Sanctions Implementation, HM Treasury",
        country="GB",
        kind=AuthorityKind.AGENCY,
    )


@functools.cache
def japan_mof() -> Authority:
    return Authority(name="Ministry of Finance, Japan", country="JP", kind=AuthorityKind.MINISTRY)


@functools.cache
def canada() -> Authority:
    return Authority(name="Government of Canada", country="CA", kind=AuthorityKind.GOVERNMENT)


@functools.cache
def uk_fcdo() -> Authority:
    return Authority(
        name="Foreign, Commonwealth & Development Office, United Kingdom",
        country="GB",
        kind=AuthorityKind.MINISTRY,
    )


@functools.cache
def australia_dfat() -> Authority:
    return Authority(
        name="Department of Foreign Affairs and Trade, Australia",
        country="AU",
        kind=AuthorityKind.MINISTRY,
    )


@functools.cache
def seco() -> Authority:
    return Authority(
        name="State Secretariat for Economic Affairs (SECO), Switzerland",
        country="CH",
        kind=AuthorityKind.AGENCY,
    )
