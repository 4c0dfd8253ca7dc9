from enum import StrEnum


class GetStatisticsChartSeries(StrEnum):
    APPLICATIONS = "applications"
    BENEFICIARIES = "beneficiaries"
    OVERSIGHT = "oversight"
    PROCESSING_DAYS = "processing-days"
    SPENDING = "spending"
    SPOT_CHECK_RATE = "spot-check-rate"
    URGENT_RESPONSE = "urgent-response"

    def __str__(self) -> str:
        return str(self.value)
