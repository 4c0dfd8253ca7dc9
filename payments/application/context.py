"""The repositories payments' commands and reactions work with."""

from __future__ import annotations

from dataclasses import dataclass

from payments.domain.beneficiary import Beneficiary
from payments.domain.disaster import Disaster
from payments.domain.funds import FundsAccount
from payments.domain.payment import Payment
from payments.domain.prices import PriceLinkage
from payments.domain.relief_goods import ReliefGoodsStock
from payments.domain.run import PaymentRun
from payments.domain.standards import Standard
from payments.domain.tasks import PracticalTasks
from shared.application.repository import Repository
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore


@dataclass(frozen=True)
class Repositories:
    """One repository per aggregate of payments."""

    standards: Repository[Standard]
    beneficiaries: Repository[Beneficiary]
    payments: Repository[Payment]
    runs: Repository[PaymentRun]
    funds: Repository[FundsAccount]
    prices: Repository[PriceLinkage]
    disasters: Repository[Disaster]
    tasks: Repository[PracticalTasks]
    relief_goods: Repository[ReliefGoodsStock]

    @classmethod
    def of(cls, store: EventStore, registry: EventRegistry) -> Repositories:
        """Repositories over one store and registry."""
        return cls(
            Repository(store, registry, Standard),
            Repository(store, registry, Beneficiary),
            Repository(store, registry, Payment),
            Repository(store, registry, PaymentRun),
            Repository(store, registry, FundsAccount),
            Repository(store, registry, PriceLinkage),
            Repository(store, registry, Disaster),
            Repository(store, registry, PracticalTasks),
            Repository(store, registry, ReliefGoodsStock),
        )
