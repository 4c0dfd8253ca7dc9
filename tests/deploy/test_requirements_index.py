"""`make requirements`: every requirement the tests name is indexed with its proofs and code."""

from __future__ import annotations

import pytest

from services.requirements_index import index, render

THIS_TEST = "tests/deploy/test_requirements_index.py::test_the_index_lists_tests_and_modules"


@pytest.mark.req("GEN-8")
def test_the_index_lists_tests_and_modules() -> None:
    # given the index of the tree
    requirements = {r.id: r for r in index()}
    # then a requirement marked on module level lists those tests, and the modules naming it
    relief = requirements["PAY-10"]
    assert any(t.startswith("tests/e2e/test_relief_goods.py::test_") for t in relief.tests)
    assert "payments/application/relief_goods.py" in relief.modules
    # and this very test is listed under the requirement its decorator names
    assert THIS_TEST in requirements["GEN-8"].tests
    # and the rendering ends with the count of requirements and of those without a test
    last = render(list(requirements.values())).splitlines()[-1]
    assert last.startswith(f"{len(requirements)} requirements, ")
