"""Compose and Kubernetes files parsed and schema-validated (needs the test extra's PyYAML,
kubernetes-validate and check-jsonschema; skipped with the reason when they are missing)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from services.settings import DEFAULT_PORTS, SERVICES
from tests.deploy.support import COMPOSE, K8S, settings_variables

yaml = pytest.importorskip("yaml", reason="add PyYAML to the test extra")
SAFETYNET_COMMANDS = {*SERVICES, "simulators", "token", "migrate"}


def compose() -> dict[str, Any]:
    """The compose file, anchors and merge keys resolved."""
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return loaded


def manifests() -> list[dict[str, Any]]:
    """Every Kubernetes object under deploy/k8s."""
    return [d for p in sorted(K8S.glob("*.yaml")) for d in yaml.safe_load_all(p.read_text()) if d]


def of_kind(kind: str) -> dict[str, dict[str, Any]]:
    """The objects of one kind by name."""
    return {d["metadata"]["name"]: d for d in manifests() if d["kind"] == kind}


@pytest.mark.req("GEN-10")
def test_compose_conforms_to_the_compose_specification() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="add check-jsonschema to the test extra")
    pytest.importorskip("check_jsonschema", reason="add check-jsonschema to the test extra")
    vendored = resources.files("check_jsonschema") / "builtin_schemas/vendor/compose-spec.json"
    schema = json.loads(vendored.read_text())
    jsonschema.validate(compose(), schema)


@pytest.mark.req("GEN-10")
def test_every_variable_given_to_a_safetynet_container_is_read_by_the_settings() -> None:
    known = settings_variables()
    services = compose()["services"]
    for name, service in services.items():
        if service.get("image", "").startswith("safetynet:"):
            assert set(service.get("environment", {})) <= known, name
            assert service["command"][0] in SAFETYNET_COMMANDS, name
    for service in SERVICES:
        assert services[service]["deploy"]["replicas"] == 2
        assert services[service]["environment"][f"{service.upper()}_PORT"] == str(
            DEFAULT_PORTS[service]
        )
    for name, service in services.items():
        assert set(service.get("depends_on", {})) <= set(services), name


@pytest.mark.req("GEN-10")
def test_kubernetes_objects_are_valid_for_the_latest_bundled_kubernetes() -> None:
    validator = pytest.importorskip(
        "kubernetes_validate", reason="add kubernetes-validate to the test extra"
    )
    version = str(validator.latest_version())
    for document in manifests():
        validator.validate(document, version, True)


@pytest.mark.req("GEN-9", "GEN-10")
def test_each_service_has_probes_resources_a_budget_and_an_autoscaler() -> None:
    deployments, budgets, scalers = (
        of_kind("Deployment"),
        of_kind("PodDisruptionBudget"),
        of_kind("HorizontalPodAutoscaler"),
    )
    for service in SERVICES:
        pod = deployments[service]["spec"]["template"]["spec"]
        container = pod["containers"][0]
        assert container["args"] == [service]
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert container["ports"][0]["containerPort"] == DEFAULT_PORTS[service]
        assert container["resources"]["requests"] and container["resources"]["limits"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert budgets[service]["spec"]["minAvailable"] == 1
        assert scalers[service]["spec"]["minReplicas"] == 2


@pytest.mark.req("GEN-10")
def test_configuration_and_jobs_name_only_variables_and_commands_the_code_has() -> None:
    known = settings_variables()
    assert set(of_kind("ConfigMap")["safetynet-config"]["data"]) <= known
    jobs = of_kind("Job")
    migrate_job = jobs["safetynet-migrate"]["spec"]["template"]["spec"]["containers"][0]
    assert migrate_job["args"] == ["migrate", *SERVICES]
    assert "safetynet-topics" in jobs
    for document in manifests():
        spec = document.get("spec", {}).get("template", {}).get("spec", {})
        for container in spec.get("containers", []):
            assert {e["name"] for e in container.get("env", [])} <= known | {
                "TOPIC_PARTITIONS",
                "TOPIC_REPLICATION_FACTOR",
                "LOG_DIR",  # the Kafka tools' log directory, in the topics job
                "KAFKA_ADMIN_CONFIG",  # a super user's client file, in the topics and ACL jobs
            }


def test_network_policies_deny_by_default_and_admit_each_service_on_its_port() -> None:
    policies = of_kind("NetworkPolicy")
    deny_all = {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
    assert policies["default-deny"]["spec"] == deny_all
    for service, port in DEFAULT_PORTS.items():
        ingress = policies[f"{service}-traffic"]["spec"]["ingress"]
        assert [p["port"] for rule in ingress for p in rule["ports"]] == [port]


def test_each_deployment_reads_only_its_own_database_secret() -> None:
    deployments = of_kind("Deployment")
    for service in SERVICES:
        container = deployments[service]["spec"]["template"]["spec"]["containers"][0]
        secret_keys = {
            e["valueFrom"]["secretKeyRef"]["key"] for e in container["env"] if "valueFrom" in e
        }
        assert secret_keys == {f"{service}-url"}, service
