"""Contains all the data models used in inputs/outputs"""

from .actor import Actor
from .actor_read import ActorRead
from .adjustment_in import AdjustmentIn
from .allowance_assessment_in import AllowanceAssessmentIn
from .allowance_assessment_in_allowance import AllowanceAssessmentInAllowance
from .allowance_assessment_in_decision import AllowanceAssessmentInDecision
from .allowance_end_in import AllowanceEndIn
from .allowance_end_in_reason_code import AllowanceEndInReasonCode
from .allowance_end_view import AllowanceEndView
from .appraisal_in import AppraisalIn
from .assessment_view import AssessmentView
from .batch_case import BatchCase
from .batch_in import BatchIn
from .batch_summary import BatchSummary
from .batch_view import BatchView
from .care_visit_in import CareVisitIn
from .care_visit_in_guardianship_status import CareVisitInGuardianshipStatus
from .case_detail import CaseDetail
from .case_detail_clocks import CaseDetailClocks
from .case_read import CaseRead
from .child_in import ChildIn
from .child_in_category import ChildInCategory
from .child_in_guardianship_status import ChildInGuardianshipStatus
from .child_in_registration import ChildInRegistration
from .child_summary import ChildSummary
from .child_view import ChildView
from .death_view import DeathView
from .decision_in import DecisionIn
from .decision_in_care_arrangement_type_0 import DecisionInCareArrangementType0
from .decision_in_decision import DecisionInDecision
from .event_schema_document import EventSchemaDocument
from .extension_in import ExtensionIn
from .guardian_in import GuardianIn
from .guardian_in_relation import GuardianInRelation
from .guardian_view import GuardianView
from .imported_by import ImportedBy
from .inclusion_decision_in import InclusionDecisionIn
from .inclusion_decision_in_decision import InclusionDecisionInDecision
from .investigation_in import InvestigationIn
from .library_read import LibraryRead
from .life_event_in import LifeEventIn
from .life_event_outcome import LifeEventOutcome
from .life_event_outcome_outcome import LifeEventOutcomeOutcome
from .life_events_in import LifeEventsIn
from .life_events_read import LifeEventsRead
from .list_children_category_type_0 import ListChildrenCategoryType0
from .list_children_guardianship_status_type_0 import (
    ListChildrenGuardianshipStatusType0,
)
from .list_screenings_status_type_0 import ListScreeningsStatusType0
from .liveness import Liveness
from .loaded_year import LoadedYear
from .manual_evidence_in import ManualEvidenceIn
from .manual_evidence_in_source import ManualEvidenceInSource
from .member_view import MemberView
from .migration_read import MigrationRead
from .migration_reject import MigrationReject
from .notice_entry import NoticeEntry
from .notice_in import NoticeIn
from .objection_in import ObjectionIn
from .page_batch_summary import PageBatchSummary
from .page_child_summary import PageChildSummary
from .page_place_summary import PagePlaceSummary
from .page_queue_item import PageQueueItem
from .page_screening_summary import PageScreeningSummary
from .place_link import PlaceLink
from .place_read import PlaceRead
from .place_summary import PlaceSummary
from .policy_in import PolicyIn
from .policy_read import PolicyRead
from .policy_value import PolicyValue
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .programme_case import ProgrammeCase
from .proposal_in import ProposalIn
from .queue_item import QueueItem
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .recheck_in import RecheckIn
from .resume_in import ResumeIn
from .screening_in import ScreeningIn
from .screening_in_disability_kind import ScreeningInDisabilityKind
from .screening_in_supporter import ScreeningInSupporter
from .screening_summary import ScreeningSummary
from .screening_view import ScreeningView
from .self_care_in import SelfCareIn
from .self_care_in_ability import SelfCareInAbility
from .setting_view import SettingView
from .spot_check_in import SpotCheckIn
from .stage import Stage
from .step_in import StepIn
from .stop_in import StopIn
from .village_notice import VillageNotice
from .visit_view import VisitView
from .year_history_entry import YearHistoryEntry
from .year_in import YearIn
from .year_read import YearRead

__all__ = (
    "Actor",
    "ActorRead",
    "AdjustmentIn",
    "AllowanceAssessmentIn",
    "AllowanceAssessmentInAllowance",
    "AllowanceAssessmentInDecision",
    "AllowanceEndIn",
    "AllowanceEndInReasonCode",
    "AllowanceEndView",
    "AppraisalIn",
    "AssessmentView",
    "BatchCase",
    "BatchIn",
    "BatchSummary",
    "BatchView",
    "CareVisitIn",
    "CareVisitInGuardianshipStatus",
    "CaseDetail",
    "CaseDetailClocks",
    "CaseRead",
    "ChildIn",
    "ChildInCategory",
    "ChildInGuardianshipStatus",
    "ChildInRegistration",
    "ChildSummary",
    "ChildView",
    "DeathView",
    "DecisionIn",
    "DecisionInCareArrangementType0",
    "DecisionInDecision",
    "EventSchemaDocument",
    "ExtensionIn",
    "GuardianIn",
    "GuardianInRelation",
    "GuardianView",
    "ImportedBy",
    "InclusionDecisionIn",
    "InclusionDecisionInDecision",
    "InvestigationIn",
    "LibraryRead",
    "LifeEventIn",
    "LifeEventOutcome",
    "LifeEventOutcomeOutcome",
    "LifeEventsIn",
    "LifeEventsRead",
    "ListChildrenCategoryType0",
    "ListChildrenGuardianshipStatusType0",
    "ListScreeningsStatusType0",
    "Liveness",
    "LoadedYear",
    "ManualEvidenceIn",
    "ManualEvidenceInSource",
    "MemberView",
    "MigrationRead",
    "MigrationReject",
    "NoticeEntry",
    "NoticeIn",
    "ObjectionIn",
    "PageBatchSummary",
    "PageChildSummary",
    "PagePlaceSummary",
    "PageQueueItem",
    "PageScreeningSummary",
    "PlaceLink",
    "PlaceRead",
    "PlaceSummary",
    "PolicyIn",
    "PolicyRead",
    "PolicyValue",
    "Problem",
    "ProblemErrorsItem",
    "ProgrammeCase",
    "ProposalIn",
    "QueueItem",
    "Readiness",
    "ReadinessChecks",
    "RecheckIn",
    "ResumeIn",
    "ScreeningIn",
    "ScreeningInDisabilityKind",
    "ScreeningInSupporter",
    "ScreeningSummary",
    "ScreeningView",
    "SelfCareIn",
    "SelfCareInAbility",
    "SettingView",
    "SpotCheckIn",
    "Stage",
    "StepIn",
    "StopIn",
    "VillageNotice",
    "VisitView",
    "YearHistoryEntry",
    "YearIn",
    "YearRead",
)
