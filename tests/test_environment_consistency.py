"""environment.yml (conda-forge) and pyproject.toml list the same packages with the same lower bounds."""

import re

import tomllib
import yaml

# conda-forge names that differ from PyPI names
CONDA_NAMES = {"build": "python-build"}


def _parse(requirement: str) -> tuple[str, str]:
    match = re.match(r"^([A-Za-z0-9_.\-]+)\s*(>=\s*[0-9.]+)?", requirement.strip())
    assert match, requirement
    return match.group(1).lower(), (match.group(2) or "").replace(" ", "")


def test_environment_yml_matches_pyproject(repo):
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pyproject = {CONDA_NAMES.get(n, n): bound for n, bound in map(_parse, wanted)}
    env = yaml.safe_load((repo / "environment.yml").read_text())
    conda = dict(_parse(d) for d in env["dependencies"] if isinstance(d, str) and not d.startswith(("python", "pip")))
    conda.update(dict(_parse(d) for d in env["dependencies"] if isinstance(d, str) and d.startswith("python-")))
    assert conda == pyproject


def test_every_dependency_has_a_lower_bound(repo):
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        assert ">=" in requirement, f"{requirement} needs a lower bound"
