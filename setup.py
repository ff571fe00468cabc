"""setuptools' entry for the extension modules of the opt-in compiled build (none by default).

Everything else about the package is in pyproject.toml; the switch and the compiled packages are described in
build_backend/ipt_build_backend.py and docs/deployment.md.
"""

import sys
from pathlib import Path

from setuptools import setup

sys.path.insert(0, str(Path(__file__).resolve().parent / "build_backend"))
from ipt_build_backend import build_commands, compiled_extensions

setup(ext_modules=compiled_extensions(), cmdclass=build_commands())
