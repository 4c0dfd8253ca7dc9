"""The broker's ACLs follow the code (ADR 0033): each service writes only its own topics and
reads only the internal topics its consumers subscribe to; the provincial bus reads only the
public `.events` topics; the deployment gives each service its own principal and the one
pseudonym key as secrets."""

from __future__ import annotations

import json
from typing import Any

import pytest

from services import kafka_acls
from services.kafka_acls import BUS, READ, WRITE, Grant, principal
from services.settings import SERVICES
from shared.messaging.topics import dlq_topic, events_topic, internal_topic
from tests.deploy.support import DEPLOY, K8S

yaml = pytest.importorskip("yaml", reason="add PyYAML to the test extra")
REGENERATE = "run `python -m services kafka-acls` and commit deploy/kafka/acls.sh"


@pytest.fixture(scope="module")
def consumers() -> dict[str, list[tuple[str, list[str]]]]:
    return kafka_acls.subscriptions()


@pytest.fixture(scope="module")
def grants(consumers: dict[str, list[tuple[str, list[str]]]]) -> list[Grant]:
    return kafka_acls.grants(consumers)


def _who(grants: list[Grant], operation: str, topic: str) -> set[str]:
    return {
        g.principal
        for g in grants
        if g.resource == "topic" and operation in g.operations and _covers(g, topic)
    }


def _covers(grant: Grant, topic: str) -> bool:
    return topic.startswith(grant.name) if grant.prefixed else topic == grant.name


@pytest.mark.req("GEN-7")
def test_the_acl_script_is_generated_from_the_current_subscriptions(grants: list[Grant]) -> None:
    script = (DEPLOY / "kafka/acls.sh").read_text()
    assert script == kafka_acls.script(grants), REGENERATE


@pytest.mark.req("GEN-7")
def test_the_bus_reads_only_public_topics_and_only_owners_write(
    grants: list[Grant], consumers: dict[str, list[tuple[str, list[str]]]]
) -> None:
    for service in SERVICES:
        consuming = {
            s for s, subs in consumers.items() for _, ts in subs if internal_topic(service) in ts
        }
        public = {
            s for s, subs in consumers.items() for _, ts in subs if events_topic(service) in ts
        }
        # the public view: the bus, the owner and the services that consume it (supervision's
        # webhooks, ADR 0036) read it
        assert _who(grants, READ, events_topic(service)) == {BUS, principal(service)} | {
            principal(s) for s in public
        }
        # the internal topic: the owner and the services that consume it, never the bus
        assert _who(grants, READ, internal_topic(service)) == {principal(service)} | {
            principal(s) for s in consuming
        }
        assert _who(grants, READ, dlq_topic(service)) == {principal(service)}
        for topic in (internal_topic(service), events_topic(service), dlq_topic(service)):
            assert _who(grants, WRITE, topic) == {principal(service)}, topic
    bus = [g for g in grants if g.principal == BUS]
    assert all(WRITE not in g.operations for g in bus)
    assert {g.name for g in bus if g.resource == "topic"} == {events_topic(s) for s in SERVICES}


def _objects(kind: str) -> dict[str, dict[str, Any]]:
    docs = [d for p in sorted(K8S.glob("*.yaml")) for d in yaml.safe_load_all(p.read_text()) if d]
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


@pytest.mark.req("GEN-7", "GEN-10")
def test_each_deployment_is_its_own_principal_and_reads_the_one_pseudonym_key() -> None:
    config = _objects("ConfigMap")["safetynet-config"]["data"]
    assert config["KAFKA_SECURITY_PROTOCOL"].startswith("SASL")
    for service, deployment in ((s, _objects("Deployment")[s]) for s in SERVICES):
        pod = deployment["spec"]["template"]["spec"]
        container = pod["containers"][0]
        env = {e["name"]: e.get("value") for e in container["env"]}
        assert env["KAFKA_SASL_USERNAME"] == principal(service)
        volumes = {v["name"]: v for v in pod["volumes"]}
        mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
        # the one key of the deployment, where PSEUDONYM_KEY_FILE says it is
        assert volumes["pseudonym"]["secret"]["secretName"] == "safetynet-pseudonym"
        assert config["PSEUDONYM_KEY_FILE"].startswith(mounts["pseudonym"] + "/")
        # its own password only, where KAFKA_SASL_PASSWORD_FILE says it is
        items = volumes["kafka"]["secret"]["items"]
        assert [i["key"] for i in items] == [f"{service}-password"]
        assert config["KAFKA_SASL_PASSWORD_FILE"] == f"{mounts['kafka']}/{items[0]['path']}"


def test_the_kafka_jobs_run_the_scripts_as_they_are_in_deploy_kafka() -> None:
    scripts = _objects("ConfigMap")["safetynet-kafka-scripts"]["data"]
    for name in ("create-topics.sh", "acls.sh"):
        assert scripts[name] == (DEPLOY / "kafka" / name).read_text(), json.dumps(name)
    jobs = _objects("Job")
    command = jobs["safetynet-kafka-acls"]["spec"]["template"]["spec"]["containers"][0]["command"]
    assert command[-1] == "/scripts/acls.sh"
