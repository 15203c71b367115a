"""deploy/: the files a city's IT team deploys with say what the app needs.

Base images cannot be pulled here, so nothing is built: the Dockerfile is linted with
hadolint, the YAML with yamllint, HAProxy configurations are checked by ``haproxy -c``,
and each file is read for the facts the app depends on (health path, port, sticky
cookie, websocket timeouts, non-root, read-only root with a writable /tmp).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
K8S = DEPLOY / "k8s"
HEALTH = "/_stcore/health"
PORT = 8501
sys.path.insert(0, str(DEPLOY))
import serve  # noqa: E402  (deploy/serve.py is a script, not a package)

pytestmark = pytest.mark.serve


def tool(name: str) -> str:
    """A linter installed in the venv (requirements-dev.txt) -> its path."""
    path = Path(sys.executable).parent / name
    found = str(path) if path.exists() else shutil.which(name)
    assert found, f"{name} missing: `make venv` installs it from requirements-dev.txt"
    return found


def manifests() -> dict[str, dict]:
    return {
        d["kind"]: d for f in sorted(K8S.glob("*.yaml")) for d in yaml.safe_load_all(f.read_text())
    }


def test_dockerfile_passes_hadolint():
    r = subprocess.run(
        [tool("hadolint"), str(DEPLOY / "Dockerfile")], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_yaml_files_pass_yamllint():
    files = [DEPLOY / "compose.yaml", *sorted(K8S.glob("*.yaml"))]
    r = subprocess.run(
        [tool("yamllint"), "-s", "-c", str(DEPLOY / ".yamllint"), *map(str, files)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_dockerfile_builds_the_store_runs_as_non_root_and_checks_health():
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^RUN python -m ingest build", text, re.M), "store not built in the image"
    users = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert users and users[-1] not in ("root", "0"), "the container must not run as root"
    health = re.search(r"^HEALTHCHECK .*(?:\n\s+.*)*", text, re.M)
    assert health and f"127.0.0.1:{PORT}{HEALTH}" in health.group(0)
    assert re.search(rf"^EXPOSE {PORT}$", text, re.M)
    assert "HOME=/tmp" in text, "Streamlit writes under $HOME: it must be the writable /tmp"


def test_compose_runs_read_only_replicas_behind_haproxy_with_one_secret():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    replicas = {n: s for n, s in services.items() if n.startswith("replica")}
    assert len(replicas) >= 2
    for svc in replicas.values():
        assert svc["read_only"] is True and "/tmp" in svc["tmpfs"]
        assert "BORDERLINKS_COOKIE_SECRET" in svc["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"]
    haproxy = services["haproxy"]
    assert all(haproxy["depends_on"][n]["condition"] == "service_healthy" for n in replicas)
    mounted = haproxy["volumes"][0].split(":")[0]
    cfg = (DEPLOY / mounted).read_text()
    for name in replicas:
        assert re.search(rf"^\s+server {name} {name}:{PORT} cookie {name}\b", cfg, re.M)


def test_committed_compose_haproxy_config_is_what_serve_renders():
    assert (DEPLOY / "haproxy.compose.cfg").read_text() == serve.compose_config()


def test_rendered_haproxy_config_is_valid_sticky_and_health_checked(tmp_path):
    text = serve.render_config([(f"r{i}", f"127.0.0.1:{9000 + i}") for i in range(1, 4)], port=8599)
    assert "cookie BLREPLICA insert" in text
    assert re.search(rf"http-check send meth GET uri {HEALTH}\b", text)
    assert "timeout tunnel" in text and "fall 1" in text and "observe layer4" in text
    # A busy replica answers its check late: marking it down must not cut its sessions.
    assert "shutdown-sessions" not in text.split("timeout check")[1]
    assert "option redispatch" in text
    assert len(re.findall(r"^\s+server r\d 127\.0\.0\.1:900\d cookie r\d$", text, re.M)) == 3
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(text)
    r = subprocess.run(
        [serve.parse_args([]).haproxy, "-c", "-f", str(cfg)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_render_config_refuses_no_replicas():
    with pytest.raises(ValueError):
        serve.render_config([])


def test_kubernetes_probes_port_and_security_match_the_app():
    m = manifests()
    pod = m["Deployment"]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports == {"http": PORT}
    for probe in ("readinessProbe", "livenessProbe"):
        get = container[probe]["httpGet"]
        assert get["path"] == HEALTH and ports[get["port"]] == PORT, probe
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert pod["securityContext"]["runAsNonRoot"] is True
    tmp = next(v for v in container["volumeMounts"] if v["mountPath"] == "/tmp")
    assert any(v["name"] == tmp["name"] and "emptyDir" in v for v in pod["volumes"])
    secret = container["env"][0]
    assert (
        secret["name"] == "STREAMLIT_SERVER_COOKIE_SECRET" and "secretKeyRef" in secret["valueFrom"]
    )


def test_kubernetes_service_and_ingress_reach_the_pods_sticky_with_long_timeouts():
    m = manifests()
    labels = m["Deployment"]["spec"]["template"]["metadata"]["labels"]
    service = m["Service"]["spec"]
    assert service["selector"].items() <= labels.items()
    assert service["ports"][0]["targetPort"] == "http"
    ingress = m["Ingress"]
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(notes[f"nginx.ingress.kubernetes.io/{timeout}"]) >= 3600
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == m["Service"]["metadata"]["name"]
    assert backend["port"]["name"] == service["ports"][0]["name"]
