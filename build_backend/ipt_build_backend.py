"""The package's build backend: setuptools, plus an opt-in build with the scorer compiled by mypyc.

Pure Python is the default: ``pip install -e .`` and ``pip wheel .`` build exactly what setuptools builds. With the
environment switch ``IPT_COMPILE=1`` a wheel build (``pip wheel .``, ``python -m build --wheel``) also compiles the
modules of the packages listed in pyproject.toml ``[tool.ipt-course.compile]`` with mypyc: the wheel then holds a
compiled extension beside each of those modules' sources, which Python imports first. The compiler (mypy's mypyc)
is fetched for the build only when the switch is on. An editable install with the switch on is refused: compiled
files next to the sources would hide every later edit of them. ``python -m ipt_training.build_info`` (or
``ipt-course --version``) says which build runs. How to deploy it: docs/deployment.md.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (every hook not defined below is setuptools' own)

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the TOML reader the build requirements add (pyproject.toml [build-system])
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
SWITCH = "IPT_COMPILE"
_ON = {"1", "true", "yes", "on"}
_OFF = {"", "0", "false", "no", "off"}


def compile_requested() -> bool:
    """Whether the environment asks for the compiled build; a value that is neither on nor off is an error."""
    value = os.environ.get(SWITCH, "").strip().lower()
    if value not in _ON | _OFF:
        raise ValueError(f"{SWITCH}={os.environ[SWITCH]!r}: use {SWITCH}=1 for the compiled build, 0 or unset for pure "
                         "Python")
    return value in _ON


def compile_settings(root: Path = ROOT) -> dict[str, Any]:
    """pyproject.toml ``[tool.ipt-course.compile]``: the compiler requirement, the packages compiled, options."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(pyproject["tool"]["ipt-course"]["compile"])


def compiled_sources(root: Path = ROOT) -> list[str]:
    """The module files compiled, relative to ``root``: every ``*.py`` of the listed packages but the excluded."""
    settings = compile_settings(root)
    found = {path.relative_to(root).as_posix() for package in settings["packages"]
             for path in (root / package).glob("*.py")}
    return sorted(found - set(settings["exclude"]))


def compiled_extensions() -> list[Any]:
    """The extension modules for setup.py: none unless the switch is on (then mypyc's, built from ``ROOT``)."""
    if not compile_requested():
        return []
    from mypyc.build import mypycify

    settings = compile_settings()
    os.chdir(ROOT)  # mypyc names the modules by their paths relative to the working directory
    return mypycify(compiled_sources(), opt_level=str(settings["opt-level"]), multi_file=True,
                    group_name=settings["group-name"])


def build_commands() -> dict[str, Any]:
    """setup.py's commands: with the switch on, a build_ext that compiles an extension's C files in parallel."""
    if not compile_requested():
        return {}
    from setuptools.command.build_ext import build_ext

    class ParallelBuildExt(build_ext):
        """mypyc's shared library is one extension of one C file per module: compile them on every core."""

        def build_extension(self, ext: Any) -> None:
            compile_one = self.compiler.compile
            jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

            def compile_all(sources: list[str], *args: Any, **kwargs: Any) -> list[str]:
                with ThreadPoolExecutor(max(1, jobs)) as pool:  # each job waits on its own compiler process
                    done = pool.map(lambda source: compile_one([source], *args, **kwargs), sources)
                    return [obj for objects in done for obj in objects]

            self.compiler.compile = compile_all
            try:
                super().build_extension(ext)
            finally:
                del self.compiler.compile

    return {"build_ext": ParallelBuildExt}


@contextmanager
def _switch_off() -> Iterator[None]:
    """The switch unset for a while: metadata and requirements are the same either way, and are worked out before
    the compiler is installed in an isolated build."""
    value = os.environ.pop(SWITCH, None)
    try:
        yield
    finally:
        if value is not None:
            os.environ[SWITCH] = value


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    """setuptools' requirements, plus the compiler's when the switch is on."""
    extra = list(compile_settings()["requires"]) if compile_requested() else []
    with _switch_off():
        return [*_setuptools.get_requires_for_build_wheel(config_settings), *extra]


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    """setuptools' metadata, made without running the compiler (it does not depend on the switch)."""
    with _switch_off():
        return _setuptools.prepare_metadata_for_build_wheel(metadata_directory, config_settings)


def build_editable(wheel_directory: str, config_settings: dict[str, Any] | None = None,
                   metadata_directory: str | None = None) -> str:
    """setuptools' editable install; refused with the switch on (it would put compiled files beside the sources)."""
    if compile_requested():
        raise RuntimeError(f"{SWITCH}=1 builds a wheel (pip wheel . / python -m build --wheel), not an editable "
                           "install: compiled modules beside the sources would hide every edit of them. Unset "
                           f"{SWITCH} for pip install -e .")
    return _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)
