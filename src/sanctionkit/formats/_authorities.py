"""The authorities whose lists the readers read, defined once."""

from __future__ import annotations

from sanctionkit.model import Authority, AuthorityKind

OFAC = Authority(
    name="Office of Foreign Assets Control, US Department of the Treasury",
    country="US",
    kind=AuthorityKind.AGENCY,
)
UN_SECURITY_COUNCIL = Authority(
    name="United Nations Security Council",
    kind=AuthorityKind.INTERNATIONAL_ORGANIZATION,
)
EU = Authority(name="European Union", kind=AuthorityKind.INTERNATIONAL_ORGANIZATION)
UK_OFSI = Authority(
    name="Office of Financial Sanctions Implementation, HM Treasury",
    country="GB",
    kind=AuthorityKind.AGENCY,
)
JAPAN_MOF = Authority(name="Ministry of Finance, Japan", country="JP", kind=AuthorityKind.MINISTRY)
CANADA = Authority(name="Government of Canada", country="CA", kind=AuthorityKind.GOVERNMENT)
