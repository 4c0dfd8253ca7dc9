"""A client library for accessing SafetyNet verification 核查审核审批"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
