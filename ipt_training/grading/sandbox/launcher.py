"""Kernel launcher for autograding untrusted notebooks: limits, isolation and a socket guard, then ipykernel.

The autograde kernel manager (:mod:`ipt_training.grading.sandbox.kernel`) starts every grading kernel as::

    python -c BOOTSTRAP /path/to/sandbox.py '<json config>' -- python -m ipykernel_launcher -f conn.json ...

This file is loaded by path (never imported from the submission folder, which is the kernel's working directory
and may hold a fake ``ipt_training`` package) and uses the standard library only. Before the kernel starts it
applies, in order, every layer the machine allows, and records which ones are active in a status file:

``rlimits``   address-space (memory), CPU-time, file-size and core-dump limits (``resource.setrlimit``).
``mountns``   a private mount namespace and a new root (``pivot_root``) that holds only what a Python kernel
              needs, read-only: the OS (``/usr``, ``/etc``...), the interpreter and its site-packages, and the
              ``ipt_training`` package; read-write: the kernel's own ``autograded/<trainee>/<assignment>`` folder,
              its private ipc folder and a private ``/tmp``. The course directory (keys, source notebooks, the
              gradebook, other trainees' work), home directories and ``/run`` do not exist inside.
``readonly``  every mount in that root is read-only except the three writable folders above.
``netns``     a network namespace with no interfaces up: no outbound (or loopback) network at all. The kernel
              talks to the grader over ZeroMQ ``ipc://`` sockets (Unix domain sockets in a private folder).
``pidns``     a PID namespace with its own ``/proc``: the kernel cannot see, signal or trace the grader.
``nocaps``    all capabilities dropped (root included), ``no_new_privs`` set.
``seccomp``   a syscall filter: only ``AF_UNIX`` (and interface-listing ``AF_NETLINK``) sockets, no
              ``fork``/``exec``, no ``ptrace``, no signals to other processes, no mount or namespace calls, no
              io_uring/bpf/perf. Works as root and non-root without
              namespaces, so it is also the network guard where namespaces are unavailable (e.g. Docker).
``audit``     a Python audit hook with plain-language errors for blocked opens, sockets, subprocesses and signals
              (defence in depth: Python code can reach around it with ``ctypes``; the layers above cannot be).

Namespaces need root or unprivileged user namespaces (Debian's default); a layer that cannot be applied is
skipped and reported, never fatal, except that a failure half-way through the mount set-up aborts the kernel.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import platform
import resource
import signal
import struct
import sys
from dataclasses import asdict, dataclass, field

BLOCKED = "blocked by the grading sandbox"
ALL_LAYERS = ("rlimits", "userns", "netns", "pidns", "mountns", "readonly", "nodev", "unprivileged", "nocaps",
              "seccomp", "audit")
BWRAP_LAYERS = ("bwrap", "userns", "netns", "pidns", "mountns", "readonly", "nodev", "unprivileged", "nocaps")
KEYS_ENV = "IPT_COURSE_KEYS"
NO_KEYS = "/nonexistent/ipt-keys-are-not-readable-during-autograde"

# Bootstrap run with ``python -c``: drop the working directory from sys.path, load this file by path, run it.
BOOTSTRAP = (
    "import sys\n"
    "sys.path[:] = [p for p in sys.path if p not in ('', '.')]\n"
    "import importlib.util as u\n"
    "s = u.spec_from_file_location('_ipt_grading_sandbox', sys.argv[1])\n"
    "m = sys.modules[s.name] = u.module_from_spec(s)\n"
    "s.loader.exec_module(m)\n"
    "m.main(sys.argv[2:])\n"
)


@dataclass
class SandboxConfig:
    """Everything the launcher needs; passed to it as JSON on the command line."""

    memory_mb: int = 2048
    cpu_seconds: int = 600
    file_size_mb: int = 256
    isolate: str = "auto"  # "auto": namespaces when possible; "userns": force a user namespace; "off"
    seccomp: bool = True
    course_root: str = ""  # the audit hook refuses paths in it outside ``writable`` and ``readable``
    writable: list[str] = field(default_factory=list)  # the kernel's own folder, the ipc folder
    readable: list[str] = field(default_factory=list)  # put into the new root read-only: the ipt_training package
    hide: list[str] = field(default_factory=list)  # more paths to refuse or cover (a gradebook file, scratch dirs)
    package_root: str = ""  # put first on the kernel's sys.path so it grades with the grader's own package
    status_file: str = ""
    scratch: str = ""  # a private folder for IPython and matplotlib settings when /tmp is shared
    tmp_size_mb: int = 256
    wrapped: str = ""  # "bwrap": already inside bubblewrap (namespaces, uid 65534, no devices); isolate is "off"

    @classmethod
    def from_json(cls, text: str) -> SandboxConfig:
        data = json.loads(text)
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def to_json(self) -> str:
        return json.dumps(asdict(self))


# --------------------------------------------------------------------------------------------------- rlimits


def apply_rlimits(cfg: SandboxConfig) -> list[str]:
    """Memory, CPU, file-size and core limits (0 or less means no limit for that resource)."""
    mb = 1024 * 1024
    limits = [(resource.RLIMIT_CORE, 0, 0)]
    if cfg.memory_mb > 0:
        limits.append((resource.RLIMIT_AS, cfg.memory_mb * mb, cfg.memory_mb * mb))
    if cfg.cpu_seconds > 0:
        limits.append((resource.RLIMIT_CPU, cfg.cpu_seconds, cfg.cpu_seconds + 5))
    if cfg.file_size_mb > 0:
        limits.append((resource.RLIMIT_FSIZE, cfg.file_size_mb * mb, cfg.file_size_mb * mb))
    applied = True
    for which, soft, hard in limits:
        _, old_hard = resource.getrlimit(which)
        if old_hard != resource.RLIM_INFINITY:
            soft, hard = min(soft, old_hard), min(hard, old_hard)
        try:
            resource.setrlimit(which, (soft, hard))
        except (ValueError, OSError):  # e.g. RLIMIT_AS on macOS
            applied = False
    return ["rlimits"] if applied else []


# ------------------------------------------------------------------------------------------------ namespaces

LINUX = sys.platform.startswith("linux")
_libc = ctypes.CDLL(None, use_errno=True)
if LINUX:
    _libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
    _libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
    _libc.syscall.restype = ctypes.c_long

CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x20000, 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT = 1, 2, 4, 8, 32
MS_BIND, MS_REC, MS_PRIVATE = 4096, 16384, 1 << 18
MNT_DETACH = 2
AT_FDCWD, AT_RECURSIVE = -100, 0x8000
MOUNT_ATTR_RDONLY = 1
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_CAPBSET_DROP, PR_SET_SECUREBITS, PR_CAP_AMBIENT = 1, 38, 24, 28, 47


class _MountAttr(ctypes.Structure):
    _fields_ = [("attr_set", ctypes.c_uint64), ("attr_clr", ctypes.c_uint64),
                ("propagation", ctypes.c_uint64), ("userns_fd", ctypes.c_uint64)]


_ARCH = {
    # machine: (audit arch, syscall numbers)
    "x86_64": (0xC000003E, {
        "socket": 41, "socketpair": 53, "clone": 56, "fork": 57, "vfork": 58, "execve": 59, "kill": 62,
        "ptrace": 101, "capset": 126, "chroot": 161, "mount": 165, "umount2": 166, "pivot_root": 155,
        "tkill": 200, "tgkill": 234, "add_key": 248, "request_key": 249, "keyctl": 250, "unshare": 272,
        "perf_event_open": 298, "setns": 308, "process_vm_readv": 310, "process_vm_writev": 311, "bpf": 321,
        "execveat": 322, "userfaultfd": 323, "pidfd_send_signal": 424, "io_uring_setup": 425,
        "io_uring_enter": 426, "io_uring_register": 427, "open_tree": 428, "move_mount": 429, "fsopen": 430,
        "fsconfig": 431, "fsmount": 432, "fspick": 433, "pidfd_open": 434, "clone3": 435, "mount_setattr": 442,
    }),
    "aarch64": (0xC00000B7, {
        "socket": 198, "socketpair": 199, "clone": 220, "execve": 221, "kill": 129, "ptrace": 117,
        "capset": 91, "chroot": 51, "mount": 40, "umount2": 39, "pivot_root": 41, "tkill": 130, "tgkill": 131,
        "add_key": 217, "request_key": 218, "keyctl": 219, "unshare": 97, "perf_event_open": 241, "setns": 268,
        "process_vm_readv": 270, "process_vm_writev": 271, "bpf": 280, "execveat": 281, "userfaultfd": 282,
        "pidfd_send_signal": 424, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
        "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
        "pidfd_open": 434, "clone3": 435, "mount_setattr": 442,
    }),
}


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    def enc(text: str | None) -> bytes | None:
        return None if text is None else text.encode()

    _check(_libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)), f"mount {target}")


def _write(path: str, text: str) -> None:
    with open(path, "w") as handle:
        handle.write(text)


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _enter_namespaces(cfg: SandboxConfig) -> list[str]:
    """unshare(); as non-root (or when forced) inside a new user namespace mapping our own ids."""
    uid, gid = os.geteuid(), os.getegid()
    use_userns = cfg.isolate == "userns" or uid != 0
    flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | (CLONE_NEWUSER if use_userns else 0)
    _check(_libc.unshare(flags), "unshare")
    if use_userns:
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1")
        _write("/proc/self/gid_map", f"{gid} {gid} 1")
    return ["userns"] if use_userns else []


def _cpu_limit_reached(signum: int, frame: object) -> None:
    """PID 1 of a namespace ignores signals it has no handler for, the CPU limit's SIGXCPU included: without this
    the kernel would run on to the hard limit. Exit as a shell reports a signal (128 + SIGXCPU), as under
    bubblewrap, where the kernel is not PID 1. (Code in C that never returns to Python meets the hard limit.)"""
    os._exit(128 + signal.SIGXCPU)


def _fork_into_pid_namespace() -> None:
    """The first child is PID 1 of the new namespace; this process waits for it and exits the same way."""
    child = os.fork()
    if child == 0:
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # never outlive the launcher
        signal.signal(signal.SIGXCPU, _cpu_limit_reached)
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts reach the kernel through the process group
    while True:
        try:
            _, status = os.waitpid(child, 0)
            break
        except InterruptedError:
            continue
    if os.WIFSIGNALED(status):
        if os.WTERMSIG(status) not in (signal.SIGKILL, signal.SIGSTOP):  # these cannot be given a handler
            signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
        os.kill(os.getpid(), os.WTERMSIG(status))  # die the same way, so the grader sees a SIGKILL as one
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


def _setattr(nr: int, path: str, attr: _MountAttr, flags: int) -> None:
    result = _libc.syscall(nr, AT_FDCWD, path.encode(), flags, ctypes.byref(attr), ctypes.sizeof(attr))
    _check(0 if result == 0 else -1, f"mount_setattr {path}")


def _system_paths(cfg: SandboxConfig) -> list[str]:
    """What a Python kernel needs to read: the OS, this interpreter and its packages, and ``cfg.readable``."""
    import site

    paths = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/dev", "/sys",
             sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages(), *cfg.readable]
    if site.ENABLE_USER_SITE and site.USER_SITE:
        paths.append(site.USER_SITE)
    return [p for p in dict.fromkeys(os.path.abspath(p) for p in paths) if os.path.lexists(p)]


def _bind_into(root: str, path: str, fd: int, recursive: bool) -> None:
    target = root + path
    if os.path.isdir(f"/proc/self/fd/{fd}"):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "a").close()
    _mount(f"/proc/self/fd/{fd}", target, None, MS_BIND | (MS_REC if recursive else 0))


def _setup_root(cfg: SandboxConfig, nr: dict[str, int]) -> list[str]:
    """A new root holding only what the kernel needs (deny by default), then pivot_root into it.

    Read-only: the OS, the interpreter, site-packages and the ``ipt_training`` package. Read-write: the kernel's
    own ``autograded/<trainee>/<assignment>`` folder, its private ipc folder and a private ``/tmp``. Nothing else
    exists inside: no course directory (keys, source notebooks, gradebook, other trainees' work), no home
    directories, no other checkouts, no ``/run`` sockets.
    """
    layers = []
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    root = os.path.join(cfg.scratch, "root")
    os.makedirs(root, exist_ok=True)
    _mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=755")
    os.makedirs(root + "/tmp")
    _mount("tmpfs", root + "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"size={cfg.tmp_size_mb}m,mode=1777")
    wanted = _system_paths(cfg)
    system = [p for p in wanted if not any(_under(p, q) for q in wanted if q != p)]
    writable = [os.path.realpath(p) for p in cfg.writable if os.path.isdir(p)]
    for path in sorted(system, key=len):
        if os.path.islink(path) and os.path.dirname(path) == "/":
            os.symlink(os.readlink(path), root + path)  # /bin -> usr/bin on merged-/usr systems
            continue
        fd = os.open(path, os.O_PATH)
        try:
            _bind_into(root, path, fd, recursive=True)
        finally:
            os.close(fd)
    for path in sorted(writable, key=len):
        fd = os.open(path, os.O_PATH)
        try:
            _bind_into(root, path, fd, recursive=False)
        finally:
            os.close(fd)
    os.makedirs(root + "/proc", exist_ok=True)
    try:
        _mount("proc", root + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        layers.append("pidns")
    except OSError:
        pass  # a masked /proc (some containers) cannot be mounted again; signals stay confined to the namespace
    for path in ("/etc/shadow", "/etc/gshadow", *cfg.hide):
        target = root + os.path.abspath(path)
        if os.path.isfile(target):
            _mount("/dev/null", target, None, MS_BIND)
        elif os.path.isdir(target):
            _mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV | MS_RDONLY, "size=4k,mode=000")
    os.chdir(root)
    _check(_libc.syscall(nr["pivot_root"], b".", b"."), "pivot_root")
    _check(_libc.umount2(b".", MNT_DETACH), "detach the old root")
    os.chdir("/")
    layers.append("mountns")
    ro, rw = _MountAttr(MOUNT_ATTR_RDONLY, 0, 0, 0), _MountAttr(0, MOUNT_ATTR_RDONLY, 0, 0)
    try:
        _setattr(nr["mount_setattr"], "/", ro, AT_RECURSIVE)
    except OSError:
        return layers  # Linux older than 5.12: no recursive read-only (everything else still applies)
    for path in ("/tmp", *writable):
        _setattr(nr["mount_setattr"], path, rw, 0)
    layers.append("readonly")
    return layers


def isolate(cfg: SandboxConfig) -> list[str]:
    """Namespaces and mounts; returns the active layers, or [] when the machine does not allow them."""
    if cfg.isolate == "off" or not LINUX:
        return []
    nr = _ARCH.get(platform.machine(), (0, None))[1]
    if nr is None or not cfg.scratch:
        return []
    cwd = os.getcwd()
    try:
        layers = _enter_namespaces(cfg)
    except OSError:
        return []  # no privilege for namespaces here (e.g. Docker's default profile): other layers still apply
    layers.append("netns")
    _fork_into_pid_namespace()
    try:
        layers += _setup_root(cfg, nr)
        os.chdir(cwd)  # the kernel's folder as put back inside the new view
    except OSError as exc:
        # Never run trainee code with a half-built view of the course directory.
        sys.stderr.write(f"grading sandbox: mount set-up failed ({exc}); refusing to start the kernel\n")
        os._exit(70)
    return layers


def drop_capabilities() -> list[str]:
    """Drop every capability (bounding, ambient, effective, permitted, inheritable) and lock root's privileges."""
    machine = _ARCH.get(platform.machine())
    if machine is None or not LINUX:
        return []
    try:
        with open("/proc/sys/kernel/cap_last_cap") as handle:
            last = int(handle.read())
    except (OSError, ValueError):
        last = 40
    _libc.prctl(PR_SET_SECUREBITS, 0x2F, 0, 0, 0)  # NOROOT, NO_SETUID_FIXUP, KEEP_CAPS, all locked
    for cap in range(last + 1):
        _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
    _libc.prctl(PR_CAP_AMBIENT, 4, 0, 0, 0)  # PR_CAP_AMBIENT_CLEAR_ALL
    header = struct.pack("Ii", 0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = ctypes.create_string_buffer(24)
    if _libc.syscall(machine[1]["capset"], ctypes.c_char_p(header), data) != 0:
        return []
    return ["nocaps"]


# -------------------------------------------------------------------------------------------------- seccomp

_AF_UNIX, _AF_NETLINK = 1, 16
_EPERM, _EACCES, _ENOSYS = 1, 13, 38


def _seccomp_program(audit_arch: int, nr: dict[str, int], own_pid: int) -> bytes:
    """A classic-BPF seccomp filter (see the module docstring for what it refuses)."""
    ld, jeq, jset, ret = 0x20, 0x15, 0x45, 0x06
    allow, kill_proc = 0x7FFF0000, 0x80000000
    deny = 0x00050000 | _EPERM
    enosys = 0x00050000 | _ENOSYS
    eacces = 0x00050000 | _EACCES
    prog: list[tuple[int, int, int, int]] = []

    def emit(code: int, jt: int, jf: int, k: int) -> None:
        prog.append((code, jt, jf, k))

    emit(ld, 0, 0, 4)  # seccomp_data.arch
    emit(jeq, 1, 0, audit_arch)
    emit(ret, 0, 0, kill_proc)  # another ABI (e.g. 32-bit int 0x80 calls) is never legitimate here
    emit(ld, 0, 0, 0)  # seccomp_data.nr
    if audit_arch == 0xC000003E:
        emit(0x35, 0, 1, 0x40000000)  # jge: x32 ABI
        emit(ret, 0, 0, deny)
    refused = ["fork", "vfork", "execve", "execveat", "ptrace", "process_vm_readv", "process_vm_writev", "tkill",
               "pidfd_open", "pidfd_send_signal", "mount", "umount2", "pivot_root", "chroot", "unshare", "setns",
               "mount_setattr", "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick",
               "io_uring_setup", "io_uring_enter", "io_uring_register", "bpf", "perf_event_open", "userfaultfd",
               "add_key", "request_key", "keyctl"]
    for name in refused:
        if name in nr:
            emit(jeq, 0, 1, nr[name])
            emit(ret, 0, 0, deny)
    emit(jeq, 0, 1, nr["clone3"])
    emit(ret, 0, 0, enosys)  # glibc then falls back to clone(), whose flags can be inspected
    # clone(): threads only (CLONE_THREAD set); a new process is refused.
    emit(jeq, 0, 4, nr["clone"])
    emit(ld, 0, 0, 16)
    emit(jset, 1, 0, 0x10000)
    emit(ret, 0, 0, deny)
    emit(ret, 0, 0, allow)
    # socket() and socketpair(): AF_UNIX, and AF_NETLINK (libzmq lists interfaces with it; it sends nothing out).
    for name in ("socket", "socketpair"):
        emit(jeq, 0, 5, nr[name])
        emit(ld, 0, 0, 16)
        emit(jeq, 2, 0, _AF_UNIX)
        emit(jeq, 1, 0, _AF_NETLINK)
        emit(ret, 0, 0, eacces)
        emit(ret, 0, 0, allow)
    # kill(pid, sig) and tgkill(tgid, tid, sig): only this process (or its own process group via pid 0).
    emit(jeq, 0, 5, nr["kill"])
    emit(ld, 0, 0, 16)
    emit(jeq, 2, 0, own_pid)
    emit(jeq, 1, 0, 0)
    emit(ret, 0, 0, deny)
    emit(ret, 0, 0, allow)
    emit(jeq, 0, 4, nr["tgkill"])
    emit(ld, 0, 0, 16)
    emit(jeq, 1, 0, own_pid)
    emit(ret, 0, 0, deny)
    emit(ret, 0, 0, allow)
    emit(ret, 0, 0, allow)
    return b"".join(struct.pack("HBBI", *ins) for ins in prog)


def install_seccomp() -> list[str]:
    machine = _ARCH.get(platform.machine())
    if machine is None or not LINUX:
        return []
    program = _seccomp_program(machine[0], machine[1], os.getpid())
    buffer = ctypes.create_string_buffer(program)

    class _Prog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = _Prog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return []
    if _libc.prctl(22, 2, ctypes.byref(prog), 0, 0) != 0:  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER
        return []
    return ["seccomp"]


# ---------------------------------------------------------------------------------------------- audit hook


def install_audit_hook(cfg: SandboxConfig) -> list[str]:
    """Plain-language PermissionErrors for what the kernel must not do (defence in depth, see module doc)."""
    import socket

    course = os.path.realpath(cfg.course_root) if cfg.course_root else ""
    allowed = tuple(os.path.realpath(p) for p in (*cfg.writable, *cfg.readable))
    hidden = tuple(os.path.realpath(p) for p in cfg.hide)
    own_pid = os.getpid()
    spawn_events = frozenset({"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                              "os.forkpty", "pty.spawn", "os.startfile"})
    dns_events = frozenset({"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                            "socket.getnameinfo"})
    socket_events = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"})

    def forbidden(path: object) -> bool:
        if isinstance(path, int):
            return False
        try:
            real = os.path.realpath(os.fsdecode(path))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
        if any(_under(real, h) for h in hidden):
            return True
        return bool(course) and _under(real, course) and not any(_under(real, a) for a in allowed)

    def hook(event: str, args: tuple) -> None:
        if event == "open" or event == "sqlite3.connect":
            if args and forbidden(args[0]):
                raise PermissionError(f"{BLOCKED}: instructor and other trainees' files cannot be read "
                                      f"during autograde ({os.fsdecode(args[0])!s})")
        elif event in socket_events:
            sock = args[0] if args else None
            if getattr(sock, "family", None) != socket.AF_UNIX:
                raise PermissionError(f"{BLOCKED}: no network access during autograde")
        elif event in dns_events:
            raise PermissionError(f"{BLOCKED}: no network access during autograde")
        elif event in spawn_events:
            raise PermissionError(f"{BLOCKED}: starting other programs is not allowed during autograde")
        elif event in ("os.kill", "os.killpg") and args and args[0] not in (own_pid, 0):
            raise PermissionError(f"{BLOCKED}: signals to other processes are not allowed")
        elif event in ("os.symlink", "os.link"):
            raise PermissionError(f"{BLOCKED}: links are not allowed during autograde")

    sys.addaudithook(hook)
    return ["audit"]


# ---------------------------------------------------------------------------------------------------- main


def _write_status(cfg: SandboxConfig, layers: list[str]) -> None:
    if cfg.status_file:
        with contextlib.suppress(OSError):
            _write(cfg.status_file, json.dumps({"layers": layers, "pid": os.getpid()}))


def prepare(cfg: SandboxConfig) -> list[str]:
    """Apply every layer this machine allows, in order; returns the active layers."""
    layers = apply_rlimits(cfg)
    if cfg.wrapped == "bwrap":
        layers += list(BWRAP_LAYERS)
    layers += isolate(cfg)
    if os.geteuid() == 0 or "userns" in layers:
        layers += drop_capabilities()
    if cfg.seccomp:
        layers += install_seccomp()
    layers = list(dict.fromkeys(layers))
    os.environ[KEYS_ENV] = NO_KEYS
    os.environ["IPT_GRADING_SANDBOX"] = ",".join(layers)
    for var, sub in (("IPYTHONDIR", "ipython"), ("MPLCONFIGDIR", "matplotlib")):
        os.environ[var] = os.path.join("/tmp" if "mountns" in layers else cfg.scratch or "/tmp", f".ipt-{sub}")
    if cfg.wrapped:
        os.environ["HOME"] = "/tmp"
        # bubblewrap is pid 1 of the kernel's namespace, which ipykernel's parent poller takes for "parent gone";
        # bubblewrap's --die-with-parent stops the kernel when the grader goes instead. ipykernel starts no poller
        # for a parent of pid 1 ("init never goes away"); without a parent at all it would print its "Ctrl-C will
        # not work" banner, once per kernel.
        os.environ["JPY_PARENT_PID"] = "1"
    return layers


def main(argv: list[str]) -> None:
    """``main([config_json, "--", *kernel_cmd])``: prepare the sandbox, then run the kernel command."""
    cfg = SandboxConfig.from_json(argv[0])
    cmd = argv[argv.index("--") + 1:]
    layers = prepare(cfg)
    in_process = len(cmd) >= 3 and cmd[1] == "-m" and os.path.realpath(cmd[0]) == os.path.realpath(sys.executable)
    if not in_process:
        _write_status(cfg, layers)
        os.execv(cmd[0], cmd)  # a non-Python kernel: the OS-level layers above still apply
    layers += install_audit_hook(cfg)
    _write_status(cfg, layers)
    cwd = os.getcwd()
    sys.path[:] = [cwd, *([cfg.package_root] if cfg.package_root else []), *sys.path]
    sys.argv = [cmd[2], *cmd[3:]]
    sys.modules.pop("_ipt_grading_sandbox", None)
    import runpy
    import warnings

    # ipykernel's pipe for forked subprocesses needs a TCP socket; there are no subprocesses here.
    warnings.filterwarnings("ignore", message="Couldn't bind IOPub Pipe")

    runpy.run_module(cmd[2], run_name="__main__", alter_sys=True)
