"""Deploy files checked as text: the names, ports, topics and metrics they use exist in code."""

from __future__ import annotations

import fnmatch
import json
import re

import pytest

from services.settings import DEFAULT_PORTS, DEFAULT_SIMULATOR_PORTS, SERVICES
from tests.deploy.support import (
    COMPOSE,
    DEPLOY,
    K8S,
    METRIC,
    TOPIC,
    deploy_texts,
    real_metrics,
    real_topics,
)

DOCKERFILE = DEPLOY / "Dockerfile"
ENTRYPOINT = DEPLOY / "entrypoint.sh"


@pytest.mark.req("GEN-10")
def test_every_topic_named_in_deploy_files_is_a_topic_of_the_code() -> None:
    # given every deploy file; when the topic names are collected
    named = {t for _, text in deploy_texts() for t in TOPIC.findall(text)}
    # then each one is a real topic, and the topic job creates all of them
    assert named <= real_topics(), named - real_topics()
    script = (DEPLOY / "kafka/create-topics.sh").read_text()
    assert set(TOPIC.findall(script)) == real_topics()


@pytest.mark.req("GEN-9")
def test_dashboard_and_alerts_use_only_metrics_the_services_export() -> None:
    # given the Grafana dashboard and the Prometheus alerts
    dashboard = json.loads((DEPLOY / "grafana/dashboards/safetynet.json").read_text())
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    alerts = (DEPLOY / "prometheus/alerts.yml").read_text()
    used = {m for e in exprs for m in METRIC.findall(e)} | set(METRIC.findall(alerts))
    # then every metric they query exists, and the named metrics are all on the dashboard
    assert used <= real_metrics(), used - real_metrics()
    on_dashboard = " ".join(exprs)
    for name in (
        "safetynet_events_appended_total",
        "safetynet_outbox_lag_events",
        "safetynet_consumer_lag",
        "safetynet_dlq_messages",
        "safetynet_http_request_duration_seconds_bucket",
    ):
        assert name in on_dashboard, name


@pytest.mark.req("GEN-10")
def test_service_ports_in_compose_prometheus_and_k8s_match_the_settings() -> None:
    compose = COMPOSE.read_text()
    scrape = (DEPLOY / "prometheus/prometheus.yml").read_text()
    for service, port in DEFAULT_PORTS.items():
        assert f'{service.upper()}_PORT: "{port}"' in compose, service
        assert f"names: [{service}], type: A, port: {port}" in scrape, service
        manifest = (K8S / f"{service}.yaml").read_text()
        assert f"containerPort: {port}" in manifest, service
        assert f'- "{service}"' in manifest, f"{service} Deployment does not start {service}"
    for name, port in DEFAULT_SIMULATOR_PORTS.items():
        assert f'{name.upper()}_SIMULATOR_PORT: "{port}"' in compose, name
        assert f'"{port}:{port}"' in compose, name


@pytest.mark.req("GEN-10")
def test_compose_names_the_four_services_twice_each_and_a_three_broker_kraft_cluster() -> None:
    compose = COMPOSE.read_text()
    for service in SERVICES:
        block = re.search(rf"^  {service}:\n(?P<body>(?:    .*\n)+)", compose, re.MULTILINE)
        assert block is not None, service
        assert f'command: ["{service}"]' in block["body"]
        assert "deploy: {replicas: 2}" in block["body"]
    brokers = re.findall(r"^  (kafka-\d):\n    <<: \*kafka$", compose, re.MULTILINE)
    assert brokers == ["kafka-1", "kafka-2", "kafka-3"]
    for setting in (
        "KAFKA_PROCESS_ROLES: broker,controller",
        'KAFKA_DEFAULT_REPLICATION_FACTOR: "3"',
        'KAFKA_MIN_INSYNC_REPLICAS: "2"',
        'KAFKA_ENABLE_IDEMPOTENCE: "true"',
        "KAFKA_LOG_DIRS: /var/lib/kafka/data",  # the image's data volume, owned by its user
    ):
        assert setting in compose, setting
    init_sql = (DEPLOY / "postgres/init.sql").read_text()
    assert set(re.findall(r"CREATE DATABASE (\w+);", init_sql)) == {
        f"safetynet_{s}" for s in SERVICES
    }


def test_image_is_multi_stage_pinned_non_root_with_an_init() -> None:
    dockerfile = DOCKERFILE.read_text()
    base = re.search(r"^ARG PYTHON_IMAGE=(\S+)$", dockerfile, re.MULTILINE)
    assert base is not None and re.fullmatch(r"python:3\.11\.\d+-slim-\w+", base[1]), base
    assert len(re.findall(r"^FROM ", dockerfile, re.MULTILINE)) >= 2
    assert re.search(r"^USER 10001:10001$", dockerfile, re.MULTILINE)
    assert 'ENTRYPOINT ["/usr/bin/tini", "--"' in dockerfile
    ignored = set((DEPLOY.parent / ".dockerignore").read_text().split())
    assert {".git", ".venv", ".data", "tests", "*.pem"} <= ignored


def test_the_entry_point_migrates_before_it_serves_each_service() -> None:
    script = ENTRYPOINT.read_text()
    case_arm = r"^  (?P<names>[a-z|]+)\)\n(?P<body>(?:    .*\n)+?)    ;;"
    case = re.search(case_arm, script, re.MULTILINE)
    assert case is not None
    assert tuple(case["names"].split("|")) == SERVICES
    body = case["body"]
    assert body.index('migrate "$service"') < body.index('exec python -m services serve "$service"')


def test_everything_the_image_copies_exists_and_reaches_the_build_context() -> None:
    # given the Dockerfile's COPY instructions from the build context (not from a stage)
    dockerfile = DOCKERFILE.read_text()
    sources = [
        src
        for line in re.findall(r"^COPY (?!--from)(.+)$", dockerfile, re.MULTILINE)
        for src in line.split()[:-1]
    ]
    ignored = (DEPLOY.parent / ".dockerignore").read_text().split()
    # then each source exists in the repository and no .dockerignore pattern drops it
    assert {"shared", "services", *SERVICES} <= set(sources)
    for src in sources:
        assert (DEPLOY.parent / src).exists(), src
        assert not any(fnmatch.fnmatch(src, pattern) for pattern in ignored), src
