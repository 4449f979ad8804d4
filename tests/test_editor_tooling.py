"""CI workflows, pre-commit hooks, live reload and the YAML tidy-up."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest
import yaml

from ici.yamlfmt import format_files, tidy
from sitebuild import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
OFFICIAL = {
    "actions/checkout",
    "actions/setup-python",
    "actions/upload-artifact",
    "actions/upload-pages-artifact",
    "actions/deploy-pages",
    "actions/configure-pages",
}
_USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def _on(workflow: dict) -> dict:
    # YAML 1.1 reads the key `on` as true
    return workflow.get("on", workflow.get(True))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _ci_run_commands() -> set[str]:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip().startswith("make ")}


def test_there_is_a_pull_request_and_a_deploy_workflow() -> None:
    triggers = {path.name: _on(_load(path)) for path in WORKFLOWS}
    assert triggers["pull-request.yml"] == {"pull_request": None}
    assert triggers["deploy.yml"]["push"] == {"branches": ["main"]}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_only_official_actions_pinned_to_a_full_sha_with_its_version(path: Path) -> None:
    refs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _USES.match(line)
        if m:
            name, _, sha = m["ref"].partition("@")
            assert name in OFFICIAL, line
            assert re.fullmatch(r"[0-9a-f]{40}", sha), line
            assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", m["rest"]), line
            refs.append(m["ref"])
    used = [step["uses"] for step in _steps(_load(path)) if "uses" in step]
    assert used == refs and used


def test_one_version_of_each_action() -> None:
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for step in _steps(_load(path)):
            if "uses" in step:
                name, _, sha = step["uses"].partition("@")
                pins.setdefault(name, set()).add(sha)
    assert all(len(shas) == 1 for shas in pins.values()), pins


def test_pull_request_runs_ci_script_and_uploads_the_site() -> None:
    steps = _steps(_load(ROOT / ".github" / "workflows" / "pull-request.yml"))
    assert [s["run"] for s in steps if "run" in s] == [".ci/run"]
    assert _ci_run_commands() >= {"make check", "make test", "make build"}
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"


def test_deploy_builds_with_the_same_make_targets_and_publishes_pages() -> None:
    workflow = _load(ROOT / ".github" / "workflows" / "deploy.yml")
    build = workflow["jobs"]["build"]["steps"]
    assert [s["run"] for s in build if "run" in s] == ["make check", "make build"]
    assert {"make check", "make build"} <= _ci_run_commands()
    pages = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert pages["with"]["path"] == "site/"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_has_full_history_for_the_translation_status(path: Path) -> None:
    for step in _steps(_load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["fetch-depth"] == 0


def test_pre_commit_hooks_are_local_and_use_the_project_tools() -> None:
    config = _load(ROOT / ".pre-commit-config.yaml")
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert {h["id"] for h in hooks} == {"ici-check", "ruff-check", "ruff-format", "yaml-format"}
    for hook in hooks:
        assert hook["language"] == "system"
        words = shlex.split(hook["entry"])
        tool = next(w for w in words if w.startswith(".venv/bin/"))
        assert (ROOT / tool).exists(), tool
        if "-m" in words:
            module = words[words.index("-m") + 1]
            assert (ROOT / "hooks" / Path(*module.split("."))).with_suffix(".py").is_file()


def test_mkdocs_serve_watches_data_hooks_overrides_and_schemas() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    watch = yaml.safe_load(text[text.index("\nwatch:") :].split("\n\n")[0])["watch"]
    assert {"data", "hooks", "overrides", "schemas"} <= set(watch)


def test_tidy_fixes_layout_and_keeps_comments() -> None:
    text = "\ufeff# source: seed 001  \r\nkey: value\t\r\nlist: [a]\r\n\r\n\r\n"
    assert tidy(text) == ("# source: seed 001\nkey: value\nlist: [a]\n", [])


def test_tidy_reports_tabs_and_restores_the_schema_line() -> None:
    line = "# yaml-language-server: $schema=../schemas/events.schema.json"
    text, problems = tidy("events:\n\t- id: x\n", line)
    assert text == f"{line}\nevents:\n\t- id: x\n"
    assert problems == ["line 2: tab in the indentation, expected spaces"]


def test_check_mode_changes_nothing_and_fix_mode_tidies(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: x   \n", encoding="utf-8")
    out = io.StringIO()
    assert format_files([path], check=True, out=out) == 1
    assert out.getvalue() == f"{path}: needs tidying (run make format)\n"
    assert path.read_text(encoding="utf-8") == "site_name: x   \n"
    assert format_files([path], check=False, out=io.StringIO()) == 0
    assert path.read_text(encoding="utf-8") == "site_name: x\n"


def test_project_yaml_files_are_tidy() -> None:
    paths = [
        *sorted((ROOT / "data").glob("*.yaml")),
        ROOT / "mkdocs.yml",
        ROOT / ".pre-commit-config.yaml",
        *WORKFLOWS,
    ]
    out = io.StringIO()
    assert format_files(paths, check=True, out=out) == 0, out.getvalue()
