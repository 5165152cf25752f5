"""The short cluster drill: three nodes, a few hundred pages, one node killed.

Starts its own cluster (scripts/elasticsearch cluster-start, data in a temporary
folder, ports 9211-9213 / 9311-9313), never the shared node, and stops it after.
The long form is bench/cluster_drill.py.
"""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from bench import cluster_drill
from tests.conftest import require_service
from tests.search.eval import harness

pytestmark = pytest.mark.elasticsearch

ROOT = Path(__file__).resolve().parents[2]


def port_taken(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def cluster():
    home = ROOT / ".cache" / "elasticsearch" / "elasticsearch-8.19.3"
    # Out of `make test` until it holds: in the fresh-clone CI 2 of 130 searches
    # failed while the node was down (issue 15 stays open; see BENCHMARKS.md).
    if os.environ.get("TRANSPARENCA_CLUSTER_DRILL") != "1":
        pytest.skip("set TRANSPARENCA_CLUSTER_DRILL=1 to run the three-node drill")
    require_service(shutil.which("java"), "no Java to run Elasticsearch")
    if not (home / "bin" / "elasticsearch").exists():
        # The shared node may be someone else's: install (pinned, verified) here.
        subprocess.run(
            [str(ROOT / "scripts" / "elasticsearch"), "install"],
            check=True,
            timeout=1200,
        )
    ports = [p for n in (1, 2, 3) for p in (9210 + n, 9310 + n)]
    require_service(
        not any(port_taken(port) for port in ports),
        "ports 9211-9213/9311-9313 are taken (another cluster is up)",
    )
    # Not pytest's tmp_path: its parents are private (0700) and the nodes run
    # as the unprivileged Elasticsearch user.
    folder = Path(tempfile.mkdtemp(prefix="transparenca-cluster-"))
    folder.chmod(0o755)
    env = {"ES_CLUSTER_DIR": str(folder)}
    try:
        cluster_drill.script("cluster-start", env=env)
        yield env
    finally:
        cluster_drill.script("cluster-stop", env=env)
        shutil.rmtree(folder, ignore_errors=True)


def test_losing_a_node_fails_no_search_and_loses_no_update(cluster):
    pages = harness.pages()[:400]
    queries = harness.queries()[::5]
    result = cluster_drill.run(
        pages, queries, seconds=20, kill_after=5, down_for=8, searchers=2,
        env=cluster, out=lambda line: None,
    )  # fmt: skip
    assert result["searches"] > 0, result
    assert result["failed_searches"] == 0, result
    assert result["published"] > 0, result
    assert result["lost_updates"] == 0, result
    assert result["time_to_green"] is not None, result
