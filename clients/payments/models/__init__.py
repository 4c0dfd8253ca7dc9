"""Contains all the data models used in inputs/outputs"""

from .bank_account_change import BankAccountChange
from .bank_account_read import BankAccountRead
from .bank_return_read import BankReturnRead
from .beneficiary_read import BeneficiaryRead
from .disaster_in import DisasterIn
from .disaster_read import DisasterRead
from .disclosure_read import DisclosureRead
from .event_schema_document import EventSchemaDocument
from .funds_account_read import FundsAccountRead
from .funds_account_read_allocated_fen import FundsAccountReadAllocatedFen
from .funds_account_read_arrived_fen import FundsAccountReadArrivedFen
from .funds_movement import FundsMovement
from .funds_movement_programme import FundsMovementProgramme
from .funds_movement_source import FundsMovementSource
from .funds_recorded import FundsRecorded
from .goods_issue_in import GoodsIssueIn
from .goods_issue_in_category import GoodsIssueInCategory
from .goods_issue_in_item import GoodsIssueInItem
from .goods_issued_read import GoodsIssuedRead
from .goods_issued_read_item import GoodsIssuedReadItem
from .goods_receipt_in import GoodsReceiptIn
from .goods_receipt_in_item import GoodsReceiptInItem
from .goods_stock_read import GoodsStockRead
from .grant_read import GrantRead
from .grant_read_category import GrantReadCategory
from .household_relief_read import HouseholdReliefRead
from .household_relief_read_category import HouseholdReliefReadCategory
from .household_relief_read_goods_totals import HouseholdReliefReadGoodsTotals
from .index_in import IndexIn
from .issue_read import IssueRead
from .issue_read_category import IssueReadCategory
from .issue_read_item import IssueReadItem
from .linkage_parameters_read import LinkageParametersRead
from .list_beneficiaries_status_type_0 import ListBeneficiariesStatusType0
from .liveness import Liveness
from .month_decision_read import MonthDecisionRead
from .page_beneficiary_read import PageBeneficiaryRead
from .page_payment_read import PagePaymentRead
from .page_place_summary import PagePlaceSummary
from .paid_by_partner_history import PaidByPartnerHistory
from .paid_by_partner_read import PaidByPartnerRead
from .parameters_in import ParametersIn
from .payment_read import PaymentRead
from .performance_read import PerformanceRead
from .pipeline_case import PipelineCase
from .pipeline_case_stage import PipelineCaseStage
from .place_link import PlaceLink
from .place_read import PlaceRead
from .place_summary import PlaceSummary
from .practical_tasks_read import PracticalTasksRead
from .price_linkage_read import PriceLinkageRead
from .price_linkage_read_months import PriceLinkageReadMonths
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .programme_funds_read import ProgrammeFundsRead
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .receipt_read import ReceiptRead
from .receipt_read_item import ReceiptReadItem
from .relief_in import ReliefIn
from .relief_in_category import ReliefInCategory
from .relief_money_read import ReliefMoneyRead
from .relief_payment_read import ReliefPaymentRead
from .retry_create import RetryCreate
from .retry_started import RetryStarted
from .run_create import RunCreate
from .run_create_channel import RunCreateChannel
from .run_read import RunRead
from .run_started import RunStarted
from .solved_in import SolvedIn
from .standard_create import StandardCreate
from .standard_create_care_amounts_fen import StandardCreateCareAmountsFen
from .standard_create_class_amounts_fen import StandardCreateClassAmountsFen
from .standard_create_programme import StandardCreateProgramme
from .standard_read import StandardRead
from .standard_version import StandardVersion
from .standard_version_care_amounts_fen import StandardVersionCareAmountsFen
from .standard_version_class_amounts_fen import StandardVersionClassAmountsFen
from .stock_item_read import StockItemRead
from .stock_item_read_item import StockItemReadItem
from .task_entered_read import TaskEnteredRead
from .task_in import TaskIn
from .task_in_programme import TaskInProgramme
from .task_progress_read import TaskProgressRead
from .task_progress_read_status import TaskProgressReadStatus
from .unpayable_read import UnpayableRead

__all__ = (
    "BankAccountChange",
    "BankAccountRead",
    "BankReturnRead",
    "BeneficiaryRead",
    "DisasterIn",
    "DisasterRead",
    "DisclosureRead",
    "EventSchemaDocument",
    "FundsAccountRead",
    "FundsAccountReadAllocatedFen",
    "FundsAccountReadArrivedFen",
    "FundsMovement",
    "FundsMovementProgramme",
    "FundsMovementSource",
    "FundsRecorded",
    "GoodsIssueIn",
    "GoodsIssueInCategory",
    "GoodsIssueInItem",
    "GoodsIssuedRead",
    "GoodsIssuedReadItem",
    "GoodsReceiptIn",
    "GoodsReceiptInItem",
    "GoodsStockRead",
    "GrantRead",
    "GrantReadCategory",
    "HouseholdReliefRead",
    "HouseholdReliefReadCategory",
    "HouseholdReliefReadGoodsTotals",
    "IndexIn",
    "IssueRead",
    "IssueReadCategory",
    "IssueReadItem",
    "LinkageParametersRead",
    "ListBeneficiariesStatusType0",
    "Liveness",
    "MonthDecisionRead",
    "PageBeneficiaryRead",
    "PagePaymentRead",
    "PagePlaceSummary",
    "PaidByPartnerHistory",
    "PaidByPartnerRead",
    "ParametersIn",
    "PaymentRead",
    "PerformanceRead",
    "PipelineCase",
    "PipelineCaseStage",
    "PlaceLink",
    "PlaceRead",
    "PlaceSummary",
    "PracticalTasksRead",
    "PriceLinkageRead",
    "PriceLinkageReadMonths",
    "Problem",
    "ProblemErrorsItem",
    "ProgrammeFundsRead",
    "Readiness",
    "ReadinessChecks",
    "ReceiptRead",
    "ReceiptReadItem",
    "ReliefIn",
    "ReliefInCategory",
    "ReliefMoneyRead",
    "ReliefPaymentRead",
    "RetryCreate",
    "RetryStarted",
    "RunCreate",
    "RunCreateChannel",
    "RunRead",
    "RunStarted",
    "SolvedIn",
    "StandardCreate",
    "StandardCreateCareAmountsFen",
    "StandardCreateClassAmountsFen",
    "StandardCreateProgramme",
    "StandardRead",
    "StandardVersion",
    "StandardVersionCareAmountsFen",
    "StandardVersionClassAmountsFen",
    "StockItemRead",
    "StockItemReadItem",
    "TaskEnteredRead",
    "TaskIn",
    "TaskInProgramme",
    "TaskProgressRead",
    "TaskProgressReadStatus",
    "UnpayableRead",
)
