"""The second layer: frozen, typed records of sanctions and what they are about.

Records hold values (:mod:`sanctionkit.values`) and refer to each other by id;
they do no I/O. JSON is a view of them defined in one place,
:mod:`sanctionkit.converter`.
"""

from sanctionkit.model.dataset import Dataset, EntityView, Problem
from sanctionkit.model.entities import (
    Address,
    Aircraft,
    Alias,
    AliasQuality,
    CountryRole,
    CountryRoleKind,
    Entity,
    Gender,
    Identifier,
    Organization,
    Person,
    Vessel,
)
from sanctionkit.model.relationships import Relationship, RelationshipKind
from sanctionkit.model.sanctions import (
    Authority,
    AuthorityKind,
    Designation,
    LegalBasis,
    LegalBasisKind,
    Measure,
    SanctionPackage,
    StatedCount,
)
from sanctionkit.model.schemes import IdentifierScheme
from sanctionkit.model.sources import Source
from sanctionkit.model.transfers import (
    AllegedTransfer,
    Claim,
    EntityRef,
    Goods,
    GoodsCategory,
    Party,
    Quantity,
    Stance,
    TransferStatus,
)

__all__ = [
    "Address",
    "Aircraft",
    "Alias",
    "AliasQuality",
    "AllegedTransfer",
    "Authority",
    "AuthorityKind",
    "Claim",
    "CountryRole",
    "CountryRoleKind",
    "Dataset",
    "Designation",
    "Entity",
    "EntityRef",
    "EntityView",
    "Gender",
    "Goods",
    "GoodsCategory",
    "Identifier",
    "IdentifierScheme",
    "LegalBasis",
    "LegalBasisKind",
    "Measure",
    "Organization",
    "Party",
    "Person",
    "Problem",
    "Quantity",
    "Relationship",
    "RelationshipKind",
    "SanctionPackage",
    "Source",
    "Stance",
    "StatedCount",
    "TransferStatus",
    "Vessel",
]
