"""The grading sandbox: what trainee code in an autograde kernel can and cannot do.

Kernels start through the real ``SandboxedKernelManager`` in the folder of a fake trainee inside a throw-away
course directory (keys, gradebook and another trainee's work beside it), with namespaces ("auto"), forced
through a user namespace as a non-root user would get them ("userns"), and without any ("off": seccomp and the
audit hook alone, as in a container that forbids namespaces). The network test only ever tries the
non-routable 10.255.255.1 with a 1 s timeout. Whole-notebook cases (memory bomb, network attempt, endless loops
graded in a batch) are in test_malformed_submissions.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import platform
import textwrap
from pathlib import Path
from typing import Any

import pytest

from ipt_training.grading.sandbox.kernel import SandboxedKernelManager, probe_sandbox

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(platform.system() != "Linux", reason="the grading sandbox is Linux-only")]

PROBE = r'''
import ctypes, json, os, socket, sys, _socket
result = {}
def attempt(name, action):
    try:
        action()
        result[name] = "allowed"
    except BaseException as exc:
        result[name] = f"{type(exc).__name__}: {exc}"[:300]
def connect():
    socket.create_connection(("10.255.255.1", 80), timeout=1).close()
def raw_connect():  # _socket directly: no audit hook on the way, only the OS can refuse it
    s = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    s.settimeout(1)
    s.connect(("10.255.255.1", 80))
attempt("connect", connect)
attempt("raw_connect", raw_connect)
attempt("read_keys", lambda: open("../../../source/keys/secret.yaml").read())
attempt("read_keys_absolute", lambda: open(COURSE + "/source/keys/secret.yaml").read())
attempt("read_gradebook", lambda: open("../../../gradebook.db", "rb").read())
attempt("read_other_trainee", lambda: open("../../../submitted/other/hw/hw.ipynb").read())
attempt("write_own", lambda: open("answer.txt", "w").write("mine"))
attempt("write_course", lambda: open(COURSE + "/planted.txt", "w").write("x"))
if MODE != "off":  # without namespaces, root could really write there: not tried
    attempt("write_system", lambda: open(os.path.join(sys.prefix, "ipt-planted.txt"), "w").write("x"))
attempt("subprocess", lambda: __import__("subprocess").run(["true"]))
libc = ctypes.CDLL(None, use_errno=True)
result["libc_fork"] = "allowed" if libc.fork() >= 0 else f"refused errno {ctypes.get_errno()}"
# ctypes goes around the audit hook: only the mount namespace stands between this and the keys.
fd = libc.open((COURSE + "/source/keys/secret.yaml").encode(), 0)
result["ctypes_read_keys"] = "allowed" if fd >= 0 else f"refused errno {ctypes.get_errno()}"
attempt("memory", lambda: bytearray(10 ** 10))
attempt("read_block_device", lambda: open(BLOCK, "rb").read(4096))
result["uid"] = os.getuid()
result["dev"] = sorted(os.listdir("/dev"))
result["layers"] = os.environ.get("IPT_GRADING_SANDBOX", "")
print(json.dumps(result))
'''


def _block_device() -> str:
    """A block device of this machine (a disk a root kernel could read raw), or /dev/sda."""
    import stat

    for name in sorted(os.listdir("/dev")):
        with contextlib.suppress(OSError):
            if stat.S_ISBLK(os.stat(f"/dev/{name}").st_mode):
                return f"/dev/{name}"
    return "/dev/sda"


def _course(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    (course / "source" / "keys").mkdir(parents=True)
    (course / "source" / "keys" / "secret.yaml").write_text("correct: b\n")
    (course / "nbgrader_config.py").write_text("c = get_config()\n")
    (course / "gradebook.db").write_bytes(b"SQLite format 3\x00 hidden tests")
    (course / "submitted" / "other" / "hw").mkdir(parents=True)
    (course / "submitted" / "other" / "hw" / "hw.ipynb").write_text("{}")
    own = course / "autograded" / "trainee" / "hw"
    own.mkdir(parents=True)
    return course


async def _run(manager: SandboxedKernelManager, cwd: Path, code: str, timeout: float = 60,
               log: Path | None = None) -> tuple[str, list[str]]:
    """Run ``code`` in a new kernel: what it printed and its errors (the kernel process's own terminal output goes
    to ``log``)."""
    with contextlib.ExitStack() as stack:
        terminal = stack.enter_context(log.open("w")) if log is not None else None
        return await _execute(manager, cwd, code, timeout, terminal)


async def _execute(manager: SandboxedKernelManager, cwd: Path, code: str, timeout: float,
                   terminal: Any) -> tuple[str, list[str]]:
    streams = {"stdout": terminal, "stderr": terminal} if terminal is not None else {}
    await manager.start_kernel(cwd=str(cwd), **streams)
    client = manager.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=60)
        msg_id = client.execute(code)
        out, errors = [], []
        while True:
            msg = await client.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return "".join(out), errors
    finally:
        client.stop_channels()
        await manager.shutdown_kernel(now=True)
        await manager.cleanup_resources()


@pytest.fixture(scope="module", params=["auto", "userns", "off"])
def probe(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    import json

    course = _course(tmp_path_factory.mktemp(f"sandbox-{request.param}"))
    # The grading process fixes the course root (never found from the kernel's folder).
    manager = SandboxedKernelManager(kernel_name="python3", isolate=request.param, course_root=str(course.resolve()))
    code = (f"COURSE = {str(course.resolve())!r}\nMODE = {request.param!r}\nBLOCK = {_block_device()!r}\n"
            + PROBE)
    log = course.parent / "kernel-terminal.txt"
    out, errors = asyncio.run(_run(manager, course / "autograded" / "trainee" / "hw", code, log=log))
    assert not errors, errors
    result = json.loads(out.strip().splitlines()[-1])
    result["mode"] = request.param
    result["course"] = str(course)
    result["terminal"] = log.read_text()
    return result


def _namespaces(probe: dict[str, str]) -> bool:
    return "mountns" in probe["layers"]


def test_the_probe_reports_the_layers_kernels_get() -> None:
    layers = probe_sandbox()
    assert {"rlimits", "seccomp", "audit"} <= set(layers)
    assert "netns" in layers or "seccomp" in layers  # some network guard everywhere
    assert "mountns" not in probe_sandbox(isolate="off")


def test_a_kernel_prints_nothing_on_the_graders_terminal(probe: dict[str, str]) -> None:
    """No ipykernel banner ("Ctrl-C will not work", "To connect another client") once per kernel: a cohort of 200
    printed it hundreds of times."""
    assert "Ctrl-C will not work" not in probe["terminal"] and "--existing" not in probe["terminal"], \
        probe["terminal"]


def test_outbound_network_fails_inside_the_kernel(probe: dict[str, str]) -> None:
    assert probe["connect"].startswith("PermissionError"), probe["connect"]
    assert probe["raw_connect"] != "allowed", probe["raw_connect"]  # refused by seccomp or unreachable in netns


def test_instructor_files_and_other_trainees_work_are_unreadable(probe: dict[str, str]) -> None:
    for attempt in ("read_keys", "read_gradebook", "read_other_trainee"):
        assert probe[attempt].startswith("PermissionError"), (attempt, probe[attempt])
    assert probe["read_keys_absolute"].startswith("PermissionError")
    if _namespaces(probe):  # not even there, so ctypes cannot reach around the audit hook
        assert probe["ctypes_read_keys"] == "refused errno 2"
    else:  # the documented limit without namespaces
        assert probe["ctypes_read_keys"] == "allowed"


def test_the_kernel_writes_only_its_own_folder(probe: dict[str, str]) -> None:
    assert probe["write_own"] == "allowed"
    assert (Path(probe["course"]) / "autograded" / "trainee" / "hw" / "answer.txt").read_text() == "mine"
    if _namespaces(probe):
        assert "Read-only" in probe["write_course"] or probe["write_course"].startswith("PermissionError")
        assert "Read-only" in probe["write_system"]
        assert not (Path(probe["course"]) / "planted.txt").exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="bubblewrap is used when grading runs as root")
def test_as_root_kernels_run_unprivileged_in_bubblewrap_with_no_disks(probe: dict[str, str]) -> None:
    if probe["mode"] != "auto":
        pytest.skip("'userns' and 'off' test the launcher's own layers")
    assert "bwrap" in probe["layers"] and "nodev" in probe["layers"]
    assert probe["uid"] != 0
    assert probe["read_block_device"] != "allowed", probe["read_block_device"]
    assert not [name for name in probe["dev"] if name.startswith(("sd", "vd", "nvme", "xvd", "loop", "dm-"))]


def test_grading_as_root_without_bubblewrap_is_refused_in_plain_words(monkeypatch: pytest.MonkeyPatch) -> None:
    from ipt_training.grading.sandbox.kernel import SandboxUnavailable

    monkeypatch.setenv("PATH", "/nonexistent")
    manager = SandboxedKernelManager(kernel_name="python3", use_bwrap="on")
    with pytest.raises(SandboxUnavailable, match=r"bubblewrap .* is not installed"):
        manager.bwrap_path()


def test_no_other_programs_and_no_fork_even_through_ctypes(probe: dict[str, str]) -> None:
    assert probe["subprocess"].startswith("PermissionError")
    assert probe["libc_fork"].startswith("refused")


def test_memory_is_limited(probe: dict[str, str]) -> None:
    assert probe["memory"].startswith("MemoryError")
    assert "rlimits" in probe["layers"] and "seccomp" in probe["layers"]
    if probe["mode"] == "userns":
        assert "userns" in probe["layers"] or not _namespaces(probe)


def _tree_cpu_seconds(root: int) -> float:
    """CPU seconds (user + system) used so far by process ``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            times[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(times.get(pid, 0.0) for pid in tree)


@pytest.mark.parametrize("isolate", ["auto", "userns"])
def test_the_cpu_limit_stops_a_kernel_that_ignores_interrupts(tmp_path: Path, isolate: str) -> None:
    """What RLIMIT_CPU guarantees, however loaded the machine is: the kernel is stopped by the CPU-time signal
    (SIGXCPU, "CPU time limit exceeded") when it has used its CPU seconds, not before and not at the hard limit
    5 s later. Wall time is only a guard against a hang (load stretches it; CPU seconds do not stretch).
    "userns" is what a grader that is not root gets: there the kernel is PID 1 of its namespace."""
    import signal

    limit = 2
    course = _course(tmp_path)
    manager = SandboxedKernelManager(kernel_name="python3", cpu_limit_seconds=limit, isolate=isolate)
    code = textwrap.dedent("""
        while True:
            try:
                while True:
                    pass
            except KeyboardInterrupt:
                pass
    """)

    async def run() -> tuple[int | None, float]:
        await manager.start_kernel(cwd=str(course / "autograded" / "trainee" / "hw"))
        client = manager.client()
        client.start_channels()
        used = 0.0
        try:
            await client.wait_for_ready(timeout=60)
            client.execute(code)
            loop = asyncio.get_running_loop()
            started = last_interrupt = loop.time()
            while loop.time() - started < 300:  # hang guard only
                await asyncio.sleep(0.1)
                if loop.time() - last_interrupt >= 0.5:
                    await manager.interrupt_kernel()  # ignored by the loop
                    last_interrupt = loop.time()
                if not await manager.is_alive():
                    return manager.provisioner.process.returncode, used
                used = max(used, _tree_cpu_seconds(manager.provisioner.process.pid))
            return None, used
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)
            await manager.cleanup_resources()

    status, used = asyncio.run(run())
    assert status is not None, f"the kernel was still running after 300 s, having used {used:.1f} CPU seconds"
    # Killed by the CPU-time signal: -SIGXCPU for the kernel itself, 128 + SIGXCPU through bubblewrap.
    assert status in (-signal.SIGXCPU, 128 + signal.SIGXCPU), (status, signal.strsignal(abs(status) % 128))
    assert signal.strsignal(signal.SIGXCPU) == "CPU time limit exceeded"
    # Seen last (at most 0.1 s before it stopped) it had used about its CPU seconds, start-up included.
    assert limit - 0.5 <= used < limit + 1, used


def test_seccomp_filter_has_a_rule_for_each_arch() -> None:
    from ipt_training.grading.sandbox import launcher as sandbox

    for machine, (arch, numbers) in sandbox._ARCH.items():
        program = sandbox._seccomp_program(arch, numbers, own_pid=os.getpid())
        assert len(program) % 8 == 0 and 20 < len(program) // 8 < 256, machine
