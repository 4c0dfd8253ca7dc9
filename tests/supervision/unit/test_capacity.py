"""Grassroots capacity (加强基层力量, SUP-7): the desk person, purchased services, trainings."""

from __future__ import annotations

import pytest

from supervision.domain.capacity import (
    CapacityFile,
    DeskStaffNamed,
    ServicePurchased,
    StaffTrainingRecorded,
    register_events,
)
from tests.in_memory import PINNED, in_memory, staff

pytestmark = pytest.mark.req("SUP-7")

TOWNSHIP = "620105001"
TODAY = PINNED.date()


async def test_a_capacity_file_keeps_the_latest_desk_person_and_every_service_and_training() -> (
    None
):
    # given a township that named its desk person, replaced them, bought a service and trained
    repository = in_memory(CapacityFile, register_events)
    file = CapacityFile(TOWNSHIP)
    file.name_desk_staff(DeskStaffNamed(TOWNSHIP, "马晓燕", None, TODAY))
    file.name_desk_staff(DeskStaffNamed(TOWNSHIP, "李建国", "13800000000", TODAY))
    file.purchase(ServicePurchased(TOWNSHIP, "兰州市安宁区社工服务中心", "入户调查辅助",
                                   12_000_000, TODAY, TODAY))  # fmt: skip
    file.train(StaffTrainingRecorded(TOWNSHIP, TODAY, "低保政策与审核确认程序", 36))
    await repository.save(file, staff("配备专人", role="county_officer"), None)

    # when the file is loaded
    loaded = await repository.get(TOWNSHIP)

    # then the desk person is the one named last, and every service and training is kept
    assert loaded.desk == DeskStaffNamed(TOWNSHIP, "李建国", "13800000000", TODAY)
    assert (loaded.services, loaded.trainings) == (file.services, file.trainings)
    assert loaded.version == 4
