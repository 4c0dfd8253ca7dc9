"""The four OpenAPI documents and the typed Python clients generated from them (issue #18).

`python -m services clients` writes each service's document to docs/openapi/<service>.json (what
an integrator downloads) and generates a client package per service into clients/<service> with
openapi-python-client, the maintained generator, formatted by ruff. The end-to-end tests call the
services through these clients only, so the documents are proven sufficient to build against; a
test regenerates both into a scratch folder and fails when the committed ones are stale.

A warning of the generator (an operation or an answer it could not build) fails the command:
a client with a part silently left out would not prove the document sufficient.

One adaptation is made for the generator alone: `AnyJson`, the recursive union that states what
the input guard lets through an open value, is given to the generator as "any JSON value" (it
cannot express a schema that refers to itself inside `anyOf`). The served document keeps it.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from services.composition import offline_runtimes
from services.settings import PROJECT_ROOT

DOCUMENTS = PROJECT_ROOT / "docs" / "openapi"
CLIENTS = PROJECT_ROOT / "clients"
GENERATOR_CONFIG = CLIENTS / "generator.yaml"


def documents() -> dict[str, dict[str, Any]]:
    """Each service's OpenAPI document, exactly as the running service serves it."""
    return {service: runtime.app.openapi() for service, runtime in offline_runtimes().items()}


def document_text(document: dict[str, Any]) -> str:
    """A document as committed: indented UTF-8 JSON with a final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def for_the_generator(document: dict[str, Any]) -> dict[str, Any]:
    """A copy with `AnyJson` stated as any value (see the module docstring)."""
    adapted = copy.deepcopy(document)
    any_json = adapted.get("components", {}).get("schemas", {}).get("AnyJson")
    if any_json is not None:
        adapted["components"]["schemas"]["AnyJson"] = {"description": any_json["description"]}
    return adapted


def generate(documents_dir: Path, clients_dir: Path) -> list[Path]:
    """Write the documents and generate the clients into the given folders; return the files."""
    documents_dir.mkdir(parents=True, exist_ok=True)
    clients_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        for service, document in documents().items():
            path = documents_dir / f"{service}.json"
            path.write_text(document_text(document), encoding="utf-8")
            adapted = Path(scratch, f"{service}.json")
            adapted.write_text(json.dumps(for_the_generator(document), ensure_ascii=False))
            _run_generator(adapted, clients_dir / service)
            written += [path, clients_dir / service]
    return written


def _run_generator(document: Path, package: Path) -> None:
    tools = Path(sys.executable).parent  # the generator and ruff are installed beside Python
    generator = [
        str(tools / "openapi-python-client"),
        "generate",
        "--path",
        str(document),
        "--meta",
        "none",
        "--output-path",
        str(package),
        "--overwrite",
        "--config",
        str(GENERATOR_CONFIG),
    ]
    ruff = str(tools / "ruff")
    for command in (
        generator,
        [ruff, "check", "--isolated", "--fix-only", "--quiet", "--no-cache", str(package)],
        [ruff, "format", "--isolated", "--quiet", "--no-cache", str(package)],
    ):
        finished = subprocess.run(command, capture_output=True, text=True)
        if finished.returncode != 0 or "Warning" in finished.stdout:  # a part left out
            raise RuntimeError(f"{command[0]} failed for {document.name}:\n{finished.stdout}")


def write() -> str:
    """Regenerate docs/openapi and clients/ in place; say what was written."""
    written = generate(DOCUMENTS, CLIENTS)
    return "\n".join(str(path.relative_to(PROJECT_ROOT)) for path in written)
