"""Which build of the scorer this process runs: pure Python (the default) or compiled with mypyc.

The compiled build is opt-in (``IPT_COMPILE=1 pip wheel .``, docs/deployment.md): it puts a compiled extension
beside each module of the scorer, which Python imports instead of the ``.py`` file. ``python -m
ipt_training.build_info`` and ``ipt-course --version`` print the answer; a source tree with compiled files left in it
reads "mixed" or "compiled", which is how a developer sees that edits to those modules would not run.
"""

from __future__ import annotations

import pkgutil
from importlib.machinery import EXTENSION_SUFFIXES
from importlib.util import find_spec

#: The packages the compiled build compiles, and the modules of them it leaves as Python (pyproject.toml
#: ``[tool.ipt-course.compile]`` packages and exclude; tests/test_packaging_build.py checks they agree).
SCORER_PACKAGES = ("ipt_training.scoring", "ipt_training.text")
PURE_MODULES = frozenset({"ipt_training.scoring.report"})


def module_origins(packages: tuple[str, ...] = SCORER_PACKAGES) -> dict[str, str]:
    """Each module of ``packages`` (the packages themselves included) and the file it would load from, without
    running any of them."""
    origins: dict[str, str] = {}
    for package in packages:
        spec = find_spec(package)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(package)
        origins[package] = spec.origin
        for module in pkgutil.iter_modules(spec.submodule_search_locations or []):
            name = f"{package}.{module.name}"
            found = module.module_finder.find_spec(name, None)
            if found is not None and found.origin is not None:
                origins[name] = found.origin
    return origins


def compiled_modules(packages: tuple[str, ...] = SCORER_PACKAGES) -> list[str]:
    """The modules of ``packages`` that load from a compiled extension."""
    suffixes = tuple(EXTENSION_SUFFIXES)
    return sorted(name for name, origin in module_origins(packages).items() if origin.endswith(suffixes))


def scorer_build(packages: tuple[str, ...] = SCORER_PACKAGES, pure: frozenset[str] = PURE_MODULES) -> str:
    """'pure Python', 'compiled (mypyc, N modules)' (every module but ``pure``) or 'mixed (N of M modules
    compiled: ...)'."""
    origins = module_origins(packages)
    compiled = compiled_modules(packages)
    if not compiled:
        return "pure Python"
    if set(compiled) == set(origins) - pure:
        return f"compiled (mypyc, {len(compiled)} modules)"
    shown = ", ".join(compiled[:3]) + (", ..." if len(compiled) > 3 else "")
    return f"mixed ({len(compiled)} of {len(origins) - len(pure & set(origins))} modules compiled: {shown})"


def scorer_compiled() -> bool:
    """Whether every module of the scorer runs compiled."""
    return scorer_build().startswith("compiled")


if __name__ == "__main__":
    print(f"scorer: {scorer_build()}")
