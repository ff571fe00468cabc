"""The process environment the course tools need, whatever way they were started.

``ipt-course`` may be run by path from a virtual environment that is not activated (pipx, cron, a kernel
spec): its ``bin/`` is then not on ``PATH``, and nbgrader's gradebook, which runs the ``alembic`` program
when it creates a database, fails. :func:`prepare_process` puts the interpreter's script folders on ``PATH``
(and, in a virtual environment that uses the system's packages, the system's Jupyter data folder on
``JUPYTER_PATH``, where nbconvert's templates live), and silences the known harmless warnings of nbgrader
with named, narrow filters (:func:`quiet_known_noise`), so an instructor sees real warnings only.
"""

from __future__ import annotations

import logging
import os
import sys
import sysconfig
import warnings
from collections.abc import MutableMapping
from pathlib import Path

# nbgrader 0.9's gradebook adds submissions through relationships SQLAlchemy 2 no longer cascades; harmless
# (nbgrader adds the objects itself right after), printed twice per notebook on every autograde.
SA_CASCADE_MESSAGE = r"Object of type <\w+> not in session, \w+ operation along '[\w.]+' will not proceed"
# nbgrader's OverwriteCells warns "Attribute 'checksum' for cell ... has changed!" for every grade cell with
# hidden tests (the released cell has none, so its checksum differs); the cell is restored from the
# gradebook either way, and edited test cells are reported by our own diagnosis in plain words.
CHECKSUM_MESSAGE = "Attribute '%s' for cell %s has changed! (should be: %s, got: %s)"


def _uses_base_packages() -> bool:
    """True in a virtual environment created with ``--system-site-packages``."""
    if sys.prefix == sys.base_prefix:
        return False
    base = sysconfig.get_paths(vars={"base": sys.base_prefix, "platbase": sys.base_prefix})["purelib"]
    return base in sys.path


def script_dirs() -> list[Path]:
    """Folders holding the programs installed with this interpreter's packages (``alembic`` among them)."""
    dirs = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    if _uses_base_packages():
        dirs.append(Path(sysconfig.get_path("scripts", vars={"base": sys.base_prefix})))
    unique: list[Path] = []
    for folder in dirs:
        if folder.is_dir() and folder not in unique:
            unique.append(folder)
    return unique


def _add_to_path_list(environ: MutableMapping[str, str], name: str, folders: list[Path], first: bool) -> None:
    current = [p for p in environ.get(name, "").split(os.pathsep) if p]
    missing = [str(f) for f in folders if str(f) not in current]
    if missing:
        environ[name] = os.pathsep.join([*missing, *current] if first else [*current, *missing])


def put_scripts_on_path(environ: MutableMapping[str, str] | None = None) -> None:
    """Put :func:`script_dirs` that are missing from ``PATH`` in front of it."""
    _add_to_path_list(os.environ if environ is None else environ, "PATH", script_dirs(), first=True)


def put_jupyter_data_on_path(environ: MutableMapping[str, str] | None = None) -> None:
    """In a venv using the system's packages, add the system's ``share/jupyter`` (nbconvert templates) last."""
    data = Path(sys.base_prefix) / "share" / "jupyter"
    if _uses_base_packages() and data.is_dir():
        _add_to_path_list(os.environ if environ is None else environ, "JUPYTER_PATH", [data], first=False)


class _DropChecksumChanges(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.msg == CHECKSUM_MESSAGE and record.args and record.args[0] == "checksum")


CHECKSUM_FILTER = _DropChecksumChanges("nbgrader checksum changes of restored test cells")
# Loggers OverwriteCells writes to: `nbgrader autograde`'s (traitlets names an application's logger after its
# class), and traitlets' shared logger, which NbGraderAPI (behind `ipt-course autograde`) uses.
NBGRADER_LOGGERS = ("AutogradeApp", "traitlets")


def quiet_known_noise() -> None:
    """Silence nbgrader's known harmless warnings (see the constants above), and nothing else."""
    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", message=SA_CASCADE_MESSAGE, category=SAWarning, module=r"nbgrader\.api")
    for name in NBGRADER_LOGGERS:
        logger = logging.getLogger(name)
        if CHECKSUM_FILTER not in logger.filters:
            logger.addFilter(CHECKSUM_FILTER)


def prepare_process() -> None:
    """Everything above, once at the start of a command."""
    put_scripts_on_path()
    put_jupyter_data_on_path()
    quiet_known_noise()
