"""The committed OpenAPI documents and the clients generated from them are those of the code:
`make clients` regenerates both; this test regenerates them into a scratch folder and compares
file by file (issue #18)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from services.clients import CLIENTS, DOCUMENTS
from services.settings import PROJECT_ROOT, SERVICES


def tree(root: Path) -> dict[str, bytes]:
    """Every generated file under a folder, by its path relative to the folder."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def differing(fresh: dict[str, bytes], committed: dict[str, bytes]) -> set[str]:
    """The files missing on one side or different."""
    names = fresh.keys() | committed.keys()
    return {name for name in names if fresh.get(name) != committed.get(name)}


def regenerate(target: Path) -> None:
    """`generate` in a process of its own, as `make clients` runs it: nothing another test did
    to this process (a registry filled, a clock pinned) reaches the documents."""
    program = "import sys; from pathlib import Path; from services.clients import generate; "
    program += "generate(Path(sys.argv[1], 'openapi'), Path(sys.argv[1], 'clients'))"
    subprocess.run([sys.executable, "-c", program, str(target)], check=True, cwd=PROJECT_ROOT)


def test_the_documents_and_clients_are_regenerated_from_the_code(tmp_path: Path) -> None:
    regenerate(tmp_path)
    committed_clients = {
        name: text
        for name, text in tree(CLIENTS).items()
        if name.split("/")[0] in SERVICES  # not clients/__init__.py nor its generator settings
    }
    stale = differing(tree(tmp_path / "openapi"), tree(DOCUMENTS)) | differing(
        tree(tmp_path / "clients"), committed_clients
    )
    assert not stale, f"run `make clients`: stale or missing {sorted(stale)[:20]}"
