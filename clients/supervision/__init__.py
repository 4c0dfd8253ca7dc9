"""A client library for accessing SafetyNet supervision 监督检查"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
