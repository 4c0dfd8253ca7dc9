"""Verification's named refusals, each with a stable code and zh/en titles."""

from __future__ import annotations

from shared.domain.errors import DomainError, Forbidden


class CaseAlreadyOpen(DomainError):
    """A case for this application and programme exists already."""

    code = "case-already-open"
    status = 409
    title_en = "A verification case is already open"
    title_zh = "该申请的核查案件已经建立"


class StageOutOfOrder(DomainError):
    """The command belongs to another stage of the case."""

    code = "stage-out-of-order"
    status = 409
    title_en = "This step is not possible at the case's current stage"
    title_zh = "案件当前环节不能办理此事项"


class AuthorisationMissing(DomainError):
    """No signed authorisation is on record: economic verification may not run."""

    code = "authorisation-missing"
    title_en = "No recorded authorisation for economic verification"
    title_zh = "缺少家庭经济状况核对授权书"


class EvidenceNotRequested(DomainError):
    """The answer is for a source or person the case is not waiting for."""

    code = "evidence-not-requested"
    status = 409
    title_en = "This case is not waiting for that answer"
    title_zh = "该案件未在等待此项核对结果"


class TooFewInvestigators(DomainError):
    """A household investigation needs at least two staff."""

    code = "too-few-investigators"
    title_en = "A household investigation needs at least two staff"
    title_zh = "入户调查工作人员不得少于2人"


class AppraisalCannotDecideAlone(DomainError):
    """VER-3: democratic appraisal evidence alone never decides."""

    code = "appraisal-cannot-decide-alone"
    title_en = "Democratic appraisal alone cannot decide a case"
    title_zh = "不得单纯依据民主评议结果确定保障对象"


class SpotCheckIncomplete(DomainError):
    """VER-5: the batch's sampled households have not all been visited by the county."""

    code = "spot-check-incomplete"
    title_en = "The county spot check of this batch is not complete"
    title_zh = "本批次入户抽查尚未完成，不能审批"


class SpotCheckRateTooLow(DomainError):
    """VER-5: the spot-check rate may be raised, never lowered below the floor."""

    code = "spot-check-rate-too-low"
    title_en = "The spot-check rate is below the minimum"
    title_zh = "入户抽查比例低于规定下限"


class NotInSample(DomainError):
    """A spot check was recorded for a household the batch did not sample."""

    code = "not-in-sample"
    title_en = "The household is not in this batch's sample"
    title_zh = "该户不在本批次抽查样本中"


class NoticePeriodRunning(DomainError):
    """VER-6: the county decides only after the notice period (and with the notice posted)."""

    code = "notice-period-running"
    title_en = "The public notice period has not ended"
    title_zh = "公示期尚未结束，不能审批"


class MemberReportedDeceased(DomainError):
    """VER-7: a member is reported dead; approval needs an explicit override with its reason."""

    code = "member-reported-deceased"
    status = 409
    title_en = "A member of the household is reported deceased"
    title_zh = "家庭成员已被报告死亡，不能径行审批"


class NobodyToResumeFor(DomainError):
    """ADR 0066: the applicant (or the account's holder) is reported dead, or nobody is left
    alive; the benefit ends, and survivors apply anew at the township desk."""

    code = "nobody-to-resume-for"
    status = 409
    title_en = "The benefit cannot resume: the applicant or every member is reported deceased"
    title_zh = "申请人或全部家庭成员已被报告死亡，不能恢复发放"


class ChangeBeforeBenefit(DomainError):
    """VER-7: an adjustment, suspension or termination takes effect within the benefit's life,
    never before the date its approval took effect."""

    code = "change-before-benefit"
    status = 422
    title_en = "A change to a benefit cannot take effect before the benefit began"
    title_zh = "变更生效日期不能早于保障开始日期"


class ResumptionBeforeStop(DomainError):
    """ADR 0066: a resumption starts on or after the stop it lifts; months paid before the stop
    change by an adjustment."""

    code = "resumption-before-stop"
    status = 422
    title_en = "A resumption cannot start before the stop it lifts"
    title_zh = "恢复发放日期不能早于停发日期"


class MemberHoldsProgramme(DomainError):
    """INT-9: a member holds the programme in another case already."""

    code = "member-holds-programme"
    status = 409
    title_en = "A member of the household holds this programme in another case"
    title_zh = "家庭成员已在其他案件中享受该项目"


class AmountOverrideIncomplete(DomainError):
    """VER-7: a county override of the computed amount needs an amount above 0 and its reason."""

    code = "amount-override-incomplete"
    title_en = "An amount override needs the amount and the reason"
    title_zh = "县级改定保障金额须同时写明金额和理由"


class SelfCareNotAssessed(DomainError):
    """VER-8: every extreme-poverty member's self-care ability is assessed before the proposal."""

    code = "self-care-not-assessed"
    title_en = "A member's self-care ability has not been assessed"
    title_zh = "特困人员生活自理能力尚未评估"


class NotAMember(DomainError):
    """The resident named is not a member of the case's household."""

    code = "not-a-member"
    title_en = "The resident is not a member of this household"
    title_zh = "该居民不是本户家庭成员"


class DeadlineAlreadyExtended(DomainError):
    """VER-9: the whole process may be extended once, from 30 to 45 working days."""

    code = "deadline-already-extended"
    status = 409
    title_en = "The deadline was already extended"
    title_zh = "办理时限已延长过"


class InvalidBatch(DomainError):
    """A batch must hold proposals of one township, awaiting the county."""

    code = "invalid-batch"
    title_en = "The batch is not valid"
    title_zh = "审批批次无效"


class VillageCommitteeCannotDecide(Forbidden):
    """Village and residents' committees may not investigate, review or decide."""

    code = "village-committee-cannot-review"
    title_en = "Village and residents' committees cannot review or decide"
    title_zh = "村（居）委会不得直接受理审核"


class WrongLevel(Forbidden):
    """The township investigates and reviews; the county approves (主体责任)."""

    code = "wrong-level"
    title_en = "This step belongs to another level of government"
    title_zh = "该事项应由其他层级办理"


class ImpossibleDeathDate(DomainError):
    """A reported death lies after today or before the person was born."""

    code = "impossible-death-date"
    title_en = "The date of death is impossible"
    title_zh = "死亡日期不合理"
