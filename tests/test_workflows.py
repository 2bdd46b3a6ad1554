"""The GitHub configuration, read as data: what CI and the deployment may do.

`make workflows` checks the files against GitHub's schemas and runs zizmor;
these tests pin down the project's own rules: every action pinned by commit,
least privilege, no untrusted text in a shell, the validator's annotations,
the full git history, and the privacy points of the letter form.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.archive import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
CI = GITHUB / "workflows" / "ci.yml"
DEPLOY = GITHUB / "workflows" / "deploy.yml"
FROM_ISSUE = GITHUB / "workflows" / "letter-from-issue.yml"
LETTER_FORM = GITHUB / "ISSUE_TEMPLATE" / "letter.yml"
ISSUE_CONFIG = GITHUB / "ISSUE_TEMPLATE" / "config.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
PRIVACY_URL = "https://dear-constituent.github.io/dear-constituent/privacy/"

SHA = re.compile(r"[0-9a-f]{40}")
USES_LINE = re.compile(r"^\s*(?:-\s*)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^\s+# v\d+\.\d+\.\d+$")
PAGES_ACTIONS = (
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/deploy-pages",
)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the key `on` as the boolean true.
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    assert isinstance(on, dict)
    return on


def jobs(path: Path) -> dict[str, dict[str, Any]]:
    found = load(path)["jobs"]
    assert isinstance(found, dict)
    return found


def steps(path: Path) -> list[dict[str, Any]]:
    return [step for job in jobs(path).values() for step in job.get("steps", [])]


def uses(step: dict[str, Any]) -> str:
    return str(step.get("uses", "")).split("@", 1)[0]


def steps_using(path: Path, action: str) -> list[dict[str, Any]]:
    return [step for step in steps(path) if uses(step) == action]


def run_index(path: Path, words: str) -> int:
    for index, step in enumerate(steps(path)):
        if words in str(step.get("run", "")):
            return index
    pytest.fail(f"{path.name}: no step runs {words!r}")


def test_there_are_the_three_workflows() -> None:
    assert sorted([CI, DEPLOY, FROM_ISSUE]) == WORKFLOWS


# Supply chain: every action is pinned to a commit.


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    pinned = [str(step["uses"]) for step in steps(path) if "uses" in step]
    assert pinned
    for ref in pinned:
        if ref.startswith("./"):
            continue  # an action in this repository
        action, _, version = ref.partition("@")
        assert SHA.fullmatch(version), f"{action} is not pinned to a 40-character commit: {ref}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_pin_says_which_release_it_is(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        match = USES_LINE.match(line)
        assert match, line
        if match["ref"].startswith("./"):
            continue
        assert VERSION_COMMENT.match(match["rest"]), f"no `# vX.Y.Z` comment: {line.strip()}"


def test_an_action_is_pinned_to_the_same_commit_everywhere() -> None:
    commits: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for step in steps(path):
            if "uses" in step and not str(step["uses"]).startswith("./"):
                action, _, version = str(step["uses"]).partition("@")
                commits.setdefault(action, set()).add(version)
    assert {action: versions for action, versions in commits.items() if len(versions) > 1} == {}


# Triggers and untrusted input.


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_trigger_runs_untrusted_code_with_the_base_repository_rights(path: Path) -> None:
    assert "pull_request_target" not in triggers(load(path))
    assert "workflow_run" not in triggers(load(path))
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_expression_is_pasted_into_a_shell(path: Path) -> None:
    # Titles, branch names and the like are written by whoever opens a pull
    # request; a value a step needs goes through `env:` instead.
    for step in steps(path):
        script = str(step.get("run", ""))
        assert "${{ github.event" not in script, script
        assert "${{ github.head_ref" not in script, script
        assert "${{" not in script, f"pass the value through env: instead: {script}"


# Least privilege.


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_the_workflow_grants_nothing_by_default(path: Path) -> None:
    workflow = load(path)
    assert "permissions" in workflow, "without it the token gets the repository's default rights"
    assert workflow["permissions"] in ({}, {"contents": "read"})


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_says_what_it_may_do_and_has_a_timeout(path: Path) -> None:
    for name, job in jobs(path).items():
        assert isinstance(job.get("permissions"), dict), f"{name}: no permissions of its own"
        assert isinstance(job.get("timeout-minutes"), int), f"{name}: no timeout"
        assert 0 < job["timeout-minutes"] <= 60


def test_ci_only_reads_the_repository() -> None:
    for job in jobs(CI).values():
        assert job["permissions"] == {"contents": "read"}


def test_only_the_deploy_job_may_publish() -> None:
    build, deploy = jobs(DEPLOY)["build"], jobs(DEPLOY)["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    writers = {
        (path.name, name)
        for path in WORKFLOWS
        for name, job in jobs(path).items()
        if "write" in job["permissions"].values()
    }
    assert writers == {("deploy.yml", "deploy"), ("letter-from-issue.yml", "letter")}


def test_no_job_runs_code_from_the_repository_with_publishing_rights() -> None:
    deploy = jobs(DEPLOY)["deploy"]
    assert all("run" not in step for step in deploy["steps"])
    assert {uses(step) for step in deploy["steps"]} <= set(PAGES_ACTIONS)


# From an issue to a pull request.


def test_a_letter_issue_is_made_into_a_pull_request_when_opened_or_edited() -> None:
    assert triggers(load(FROM_ISSUE)) == {"issues": {"types": ["opened", "edited"]}}
    job = jobs(FROM_ISSUE)["letter"]
    assert "'letter'" in job["if"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}


def test_the_issue_text_reaches_the_script_only_as_a_file() -> None:
    made = next(step for step in steps(FROM_ISSUE) if step.get("id") == "letter")
    assert made["env"]["BODY"] == "${{ github.event.issue.body }}"
    assert 'printf \'%s\\n\' "$BODY" > "$RUNNER_TEMP/issue.md"' in made["run"]
    assert 'scripts/letter_from_issue.py --body "$RUNNER_TEMP/issue.md"' in made["run"]
    for step in steps(FROM_ISSUE):
        # Only this step sees the body, and no step runs anything from the issue.
        assert "BODY" not in step.get("env", {}) or step.get("id") == "letter"
        assert "eval" not in str(step.get("run", ""))


def test_only_steps_that_run_no_project_code_get_the_token() -> None:
    project_code = (".venv/bin/python", "make ", "pip ", "pytest", "bash .ci")
    for step in steps(FROM_ISSUE):
        script = str(step.get("run", ""))
        environment = step.get("env", {})
        runs_project_code = any(command in script for command in project_code)
        has_token = any(
            "token" in str(value) or "secrets" in str(value) for value in environment.values()
        )
        assert not (runs_project_code and has_token), step.get("name")
    tokened = [step["name"] for step in steps(FROM_ISSUE) if "GH_TOKEN" in step.get("env", {})]
    assert tokened == ["Open or update the pull request", "Answer on the issue"]


def test_personal_data_opens_no_pull_request_and_labels_the_issue() -> None:
    by_name = {step.get("name"): step for step in steps(FROM_ISSUE)}
    assert by_name["Open or update the pull request"]["if"] == (
        "steps.letter.outputs.result == 'written'"
    )
    answer = by_name["Answer on the issue"]
    assert 'gh issue edit "$ISSUE" --add-label "personal data"' in answer["run"]
    assert '--body-file "$RUNNER_TEMP/comment.md"' in answer["run"]


# Checkout: no stored credentials, the whole history.


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_checkout_keeps_no_credentials_and_fetches_the_whole_history(path: Path) -> None:
    checkouts = steps_using(path, "actions/checkout")
    assert checkouts
    for step in checkouts:
        settings = step.get("with", {})
        assert settings.get("persist-credentials") is False
        # Each letter's last-updated date comes from git history.
        assert settings.get("fetch-depth") == 0


# CI.


def test_ci_runs_on_pull_requests_and_on_main() -> None:
    on = triggers(load(CI))
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


def test_ci_cancels_a_superseded_run_of_the_same_ref() -> None:
    concurrency = load(CI)["concurrency"]
    assert "github.ref" in concurrency["group"]
    assert concurrency["cancel-in-progress"] is True


def test_ci_uses_python_3_11_with_the_pip_cache() -> None:
    (setup,) = steps_using(CI, "actions/setup-python")
    assert setup["with"]["python-version"] == "3.11"
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == "requirements*.txt"


def test_ci_annotates_problems_in_letters_and_fails_on_them() -> None:
    validator = [
        step
        for step in steps(CI)
        if "scripts/check_letters.py" in str(step.get("run", ""))
        and "--format github" in str(step.get("run", ""))
    ]
    assert len(validator) == 1
    # Its exit status must fail the job: not swallowed, not allowed to fail.
    (step,) = validator
    assert not step.get("continue-on-error", False)
    assert "||" not in step["run"]
    assert "set +e" not in step["run"]


def test_ci_checks_letters_before_running_the_tests_through_ci_run() -> None:
    validate = run_index(CI, "scripts/check_letters.py")
    test = run_index(CI, ".ci/run")
    assert validate < test
    assert run_index(CI, "make setup") < validate


def test_ci_runs_exactly_what_ci_run_runs() -> None:
    """No environment of the workflow's own may change what the tests do (skip some, say)."""
    (step,) = [step for step in steps(CI) if ".ci/run" in step.get("run", "")]
    assert step["run"].strip() == "bash .ci/run"
    assert "env" not in step
    assert "env" not in load(CI)
    assert all("env" not in job for job in jobs(CI).values())


# Words that would point outside the clone: the folder beside it, or the
# switch that once skipped the tests needing it. Spelt in pieces so that this
# file does not match itself.
OUTSIDE = re.compile(
    "|".join([r"\.\./" + "shared", r"parent\s*/\s*[\"']" + "shared", "_SHA" + "RED_OPTIONAL"])
)


def test_nothing_reads_outside_the_repository() -> None:
    """A fresh clone stands alone: no script, test, workflow or Make target names
    anything beside it."""
    places = [".github", ".ci", "Makefile", "tests", "scripts", "benchmarks", "mkdocs.yml"]
    files = [
        path
        for place in places
        for path in ([ROOT / place] if (ROOT / place).is_file() else (ROOT / place).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    ]
    assert len(files) > 50
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OUTSIDE.search(line)
    ]
    assert found == []


# Deployment.


def test_deploy_runs_from_main_and_by_hand() -> None:
    on = triggers(load(DEPLOY))
    assert set(on) == {"push", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]


def test_deploys_run_one_at_a_time_and_are_never_cancelled() -> None:
    assert load(DEPLOY)["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_deploy_builds_strictly_then_publishes_with_the_pages_actions() -> None:
    build, deploy = jobs(DEPLOY)["build"], jobs(DEPLOY)["deploy"]
    assert any(step.get("run") == "make build" for step in build["steps"])
    (upload,) = [step for step in build["steps"] if uses(step) == "actions/upload-pages-artifact"]
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] in ("build", ["build"])
    assert set(PAGES_ACTIONS) <= {uses(step) for step in steps(DEPLOY)}


def test_deploy_names_the_pages_environment_and_its_address() -> None:
    deploy = jobs(DEPLOY)["deploy"]
    assert deploy["environment"]["name"] == "github-pages"
    (step,) = steps_using(DEPLOY, "actions/deploy-pages")
    page_url = "${{ steps." + step["id"] + ".outputs.page_url }}"
    assert deploy["environment"]["url"] == page_url


def test_deploy_builds_from_a_clean_install() -> None:
    # No cache a pull request's run could have filled is used for what is published.
    for step in steps(DEPLOY):
        assert "cache" not in step.get("with", {})
        assert uses(step) != "actions/cache"


# Dependabot.


def test_dependabot_updates_the_python_pins_and_the_actions_weekly() -> None:
    listed = load(GITHUB / "dependabot.yml")["updates"]
    updates = {update["package-ecosystem"]: update for update in listed}
    assert set(updates) == {"pip", "github-actions"}
    for update in updates.values():
        assert update["directory"] == "/"
        assert update["schedule"]["interval"] == "weekly"
    assert updates["pip"]["groups"]


# The letter form.


def form_field(kind: str, identifier: str) -> dict[str, Any]:
    for field in load(LETTER_FORM)["body"]:
        if field["type"] == kind and field.get("id") == identifier:
            assert isinstance(field, dict)
            return field
    pytest.fail(f"the letter form has no {kind} {identifier!r}")


@pytest.mark.parametrize(
    ("kind", "identifier"),
    [
        ("input", "mp"),
        ("input", "constituency"),
        ("input", "date"),
        ("input", "subject"),
        ("dropdown", "source"),
        ("textarea", "text"),
    ],
)
def test_the_letter_form_asks_for_what_a_letter_needs(kind: str, identifier: str) -> None:
    assert form_field(kind, identifier)["validations"]["required"] is True


def test_the_campaign_is_optional() -> None:
    assert form_field("input", "campaign")["validations"]["required"] is False


def test_the_form_asks_where_the_letter_came_from() -> None:
    options = form_field("dropdown", "source")["attributes"]["options"]
    assert options == ["Paper letter", "Scan or photo", "E-mail", "Other"]


def test_the_text_field_says_what_to_leave_out() -> None:
    guidance = form_field("textarea", "text")["attributes"]["description"].lower()
    for word in ("name", "address", "e-mail", "phone", "reference", "[name removed]"):
        assert word in guidance, word


def test_the_privacy_points_must_be_confirmed() -> None:
    options = form_field("checkboxes", "confirm")["attributes"]["options"]
    assert options
    assert all(option.get("required") is True for option in options)
    confirmed = " ".join(option["label"] for option in options).lower()
    for word in ("name", "address", "e-mail", "phone", "reference", "public", "right to share"):
        assert word in confirmed, word


def test_the_form_warns_that_an_issue_is_public() -> None:
    introduction = load(LETTER_FORM)["body"][0]
    assert introduction["type"] == "markdown"
    assert "public" in introduction["attributes"]["value"]


def test_removal_requests_are_sent_to_the_privacy_page() -> None:
    config = load(ISSUE_CONFIG)
    assert config["blank_issues_enabled"] is True
    assert PRIVACY_URL in [link["url"] for link in config["contact_links"]]


def test_the_pull_request_checklist_covers_letters() -> None:
    template = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 5
    for words in ("source", "verbatim", "::: note", "personal data", "docs/_data/", "green"):
        assert words in template, words


# pre-commit.


def pre_commit_hook(identifier: str) -> dict[str, Any]:
    for repository in load(PRE_COMMIT)["repos"]:
        for hook in repository["hooks"]:
            if hook["id"] == identifier:
                assert repository["repo"] == "local"
                assert isinstance(hook, dict)
                return hook
    pytest.fail(f"no pre-commit hook {identifier!r}")


def test_the_pre_commit_hook_runs_the_validator_on_the_staged_files() -> None:
    hook = pre_commit_hook("check-letters")
    assert hook["entry"].split()[-1] == "scripts/check_letters.py"
    assert (ROOT / "scripts" / "check_letters.py").is_file()
    assert hook.get("pass_filenames", True) is True
    assert "args" not in hook


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("docs/letters/2019/x.md", True),
        ("docs/letters/2019/2019-09-alister-jack-mps-not-border-guards.md", True),
        ("docs/_data/members.yml", True),
        ("docs/_data/topics.yaml", True),
        ("docs/about.md", False),
        ("docs/index.md", False),
        ("docs/letters/2019/notes.txt", False),
        ("docs/_data/readme.md", False),
        ("docs/_transcripts/2019/2019-09-alister-jack-mps-not-border-guards.txt", True),
        # Anything put among the transcripts is checked, and reported when misplaced.
        ("docs/_transcripts/notes.md", True),
        ("scripts/check_letters.py", False),
        ("tests/docs/letters/2019/x.md", False),
    ],
)
def test_the_pre_commit_hook_sees_letters_transcripts_and_registers_only(
    path: str, checked: bool
) -> None:
    files = re.compile(pre_commit_hook("check-letters")["files"])
    assert bool(files.search(path)) is checked


def test_ruff_runs_before_a_commit_too() -> None:
    assert "ruff check" in pre_commit_hook("ruff-check")["entry"]
    assert "ruff format" in pre_commit_hook("ruff-format")["entry"]
