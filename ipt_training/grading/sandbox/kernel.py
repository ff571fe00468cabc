"""The kernel manager for autograde: every grading kernel starts inside the sandbox launcher.

Limits are traitlets, so ``nbgrader_config.py`` sets them (``c.SandboxedKernelManager.memory_limit_mb = 2048``);
environment variables override the configured defaults on a given machine (``IPT_GRADING_MEMORY_MB``,
``IPT_GRADING_CPU_SECONDS``, ``IPT_GRADING_FILE_SIZE_MB``, ``IPT_GRADING_ISOLATE``, ``IPT_GRADING_SECCOMP``).
The kernel talks to the grader over ZeroMQ ``ipc://`` sockets in a private folder, so it needs no network at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, CaselessStrEnum, Integer, List, Unicode, default

from ipt_training.grading.sandbox import launcher as sandbox

SANDBOX_FILE = Path(sandbox.__file__).resolve()
PACKAGE_DIR = SANDBOX_FILE.parents[2]  # .../ipt_training


BWRAP_ENV = "IPT_GRADING_BWRAP"
NOBODY = "65534"
NO_BWRAP = ("bubblewrap (the bwrap command) is not installed, and grading runs as root: trainee code would run as "
            "root and could read the disks. Install it (apt-get install bubblewrap), or set "
            f"{BWRAP_ENV}=off to grade with the built-in sandbox only (not recommended; see docs/reliability.md).")


class SandboxUnavailable(RuntimeError):
    """The sandbox this machine needs cannot be set up; no kernel is started."""


def _system_paths(readable: list[str]) -> list[str]:
    """Read-only inside bubblewrap: the OS, this interpreter and its packages, and ``readable``."""
    import site

    paths = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", sys.prefix, sys.base_prefix,
             sys.exec_prefix, *site.getsitepackages(), *readable]
    if site.ENABLE_USER_SITE and site.USER_SITE:
        paths.append(site.USER_SITE)
    found = [os.path.abspath(p) for p in dict.fromkeys(paths) if os.path.lexists(p)]
    return [p for p in dict.fromkeys(found)
            if not any(p != q and p.startswith(q.rstrip("/") + "/") and not os.path.islink(q) for q in found)]


def bwrap_command(config: sandbox.SandboxConfig, cwd: Path, bwrap: str) -> list[str]:
    """bubblewrap's arguments: new namespaces (user, pid, net, mount, ipc, uts), uid/gid 65534, a minimal
    ``/dev`` (null, zero, random, tty...; no disks), ``/proc`` of its own, a private ``/tmp``, the system read-only
    and only the kernel's folder and its private ipc folder writable."""
    # bubblewrap's own processes die of SIGINT, and interrupts go to the kernel's whole process group: started
    # with SIGINT ignored they survive an interrupt, and the kernel installs its own handler.
    ignore = [env, "--ignore-signal=INT"] if (env := shutil.which("env")) else []
    args = [*ignore, bwrap, "--unshare-all", "--die-with-parent", "--uid", NOBODY, "--gid", NOBODY,
            "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    system = _system_paths(config.readable)
    for path in sorted(system, key=len):
        if os.path.islink(path) and os.path.dirname(path) == "/":
            args += ["--symlink", os.readlink(path), path]  # /bin -> usr/bin on merged-/usr systems
        else:
            args += ["--ro-bind", path, path]
    for path in config.writable:
        if os.path.isdir(path):
            args += ["--bind", path, path]
    visible = system + config.writable
    for path in ("/etc/shadow", "/etc/gshadow", *config.hide):
        if not any(path == v or path.startswith(v.rstrip("/") + "/") for v in visible):
            continue  # not mounted inside at all
        if os.path.isdir(path):
            args += ["--tmpfs", path, "--remount-ro", path]
        elif os.path.lexists(path):
            args += ["--ro-bind", "/dev/null", path]
    return [*args, "--remount-ro", "/", "--chdir", str(cwd), "--"]


def env_int(name: str, fallback: int) -> int:
    """An integer from the environment variable ``name``, else ``fallback``."""
    try:
        return int(os.environ[name])
    except (KeyError, ValueError):
        return fallback


def sqlite_path(db_url: str) -> Path | None:
    """The database file of a ``sqlite:///`` URL (None for other databases or in-memory)."""
    prefix = "sqlite:///"
    if db_url.startswith(prefix) and db_url[len(prefix):] not in ("", ":memory:"):
        return Path(db_url[len(prefix):]).resolve()
    return None


class SandboxedKernelManager(AsyncKernelManager):
    """An ``AsyncKernelManager`` whose kernels run with limits, isolation and no network (see ``sandbox``)."""

    memory_limit_mb = Integer(help="Address-space limit of a grading kernel in MiB (0: none).").tag(config=True)
    cpu_limit_seconds = Integer(help="CPU-time limit of a grading kernel in seconds (0: none).").tag(config=True)
    file_size_limit_mb = Integer(help="Largest file a grading kernel may write, MiB (0: none).").tag(config=True)
    isolate = CaselessStrEnum(["auto", "userns", "off"],
                              help="Namespaces: 'auto' when the machine allows them, 'userns' to force a user "
                                   "namespace, 'off' for none.").tag(config=True)
    use_seccomp = Bool(help="Install the seccomp syscall filter (network, processes, ptrace).").tag(config=True)
    hide_paths = List(Unicode(), help="More paths the kernel must not read (besides the course directory).") \
        .tag(config=True)
    use_bwrap = CaselessStrEnum(["auto", "on", "off"],
                                help="Run kernels inside bubblewrap as an unprivileged user with no device nodes: "
                                     "'auto' when grading as root, 'on' always, 'off' never (then grading as root "
                                     "keeps uid 0 without capabilities and sees /dev).").tag(config=True)
    course_root = Unicode("", help="The instructor's course directory, set by the grading process (never "
                                   "found from the notebook's folder).")

    @default("memory_limit_mb")
    def _memory_default(self) -> int:
        return env_int("IPT_GRADING_MEMORY_MB", 2048)

    @default("cpu_limit_seconds")
    def _cpu_default(self) -> int:
        return env_int("IPT_GRADING_CPU_SECONDS", 600)

    @default("file_size_limit_mb")
    def _fsize_default(self) -> int:
        return env_int("IPT_GRADING_FILE_SIZE_MB", 256)

    @default("isolate")
    def _isolate_default(self) -> str:
        return os.environ.get("IPT_GRADING_ISOLATE", "auto")

    @default("use_seccomp")
    def _seccomp_default(self) -> bool:
        return os.environ.get("IPT_GRADING_SECCOMP", "1") not in ("0", "false", "no")

    @default("use_bwrap")
    def _bwrap_default(self) -> str:
        return os.environ.get(BWRAP_ENV, "auto")

    @default("transport")
    def _transport_default(self) -> str:
        return "ipc"

    _scratch: str | None = None

    @property
    def scratch(self) -> str:
        """A private folder (0700) for the connection file, the ipc sockets and the launcher's status file."""
        if self._scratch is None:
            self._scratch = tempfile.mkdtemp(prefix="ipt-kernel-")
        return self._scratch

    @property
    def sandbox_status(self) -> dict[str, Any]:
        """What the launcher reported: ``{"layers": [...]}`` (empty before the kernel started)."""
        try:
            return json.loads((Path(self.scratch) / "status.json").read_text())
        except (OSError, ValueError):
            return {}

    async def _async_pre_start_kernel(self, **kw: Any) -> tuple[list[str], dict[str, Any]]:
        if self.transport == "ipc":
            self.connection_file = os.path.join(self.scratch, "kernel.json")
            self.ip = os.path.join(self.scratch, "k")
        return await super()._async_pre_start_kernel(**kw)

    def sandbox_config(self, cwd: Path) -> sandbox.SandboxConfig:
        from ipt_training.grading.trusted.course_root import grading_course_root

        course = Path(self.course_root).resolve() if self.course_root else grading_course_root()
        hide = [str(Path(p).resolve()) for p in self.hide_paths]
        hide += [str(Path(p).resolve()) for p in os.environ.get("IPT_GRADING_HIDE", "").split(os.pathsep) if p]
        keys = os.environ.get(sandbox.KEYS_ENV)
        if keys:
            hide.append(str(Path(keys).resolve()))
        db_url = os.environ.get("IPT_GRADEBOOK_URL", "")
        db_file = sqlite_path(db_url) if db_url else None
        if db_file is not None and (course is None or course not in db_file.parents):
            hide.append(str(db_file))
        return sandbox.SandboxConfig(
            memory_mb=self.memory_limit_mb, cpu_seconds=self.cpu_limit_seconds,
            file_size_mb=self.file_size_limit_mb, isolate=self.isolate, seccomp=self.use_seccomp,
            course_root=str(course) if course else "", writable=[str(cwd), self.scratch], readable=[str(PACKAGE_DIR)],
            hide=hide, package_root=str(PACKAGE_DIR.parent), status_file=os.path.join(self.scratch, "status.json"),
            scratch=self.scratch,
        )

    def bwrap_path(self) -> str | None:
        """The bwrap command to wrap kernels in, None when not used; raises where it is needed but missing."""
        if self.use_bwrap == "off" or self.isolate != "auto" or not sys.platform.startswith("linux"):
            return None
        if self.use_bwrap == "auto" and os.geteuid() != 0:
            return None  # a non-root grader gets user namespaces from the launcher itself
        found = shutil.which("bwrap")
        if found is None:
            raise SandboxUnavailable(NO_BWRAP)
        return found

    def launch_command(self, cwd: Path, cmd: list[str]) -> list[str]:
        """``cmd`` wrapped in bubblewrap (when used) and the sandbox launcher."""
        config = self.sandbox_config(cwd)
        bwrap = self.bwrap_path()
        prefix: list[str] = []
        if bwrap:
            prefix = bwrap_command(config, cwd, bwrap)
            config.isolate, config.wrapped = "off", "bwrap"  # namespaces come from bubblewrap
        return [*prefix, sys.executable, "-c", sandbox.BOOTSTRAP, str(SANDBOX_FILE), config.to_json(), "--", *cmd]

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        cmd = super().format_kernel_cmd(extra_arguments)
        cwd = Path((self._launch_args or {}).get("cwd") or os.getcwd()).resolve()
        return self.launch_command(cwd, cmd)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart and self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    cleanup_resources = _async_cleanup_resources  # type: ignore[assignment]


def probe_sandbox(**traits: Any) -> list[str]:
    """The layers a grading kernel gets on this machine, found by running the launcher on a trivial command."""
    manager = SandboxedKernelManager(**traits)
    work = Path(tempfile.mkdtemp(prefix="ipt-probe-")).resolve()
    try:
        cmd = manager.launch_command(work, [sys.executable, "-m", "this"])
        subprocess.run(cmd, cwd=work, capture_output=True, timeout=60, check=False)
        return list(manager.sandbox_status.get("layers", []))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if manager._scratch is not None:
            shutil.rmtree(manager._scratch, ignore_errors=True)
