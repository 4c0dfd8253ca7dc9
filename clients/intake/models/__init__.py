"""Contains all the data models used in inputs/outputs"""

from .acknowledgement import Acknowledgement
from .actor_read import ActorRead
from .agency import Agency
from .aid_point_closure import AidPointClosure
from .aid_point_create import AidPointCreate
from .aid_point_kind import AidPointKind
from .aid_point_read import AidPointRead
from .application_amend import ApplicationAmend
from .application_create import ApplicationCreate
from .application_create_programme_details import ApplicationCreateProgrammeDetails
from .application_create_programme_details_additional_property import (
    ApplicationCreateProgrammeDetailsAdditionalProperty,
)
from .application_read import ApplicationRead
from .arrangement import Arrangement
from .authorisation_in import AuthorisationIn
from .bank_account_holder_in import BankAccountHolderIn
from .bank_account_holder_out import BankAccountHolderOut
from .charity_help_create import CharityHelpCreate
from .charity_referral_create import CharityReferralCreate
from .command_accepted import CommandAccepted
from .event_schema_document import EventSchemaDocument
from .follow_up_programme import FollowUpProgramme
from .hand_in_create import HandInCreate
from .handed_in_read import HandedInRead
from .help_create import HelpCreate
from .help_kind import HelpKind
from .help_read import HelpRead
from .identification import Identification
from .identification_accepted import IdentificationAccepted
from .kinship import Kinship
from .library_read import LibraryRead
from .liveness import Liveness
from .loaded_year import LoadedYear
from .member_in import MemberIn
from .member_out import MemberOut
from .need_applied import NeedApplied
from .need_met_on_site import NeedMetOnSite
from .need_out import NeedOut
from .need_referred import NeedReferred
from .official_role import OfficialRole
from .outcome import Outcome
from .page_application_read import PageApplicationRead
from .page_help_read import PageHelpRead
from .page_place_summary import PagePlaceSummary
from .page_referral_read import PageReferralRead
from .page_staff_relative_read import PageStaffRelativeRead
from .page_urgent_case_read import PageUrgentCaseRead
from .page_visit_read import PageVisitRead
from .page_work_item import PageWorkItem
from .place_link import PlaceLink
from .place_read import PlaceRead
from .place_summary import PlaceSummary
from .prior_assistance_create import PriorAssistanceCreate
from .prior_programme import PriorProgramme
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .programme import Programme
from .programme_decision import ProgrammeDecision
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .referral_create import ReferralCreate
from .referral_read import ReferralRead
from .registration import Registration
from .relation import Relation
from .reporter import Reporter
from .rough_sleeper_create import RoughSleeperCreate
from .rough_sleeper_read import RoughSleeperRead
from .route_out import RouteOut
from .route_out_details import RouteOutDetails
from .season_addition import SeasonAddition
from .season_in import SeasonIn
from .season_kind import SeasonKind
from .staff_relative_in import StaffRelativeIn
from .staff_relative_read import StaffRelativeRead
from .submission_channel import SubmissionChannel
from .urgent_case_read import UrgentCaseRead
from .urgent_report_create import UrgentReportCreate
from .urgent_response import UrgentResponse
from .visit_campaign_create import VisitCampaignCreate
from .visit_campaign_read import VisitCampaignRead
from .visit_create import VisitCreate
from .visit_group import VisitGroup
from .visit_read import VisitRead
from .withdrawal import Withdrawal
from .work_item import WorkItem
from .year_history_entry import YearHistoryEntry
from .year_in import YearIn
from .year_read import YearRead

__all__ = (
    "Acknowledgement",
    "ActorRead",
    "Agency",
    "AidPointClosure",
    "AidPointCreate",
    "AidPointKind",
    "AidPointRead",
    "ApplicationAmend",
    "ApplicationCreate",
    "ApplicationCreateProgrammeDetails",
    "ApplicationCreateProgrammeDetailsAdditionalProperty",
    "ApplicationRead",
    "Arrangement",
    "AuthorisationIn",
    "BankAccountHolderIn",
    "BankAccountHolderOut",
    "CharityHelpCreate",
    "CharityReferralCreate",
    "CommandAccepted",
    "EventSchemaDocument",
    "FollowUpProgramme",
    "HandInCreate",
    "HandedInRead",
    "HelpCreate",
    "HelpKind",
    "HelpRead",
    "Identification",
    "IdentificationAccepted",
    "Kinship",
    "LibraryRead",
    "Liveness",
    "LoadedYear",
    "MemberIn",
    "MemberOut",
    "NeedApplied",
    "NeedMetOnSite",
    "NeedOut",
    "NeedReferred",
    "OfficialRole",
    "Outcome",
    "PageApplicationRead",
    "PageHelpRead",
    "PagePlaceSummary",
    "PageReferralRead",
    "PageStaffRelativeRead",
    "PageUrgentCaseRead",
    "PageVisitRead",
    "PageWorkItem",
    "PlaceLink",
    "PlaceRead",
    "PlaceSummary",
    "PriorAssistanceCreate",
    "PriorProgramme",
    "Problem",
    "ProblemErrorsItem",
    "Programme",
    "ProgrammeDecision",
    "Readiness",
    "ReadinessChecks",
    "ReferralCreate",
    "ReferralRead",
    "Registration",
    "Relation",
    "Reporter",
    "RoughSleeperCreate",
    "RoughSleeperRead",
    "RouteOut",
    "RouteOutDetails",
    "SeasonAddition",
    "SeasonIn",
    "SeasonKind",
    "StaffRelativeIn",
    "StaffRelativeRead",
    "SubmissionChannel",
    "UrgentCaseRead",
    "UrgentReportCreate",
    "UrgentResponse",
    "VisitCampaignCreate",
    "VisitCampaignRead",
    "VisitCreate",
    "VisitGroup",
    "VisitRead",
    "Withdrawal",
    "WorkItem",
    "YearHistoryEntry",
    "YearIn",
    "YearRead",
)
