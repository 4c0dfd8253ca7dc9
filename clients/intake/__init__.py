"""A client library for accessing SafetyNet intake 一门受理"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
