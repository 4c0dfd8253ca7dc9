"""A client library for accessing SafetyNet payments 资金发放"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
