"""Contains all the data models used in inputs/outputs"""

from .accountability_in import AccountabilityIn
from .accountability_read import AccountabilityRead
from .acknowledgement_in import AcknowledgementIn
from .action_in import ActionIn
from .activity_in import ActivityIn
from .actor_out import ActorOut
from .actor_read import ActorRead
from .alert_out import AlertOut
from .alert_out_evidence import AlertOutEvidence
from .alert_state import AlertState
from .alert_status import AlertStatus
from .allegation import Allegation
from .assignment_in import AssignmentIn
from .audit_trail import AuditTrail
from .capacity_file_read import CapacityFileRead
from .chain_verdict import ChainVerdict
from .check_in import CheckIn
from .close_in import CloseIn
from .closure_in import ClosureIn
from .complainant_in import ComplainantIn
from .complaint_channel import ComplaintChannel
from .complaint_create import ComplaintCreate
from .complaint_list_item import ComplaintListItem
from .complaint_read import ComplaintRead
from .complaint_read_actions_item import ComplaintReadActionsItem
from .complaint_read_complainant_type_0 import ComplaintReadComplainantType0
from .coordination_file_read import CoordinationFileRead
from .coordination_file_read_tasks import CoordinationFileReadTasks
from .corrective_action import CorrectiveAction
from .county_report_read import CountyReportRead
from .county_report_read_status import CountyReportReadStatus
from .county_task_read import CountyTaskRead
from .county_task_read_status import CountyTaskReadStatus
from .county_tasks_read import CountyTasksRead
from .county_tasks_read_tasks import CountyTasksReadTasks
from .delivery_read import DeliveryRead
from .desk_in import DeskIn
from .desk_staff_read import DeskStaffRead
from .detector import Detector
from .digest_read import DigestRead
from .digest_verification_out import DigestVerificationOut
from .dismissal_in import DismissalIn
from .escalation_in import EscalationIn
from .escalation_level import EscalationLevel
from .event_schema_document import EventSchemaDocument
from .export_case_audit_trail_format import ExportCaseAuditTrailFormat
from .finding_in import FindingIn
from .finding_out import FindingOut
from .finding_read import FindingRead
from .finding_read_severity import FindingReadSeverity
from .get_centralised_care_report_format import GetCentralisedCareReportFormat
from .get_statistics_chart_fmt import GetStatisticsChartFmt
from .get_statistics_chart_series import GetStatisticsChartSeries
from .get_statistics_report_format import GetStatisticsReportFormat
from .hazard_category import HazardCategory
from .hazard_check_in import HazardCheckIn
from .hazard_check_read import HazardCheckRead
from .hazard_in import HazardIn
from .hazard_read import HazardRead
from .implementation_file_read import ImplementationFileRead
from .implementation_ledger_read import ImplementationLedgerRead
from .inspection_kind import InspectionKind
from .inspection_read import InspectionRead
from .institution_in import InstitutionIn
from .institution_kind import InstitutionKind
from .institution_read import InstitutionRead
from .library_read import LibraryRead
from .liveness import Liveness
from .loaded_year import LoadedYear
from .mechanism_in import MechanismIn
from .mechanism_read import MechanismRead
from .meeting_in import MeetingIn
from .meeting_read import MeetingRead
from .nothing_sealed_read import NothingSealedRead
from .open_hazard_read import OpenHazardRead
from .open_rectification_read import OpenRectificationRead
from .page_alert_out import PageAlertOut
from .page_complaint_list_item import PageComplaintListItem
from .page_delivery_read import PageDeliveryRead
from .page_open_hazard_read import PageOpenHazardRead
from .page_open_rectification_read import PageOpenRectificationRead
from .page_place_summary import PagePlaceSummary
from .page_subscription_read import PageSubscriptionRead
from .place_link import PlaceLink
from .place_read import PlaceRead
from .place_summary import PlaceSummary
from .plan_in import PlanIn
from .policy_book_read import PolicyBookRead
from .policy_in import PolicyIn
from .policy_number_read import PolicyNumberRead
from .policy_number_read_source import PolicyNumberReadSource
from .policy_setting_read import PolicySettingRead
from .policy_tasks_read import PolicyTasksRead
from .policy_tasks_read_summary import PolicyTasksReadSummary
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .purchased_service_read import PurchasedServiceRead
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .reason_in import ReasonIn
from .rectification_in import RectificationIn
from .rectification_read import RectificationRead
from .relative_in import RelativeIn
from .report_counts_read import ReportCountsRead
from .report_filed_read import ReportFiledRead
from .report_in import ReportIn
from .safety_activity_read import SafetyActivityRead
from .safety_activity_read_activity import SafetyActivityReadActivity
from .sealed_digest_read import SealedDigestRead
from .sealed_range_read import SealedRangeRead
from .service_in import ServiceIn
from .source_check import SourceCheck
from .source_check_out import SourceCheckOut
from .source_event import SourceEvent
from .source_event_data import SourceEventData
from .source_event_metadata import SourceEventMetadata
from .staff_in import StaffIn
from .staff_registered_read import StaffRegisteredRead
from .subscription_create import SubscriptionCreate
from .subscription_create_event_types_item import SubscriptionCreateEventTypesItem
from .subscription_read import SubscriptionRead
from .subscription_with_secret import SubscriptionWithSecret
from .task_counts_read import TaskCountsRead
from .task_in import TaskIn
from .task_in_status import TaskInStatus
from .task_report_read import TaskReportRead
from .task_report_read_status import TaskReportReadStatus
from .trail_entry import TrailEntry
from .trail_verification import TrailVerification
from .training_in import TrainingIn
from .training_read import TrainingRead
from .verification_in import VerificationIn
from .visit_in import VisitIn
from .year_history_entry import YearHistoryEntry
from .year_in import YearIn
from .year_read import YearRead

__all__ = (
    "AccountabilityIn",
    "AccountabilityRead",
    "AcknowledgementIn",
    "ActionIn",
    "ActivityIn",
    "ActorOut",
    "ActorRead",
    "AlertOut",
    "AlertOutEvidence",
    "AlertState",
    "AlertStatus",
    "Allegation",
    "AssignmentIn",
    "AuditTrail",
    "CapacityFileRead",
    "ChainVerdict",
    "CheckIn",
    "CloseIn",
    "ClosureIn",
    "ComplainantIn",
    "ComplaintChannel",
    "ComplaintCreate",
    "ComplaintListItem",
    "ComplaintRead",
    "ComplaintReadActionsItem",
    "ComplaintReadComplainantType0",
    "CoordinationFileRead",
    "CoordinationFileReadTasks",
    "CorrectiveAction",
    "CountyReportRead",
    "CountyReportReadStatus",
    "CountyTaskRead",
    "CountyTaskReadStatus",
    "CountyTasksRead",
    "CountyTasksReadTasks",
    "DeliveryRead",
    "DeskIn",
    "DeskStaffRead",
    "Detector",
    "DigestRead",
    "DigestVerificationOut",
    "DismissalIn",
    "EscalationIn",
    "EscalationLevel",
    "EventSchemaDocument",
    "ExportCaseAuditTrailFormat",
    "FindingIn",
    "FindingOut",
    "FindingRead",
    "FindingReadSeverity",
    "GetCentralisedCareReportFormat",
    "GetStatisticsChartFmt",
    "GetStatisticsChartSeries",
    "GetStatisticsReportFormat",
    "HazardCategory",
    "HazardCheckIn",
    "HazardCheckRead",
    "HazardIn",
    "HazardRead",
    "ImplementationFileRead",
    "ImplementationLedgerRead",
    "InspectionKind",
    "InspectionRead",
    "InstitutionIn",
    "InstitutionKind",
    "InstitutionRead",
    "LibraryRead",
    "Liveness",
    "LoadedYear",
    "MechanismIn",
    "MechanismRead",
    "MeetingIn",
    "MeetingRead",
    "NothingSealedRead",
    "OpenHazardRead",
    "OpenRectificationRead",
    "PageAlertOut",
    "PageComplaintListItem",
    "PageDeliveryRead",
    "PageOpenHazardRead",
    "PageOpenRectificationRead",
    "PagePlaceSummary",
    "PageSubscriptionRead",
    "PlaceLink",
    "PlaceRead",
    "PlaceSummary",
    "PlanIn",
    "PolicyBookRead",
    "PolicyIn",
    "PolicyNumberRead",
    "PolicyNumberReadSource",
    "PolicySettingRead",
    "PolicyTasksRead",
    "PolicyTasksReadSummary",
    "Problem",
    "ProblemErrorsItem",
    "PurchasedServiceRead",
    "Readiness",
    "ReadinessChecks",
    "ReasonIn",
    "RectificationIn",
    "RectificationRead",
    "RelativeIn",
    "ReportCountsRead",
    "ReportFiledRead",
    "ReportIn",
    "SafetyActivityRead",
    "SafetyActivityReadActivity",
    "SealedDigestRead",
    "SealedRangeRead",
    "ServiceIn",
    "SourceCheck",
    "SourceCheckOut",
    "SourceEvent",
    "SourceEventData",
    "SourceEventMetadata",
    "StaffIn",
    "StaffRegisteredRead",
    "SubscriptionCreate",
    "SubscriptionCreateEventTypesItem",
    "SubscriptionRead",
    "SubscriptionWithSecret",
    "TaskCountsRead",
    "TaskIn",
    "TaskInStatus",
    "TaskReportRead",
    "TaskReportReadStatus",
    "TrailEntry",
    "TrailVerification",
    "TrainingIn",
    "TrainingRead",
    "VerificationIn",
    "VisitIn",
    "YearHistoryEntry",
    "YearIn",
    "YearRead",
)
