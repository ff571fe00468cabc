"""The package builds pure Python by default; ``IPT_COMPILE=1`` asks for the mypyc-compiled scorer (a wheel only).

The build backend is build_backend/ipt_build_backend.py; ipt_training/build_info.py tells which build runs. That the
compiled build scores exactly as the pure one is tests/test_compiled_build.py (run once by .ci/run).
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest
import tomllib
import yaml

from ipt_training.build_info import PURE_MODULES, SCORER_PACKAGES, compiled_modules, scorer_build, scorer_compiled


@pytest.fixture()
def backend(repo: Path):
    spec = importlib.util.spec_from_file_location("ipt_build_backend", repo / "build_backend" / "ipt_build_backend.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_switch_is_off_unless_asked(backend, monkeypatch) -> None:
    monkeypatch.delenv("IPT_COMPILE", raising=False)
    assert backend.compile_requested() is False
    assert backend.compiled_extensions() == []  # no compiler imported, nothing compiled
    for off in ("0", "no", "false", "off", ""):
        monkeypatch.setenv("IPT_COMPILE", off)
        assert backend.compile_requested() is False, off
    for on in ("1", "yes", "true", "ON"):
        monkeypatch.setenv("IPT_COMPILE", on)
        assert backend.compile_requested() is True, on


def test_a_misspelt_switch_is_an_error_not_a_silent_pure_build(backend, monkeypatch) -> None:
    monkeypatch.setenv("IPT_COMPILE", "compiled")
    with pytest.raises(ValueError, match="IPT_COMPILE"):
        backend.compile_requested()


def test_an_editable_install_with_the_switch_on_is_refused(backend, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("IPT_COMPILE", "1")
    with pytest.raises(RuntimeError, match="not an editable install"):
        backend.build_editable(str(tmp_path))


def test_the_compiled_modules_are_every_module_of_the_scorer_packages(backend, repo: Path) -> None:
    sources = backend.compiled_sources(repo)
    expected = sorted(p.relative_to(repo).as_posix() for folder in ("ipt_training/scoring", "ipt_training/text")
                      for p in (repo / folder).glob("*.py") if p.name != "report.py")
    assert sources == expected
    assert "ipt_training/scoring/formulation.py" in sources and "ipt_training/text/matcher.py" in sources
    assert not any(s.startswith(("ipt_training/cases/", "ipt_training/grading/")) for s in sources)


def test_the_build_report_knows_what_the_build_compiles(backend, repo: Path) -> None:
    """ipt_training/build_info.py names the packages compiled and the modules left as Python, as pyproject.toml."""
    settings = backend.compile_settings(repo)
    assert [p.replace("/", ".") for p in settings["packages"]] == list(SCORER_PACKAGES)
    assert {p.removesuffix(".py").replace("/", ".") for p in settings["exclude"]} == PURE_MODULES
    assert not set(settings["exclude"]) & set(backend.compiled_sources(repo))


def test_a_build_that_leaves_the_pure_modules_is_compiled_and_one_that_misses_more_is_mixed(
        tmp_path: Path, monkeypatch) -> None:
    _fake_package(tmp_path, ["__init__", "a"], ["b"])
    monkeypatch.syspath_prepend(str(tmp_path))
    assert scorer_build(("fakepkg",), frozenset({"fakepkg.b"})) == "compiled (mypyc, 2 modules)"
    assert scorer_build(("fakepkg",), frozenset({"fakepkg.c"})).startswith("mixed (2 of 3 modules compiled")


def _bound(requirement: str) -> tuple[str, str]:
    match = re.match(r"^([A-Za-z0-9_.\-]+)\s*>=\s*([0-9.]+)", requirement)
    assert match, f"{requirement} needs a lower bound"
    return match.group(1).lower(), match.group(2)


def test_build_requirements_have_lower_bounds_that_agree(repo: Path) -> None:
    pyproject = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    build = dict(map(_bound, pyproject["build-system"]["requires"]))
    compiler = dict(map(_bound, pyproject["tool"]["ipt-course"]["compile"]["requires"]))
    tests = dict(map(_bound, pyproject["project"]["optional-dependencies"]["test"]))
    env = yaml.safe_load((repo / "environment.yml").read_text(encoding="utf-8"))
    conda = dict(_bound(d) for d in env["dependencies"] if isinstance(d, str) and ">=" in d)
    assert set(compiler) == {"mypy"}
    # the same versions wherever the same package is named: a conda environment or the test extra can build the
    # compiled wheel without fetching anything (pip wheel --no-build-isolation)
    for name, bound in {**build, **compiler}.items():
        if name in tests:
            assert tests[name] == bound, name
        if name in conda:
            assert conda[name] == bound, name
    assert build["setuptools"] == tests["setuptools"] and compiler["mypy"] == conda["mypy"]


def test_this_source_tree_runs_the_pure_scorer(repo: Path) -> None:
    """A compiled file left beside a source (an in-place build) would silently run instead of the edited .py."""
    assert scorer_build() == "pure Python", "compiled files in the source tree: " + ", ".join(compiled_modules())
    assert not scorer_compiled()
    left = [p for folder in ("scoring", "text") for suffix in EXTENSION_SUFFIXES
            for p in (repo / "ipt_training" / folder).glob(f"*{suffix}")]
    assert left == []


def _fake_package(root: Path, compiled: list[str], pure: list[str]) -> None:
    package = root / "fakepkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name in pure:
        (package / f"{name}.py").write_text("", encoding="utf-8")
    for name in compiled:  # never imported: the report only looks where each module would load from
        (package / f"{name}{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
        (package / f"{name}.py").write_text("", encoding="utf-8")


@pytest.mark.parametrize(("compiled", "pure", "expected"), [
    ([], ["a", "b"], "pure Python"),
    (["a"], ["b"], "mixed (1 of 3 modules compiled: fakepkg.a)"),
    (["__init__", "a", "b"], [], "compiled (mypyc, 3 modules)"),
])
def test_the_build_report_tells_compiled_modules_from_sources(tmp_path: Path, monkeypatch, compiled, pure,
                                                              expected) -> None:
    _fake_package(tmp_path, compiled, pure)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert scorer_build(("fakepkg",), frozenset()) == expected
    assert compiled_modules(("fakepkg",)) == sorted("fakepkg" if name == "__init__" else f"fakepkg.{name}"
                                                    for name in compiled)


def test_the_version_says_which_scorer_runs(repo: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "ipt_training.cli", "--version"], capture_output=True, text=True,
                         cwd=repo, timeout=120)
    assert run.returncode == 0, run.stderr
    assert re.fullmatch(r"ipt-course \S+ \(scorer: pure Python\)\n", run.stdout), run.stdout
