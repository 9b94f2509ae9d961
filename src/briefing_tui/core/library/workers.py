"""Parsing in worker processes that can be killed: a file that takes too long becomes a problem, never a stall.

The workers are plain child processes (`python -m briefing_tui.core.library.workers`) that read entries from
a pipe and write back what `load_entry` made of them (or what the caller's `Shape` made of that: the index's
rows). There is no multiprocessing here: its resource tracker and semaphores break under Textual, which replaces
`sys.stderr` with an object whose `fileno()` is -1 (`ValueError: bad value(s) in fds_to_keep`), and they leave
files in /dev/shm. The parent watches each worker's CPU time; one that spends more than the budget on one file is
killed, the file becomes a Problem, and a new worker takes the rest. When no worker can start, files are parsed in
the calling process instead.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import selectors
import signal
import struct
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

import briefing_tui
from briefing_tui.core.library.scan import Entry, load_entry, path_text
from briefing_tui.core.model import Article, Problem
from briefing_tui.core.reading.safe import DEFAULT_MAX_BYTES
from briefing_tui.core.versions import DEFAULT_BUDGET

_MB = 1024 * 1024


def allowance(path: str, budget: float) -> float:
    """The CPU seconds a file may take: `budget`, or `budget` per megabyte of a larger file."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return budget
    return budget * max(1.0, size / _MB)


PARALLEL_FROM = 400
"""Fewer files than this parse in the calling process: starting a pool costs more than it saves."""


def index_workers() -> int:
    """Parse workers for an index refresh: one per core and one more. The storing process, the pump thread and
    the workers share the cores, and a worker waiting for its next files left a core idle: a cold index of
    10,000 generated articles on 2 cores took 5.6-6.0 s with 2 workers, 4.8-5.1 s with 3, 5.0 s with 4."""
    return (os.cpu_count() or 1) + 1


AHEAD = 64
"""Files sent to a worker before its first result comes back, so that it never waits on the parent. With 16 (topped
up at 8 left) the workers of a cold index waited for the pump: the cores stood a fifth idle, and 100,000 generated
articles took 55 s against 44.6 s with 64 (10,000: 5.4 s against 4.2 s; 128 and 256 no better)."""
GATHER = 0.005
"""Seconds the parent lets answers gather between two reads during a large parse: waking once per file
costs the parent (and the workers, on the same cores) about a fifth of a cold index's time."""
_HEADER = struct.Struct("!I")
_SEQ = struct.Struct("!I")
"""An answer's payload starts with its file's place in the order, so the parent can file it unread:
unpickling is left to the thread that uses the result (see `ParsePool._pump`)."""
_READY = b"ready"
_PIPE_SIZE = 1 << 16
"""Bytes read from a worker at once: what a pipe holds (Linux). Asking for a megabyte made the parent allocate
one (and give most of it back) on every read, three times the cost of the reading itself."""


Shape = Callable[[Article], Any]
"""What is made of each Article where it was parsed, and given instead of it (a Problem is given as it is): the
index asks for its rows, so a worker builds them and sends less than the Article, and the process storing them
builds nothing. A module-level function: it is sent to a worker by name (pickle)."""


@dataclass(frozen=True)
class Task:
    """One file to parse: its place in the caller's order, and how."""

    seq: int
    entry: Entry
    max_bytes: int
    head: int | None = None
    shape: Shape | None = None

    def sent(self) -> tuple[Any, ...]:
        """The task as a worker is sent it: plain tuples pickle several times faster than a dataclass."""
        return (self.seq, *self.entry, self.max_bytes, self.head, self.shape)


Answer = Any
"""A file's result (an Article, a Problem or what a Shape made), or its pickle from a worker (bytes, unpickled
by whoever takes it)."""


def answer_for(entry: Entry, max_bytes: int, head: int | None, shape: Shape | None) -> Any:
    """What a file is answered with: its Problem, or its Article as `shape` makes it (itself without one)."""
    result = load_entry(entry, max_bytes, head=head)
    return shape(result) if shape is not None and isinstance(result, Article) else result


def too_long(entry: Entry, budget: float) -> Problem:
    """The problem a file becomes when its parse is stopped."""
    return Problem(path_text(entry.id), path_text(entry.path),
                   f"took too long to read (over {budget:.3g} s of CPU); skipped")


class _OverBudget(BaseException):
    """Raised by the CPU timer's signal inside a parse that ran out of budget (not an Exception, so no
    `except Exception` in a parser can swallow it)."""


def _over_budget(_signum: int, _frame: object) -> None:
    raise _OverBudget


def parse_here(entry: Entry, max_bytes: int = DEFAULT_MAX_BYTES, budget: float = DEFAULT_BUDGET,
               head: int | None = None, shape: Shape | None = None) -> Any:
    """Parse one file in this process, stopped after `budget` seconds of CPU when that can be enforced.

    On the main thread of a POSIX process a CPU timer (ITIMER_PROF) interrupts the parse: Python
    checks signals between bytecodes and inside long regular-expression matches. Elsewhere (a thread)
    the parse is not bounded; the reader therefore parses all but small files in worker processes
    (`ParsePool`).
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return answer_for(entry, max_bytes, head, shape)
    budget = allowance(entry.path, budget)
    previous = signal.signal(signal.SIGPROF, _over_budget)
    try:
        signal.setitimer(signal.ITIMER_PROF, budget)
        try:
            return answer_for(entry, max_bytes, head, shape)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
    except _OverBudget:
        return too_long(entry, budget)
    finally:
        signal.signal(signal.SIGPROF, previous)


def parse_all(entries: Sequence[Entry], max_bytes: int = DEFAULT_MAX_BYTES, budget: float = DEFAULT_BUDGET,
              workers: int = 1, pool: ParsePool | None = None,
              shape: Shape | None = None) -> Generator[Any, None, None]:
    """Each entry's Article (as `shape` makes it) or Problem, in order, each within the CPU budget: in `pool`
    when given; else in a pool of `workers` processes made for this call when there are PARALLEL_FROM entries or
    more (closed with the iterator); else here, under `parse_here`'s timer."""
    if pool is not None:
        yield from pool.parse(entries, max_bytes, shape=shape)
    elif workers > 1 and len(entries) >= PARALLEL_FROM:
        with ParsePool(workers, budget) as own:
            yield from own.parse(entries, max_bytes, shape=shape)
    else:
        for entry in entries:
            yield parse_here(entry, max_bytes, budget, shape=shape)


# --- the child ------------------------------------------------------------------------------------------


def _read_exactly(fd: int, n: int) -> bytes | None:
    chunks: list[bytes] = []
    while n:
        chunk = os.read(fd, n)
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _write_frame(fd: int, payload: bytes) -> None:
    data = _HEADER.pack(len(payload)) + payload
    while data:
        data = data[os.write(fd, data):]


def serve(read_fd: int = 0, write_fd: int = 1) -> None:
    """The worker's loop: read a list of tasks (`Task.sent`), parse each and write (seq, answer); until the
    parent closes the pipe."""
    write_fd = os.dup(write_fd)  # the answers' own channel: a stray print() can never corrupt it
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    _write_frame(write_fd, _READY)
    while True:
        header = _read_exactly(read_fd, _HEADER.size)
        if header is None:
            return
        payload = _read_exactly(read_fd, _HEADER.unpack(header)[0])
        if payload is None:
            return
        tasks: list[tuple[Any, ...]] = pickle.loads(payload)  # from our own parent, over a pipe only it holds
        for seq, root, path, ident, max_bytes, head, shape in tasks:
            # Each answered as soon as it is parsed: the parent times them one by one.
            result = answer_for(Entry(root, path, ident), max_bytes, head, shape)
            _write_frame(write_fd, _SEQ.pack(seq) + pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


# --- the parent -----------------------------------------------------------------------------------------


def _cpu_seconds(pid: int) -> float | None:
    """A process's user and system CPU time from /proc (None where there is no /proc)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / _TICKS


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


class _Process(Protocol):
    """A worker process: a spawned interpreter (`subprocess.Popen`) or a forked child (`_Forked`)."""

    pid: int
    stdin: IO[bytes] | None
    stdout: IO[bytes] | None

    def kill(self) -> None: ...

    def wait(self, timeout: float | None = None) -> int: ...


@dataclass
class _Worker:
    proc: _Process
    pending: deque[Task] = field(default_factory=deque)
    buffer: bytearray = field(default_factory=bytearray)
    started_wall: float = 0.0
    started_cpu: float | None = None
    allowed: float = 0.0

    def begin_next(self) -> None:
        """The oldest pending task starts being timed now."""
        self.started_wall = time.monotonic()
        self.started_cpu = None
        self.allowed = 0.0

    def over_budget(self, budget: float) -> bool:
        """True when the file being parsed has used more than `budget` seconds of CPU.

        The CPU clock is read only once a file has run for a while (/proc costs a system call, and
        almost every file is done in milliseconds): the budget is then counted from that moment,
        so a file is stopped a little late, never early.
        """
        if not self.pending:
            return False
        elapsed = time.monotonic() - self.started_wall
        if elapsed < min(0.5, budget):
            return False
        cpu = _cpu_seconds(self.proc.pid)
        if not self.allowed:
            self.allowed = allowance(self.pending[0].entry.path, budget)
        if cpu is None:
            return elapsed > self.allowed  # no CPU clock here: the wall clock is the budget
        if self.started_cpu is None:
            self.started_cpu = cpu
        return cpu - self.started_cpu > self.allowed or elapsed > max(60.0, 12 * self.allowed)


class ParsePool:
    """Up to `workers` parse processes, started when first needed and kept until `close()`.

    Calls to `parse()` from several threads take turns (each holds the pool until its generator is
    exhausted or closed); `close()` may come from any thread at any moment (the reader's `q`): it
    kills the workers, and a `parse()` under way returns what it has.
    """

    def __init__(self, workers: int = 1, budget: float = DEFAULT_BUDGET, start: str = "auto") -> None:
        self.size = max(1, workers)
        self.budget = budget
        self.start = start
        """"auto": fork when the caller has one thread, else start an interpreter ("spawn": always)."""
        self.in_process = False
        """True once workers could not start: files are then parsed in this process, unbounded."""
        self._workers: list[_Worker] = []
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._starting = threading.Lock()
        self._turn = threading.Lock()
        """Held by the `parse()` under way: two parses sharing workers would take each other's answers."""

    def parse(self, entries: Sequence[Entry], max_bytes: int = DEFAULT_MAX_BYTES,
              head: int | None = None, shape: Shape | None = None) -> Iterator[Any]:
        """Each entry's Article (as `shape` makes it) or Problem, in the order given, as each becomes available."""
        if not entries or self._closed.is_set():
            return
        with self._turn:
            yield from self._parse(entries, max_bytes, head, shape)

    def _parse(self, entries: Sequence[Entry], max_bytes: int, head: int | None,
               shape: Shape | None) -> Iterator[Any]:
        tasks = deque(Task(i, e, max_bytes, head, shape) for i, e in enumerate(entries))
        if not self.in_process and not self._start(min(self.size, len(tasks))):
            self.in_process = True
        if self.in_process:
            for task in tasks:
                if self._closed.is_set():
                    return
                yield answer_for(task.entry, task.max_bytes, task.head, task.shape)
            return
        # A thread of its own reads the workers' answers, so that they keep parsing while the caller is busy
        # with what it was given (storing a batch in the index): a full pipe would make them wait.
        done: dict[int, Answer] = {}
        ready = threading.Condition()
        stop = threading.Event()
        failed: list[BaseException] = []
        pump = threading.Thread(target=self._pump, args=(tasks, len(entries), done, ready, stop, failed),
                                name="briefing-parse-pump", daemon=True)
        pump.start()
        try:
            taken: deque[Answer] = deque()
            for next_out in range(len(entries)):
                if not taken:
                    with ready:  # the answers in by now that come next in order, taken at once: a lock each cost more
                        while next_out not in done and pump.is_alive():
                            ready.wait(0.2)
                        seq = next_out
                        while seq in done:
                            taken.append(done.pop(seq))
                            seq += 1
                if not taken:  # the pump ended first: closed, or it failed
                    if failed and not self._closed.is_set():
                        raise failed[0]
                    return
                answer = taken.popleft()
                yield pickle.loads(answer) if isinstance(answer, bytes) else answer  # from our own child
        finally:
            stop.set()
            pump.join()
            for w in [w for w in self._workers if w.pending]:  # stopped early: their answers would come late
                self._discard(w)

    def _pump(self, tasks: deque[Task], total: int, done: dict[int, Answer],
              ready: threading.Condition, stop: threading.Event, failed: list[BaseException]) -> None:
        """Feed the workers and collect their answers into `done` until all `total` are in."""
        got: dict[int, Answer] = {}
        received = 0
        selector = selectors.DefaultSelector()
        try:
            for w in self._workers:
                selector.register(w.proc.stdout, selectors.EVENT_READ, w)  # type: ignore[arg-type]
            gather = GATHER if total > 4 * AHEAD else 0.0  # one file (the article opened) is answered at once
            while received < total and not stop.is_set() and not self._closed.is_set():
                if gather:
                    time.sleep(gather)
                self._step(tasks, got, selector)
                if got:
                    received += len(got)
                    with ready:
                        done.update(got)
                        ready.notify()
                    got = {}
        except (OSError, ValueError) as exc:
            if not self._closed.is_set():  # else closed from another thread: its pipes are gone
                failed.append(exc)
        except BaseException as exc:
            failed.append(exc)
        finally:
            selector.close()
            with ready:
                ready.notify()

    def _step(self, tasks: deque[Task], done: dict[int, Answer],
              selector: selectors.BaseSelector) -> None:
        """Send work, take in results, stop a worker that is over its budget."""
        self._feed(tasks)
        for key, _ in selector.select(timeout=0.2):
            worker: _Worker = key.data
            if not self._receive(worker, done):
                selector.unregister(key.fileobj)
                self._replace(worker, tasks, done, selector)
        for worker in list(self._workers):
            if worker.over_budget(self.budget):
                selector.unregister(worker.proc.stdout)  # type: ignore[arg-type]
                killed = worker.pending.popleft()
                done[killed.seq] = too_long(killed.entry, worker.allowed or self.budget)
                self._replace(worker, tasks, done, selector)

    def close(self) -> None:
        """Kill every worker now; later `parse()` calls return nothing."""
        self._closed.set()
        with self._lock:
            workers, self._workers = self._workers, []
        for w in workers:
            _kill(w.proc)

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- inside parse() ---------------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Start the workers now, in the background, so that the first parse does not wait for them."""
        threading.Thread(target=self._start, args=(self.size,), name="briefing-parse-warm-up", daemon=True).start()

    def _start(self, count: int) -> bool:
        with self._starting:  # warm_up() and parse() may both be starting workers
            return self._start_locked(count)

    def _start_locked(self, count: int) -> bool:
        while len(self._workers) < count:
            worker = _spawn(self.start)
            if worker is None:
                return bool(self._workers)
            with self._lock:
                if self._closed.is_set():
                    _kill(worker.proc)
                    return False
                self._workers.append(worker)
        return True

    def _feed(self, tasks: deque[Task]) -> None:
        """Top each worker up to AHEAD files once it has half of them left, sent in one frame (one pickle and one
        write per refill): topped up after every answer, it was sent one file a frame, and the parent's share of a
        cold index's pickling and writing was twice as much."""
        for w in self._workers:
            if len(w.pending) > AHEAD // 2:
                continue
            sent = [tasks.popleft() for _ in range(min(len(tasks), AHEAD - len(w.pending)))]
            if not sent:
                continue
            if not w.pending:
                w.begin_next()
            w.pending.extend(sent)
            try:
                assert w.proc.stdin is not None
                _write_frame(w.proc.stdin.fileno(), pickle.dumps([t.sent() for t in sent],
                                                                 protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:
                pass  # it died: the read side notices and hands its tasks on

    def _receive(self, worker: _Worker, done: dict[int, Answer]) -> bool:
        """Read what the worker wrote; False when it has gone."""
        assert worker.proc.stdout is not None
        try:
            chunk = os.read(worker.proc.stdout.fileno(), _PIPE_SIZE)
        except OSError:
            chunk = b""
        if not chunk:
            return False
        worker.buffer += chunk
        while len(worker.buffer) >= _HEADER.size:
            size = _HEADER.unpack_from(worker.buffer)[0]
            if len(worker.buffer) < _HEADER.size + size:
                break
            payload = bytes(worker.buffer[_HEADER.size:_HEADER.size + size])
            del worker.buffer[:_HEADER.size + size]
            seq = _SEQ.unpack_from(payload)[0]
            result = payload[_SEQ.size:]  # unpickled by the consumer: this thread only files it
            if worker.pending and worker.pending[0].seq == seq:
                worker.pending.popleft()
                worker.begin_next()
            done[seq] = result
        return True

    def _discard(self, worker: _Worker) -> None:
        _kill(worker.proc)
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)

    def _replace(self, worker: _Worker, tasks: deque[Task], done: dict[int, Answer],
                 selector: selectors.BaseSelector) -> None:
        """A worker killed or dead: its unfinished files go back to the front of the queue, a new one starts."""
        self._discard(worker)
        tasks.extendleft(reversed([t for t in worker.pending if t.seq not in done]))
        if self._closed.is_set():
            return
        fresh = _spawn(self.start)
        if fresh is None and not self._workers:
            while tasks:  # no worker will start again: finish here
                task = tasks.popleft()
                done[task.seq] = answer_for(task.entry, task.max_bytes, task.head, task.shape)
            return
        if fresh is not None:
            with self._lock:
                self._workers.append(fresh)
            selector.register(fresh.proc.stdout, selectors.EVENT_READ, fresh)  # type: ignore[arg-type]


def interpreter(module: str, *args: str) -> list[str]:
    """The command that runs one of our modules in a fresh interpreter. -P: the working folder is not put on the
    import path (a `briefing_tui` folder there is never imported); the process still runs in it, where the
    caller's relative library paths lead."""
    return [sys.executable, "-P", "-m", module, *args]


def interpreter_env() -> dict[str, str]:
    """This process's environment, with this package's folder first on the import path (as `-P` leaves it off)."""
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(briefing_tui.__file__)))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    return env


def _spawn(start: str = "auto") -> _Worker | None:
    """Start one worker and wait for its first word; None when it cannot start.

    A caller with one thread (the command line) forks: the child has everything imported already, so
    it starts in a millisecond instead of a third of a second of CPU. With more threads (the reader,
    or the pool's own pump replacing a worker) a fork could copy a lock another thread holds, so the
    process's fork server (`forkserver`, one thread, parsers imported) forks it; a fresh interpreter is
    started only when there is no server. `start` = "spawn" always starts an interpreter.
    """
    if start != "spawn" and hasattr(os, "fork"):
        if threading.active_count() == 1:
            child: _Process | None = _fork()
        else:
            from briefing_tui.core.library import forkserver

            child = forkserver.worker()
        if child is not None:
            return _greeted(child)
    try:
        proc = subprocess.Popen(
            interpreter("briefing_tui.core.library.workers"),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True,
            env=interpreter_env(),
        )
    except (OSError, ValueError):
        return None
    return _greeted(proc)


def _greeted(proc: _Process) -> _Worker | None:
    """The worker, once it has said it is ready; None (and the process killed) when it does not."""
    assert proc.stdout is not None
    selector = selectors.DefaultSelector()
    try:
        selector.register(proc.stdout, selectors.EVENT_READ)
        if selector.select(timeout=30) and _read_exactly(proc.stdout.fileno(), _HEADER.size + len(_READY)) \
                == _HEADER.pack(len(_READY)) + _READY:
            return _Worker(proc)
    except OSError:
        pass
    finally:
        selector.close()
    _kill(proc)
    return None


class _Forked:
    """A worker forked from this process, with the parts of `subprocess.Popen` the pool uses."""

    def __init__(self, pid: int, stdin_fd: int, stdout_fd: int) -> None:
        self.pid = pid
        self.stdin: IO[bytes] | None = os.fdopen(stdin_fd, "wb", buffering=0)
        self.stdout: IO[bytes] | None = os.fdopen(stdout_fd, "rb", buffering=0)
        self.returncode: int | None = None

    def kill(self) -> None:
        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG if deadline is not None else 0)
            except ChildProcessError:
                self.returncode = -1
                break
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
                break
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"worker {self.pid}", timeout or 0)
            time.sleep(0.005)  # only ever after a SIGKILL: the child is gone within milliseconds
        return self.returncode


def worker_pipes() -> tuple[int, int, int, int] | None:
    """A worker's two pipes: (task read end, task write end, answer read end, answer write end); None when the
    system has no descriptors left."""
    try:
        task_r, task_w = os.pipe()
    except OSError:
        return None
    try:
        answer_r, answer_w = os.pipe()
    except OSError:
        os.close(task_r)
        os.close(task_w)
        return None
    return task_r, task_w, answer_r, answer_w


def _fork() -> _Forked | None:
    """Fork a worker (the caller has one thread); None when the system refuses."""
    pipes = worker_pipes()
    if pipes is None:
        return None
    task_r, task_w, answer_r, answer_w = pipes
    try:
        pid = os.fork()
    except OSError:
        for fd in (task_r, task_w, answer_r, answer_w):
            os.close(fd)
        return None
    if pid == 0:  # the child: never returns into the caller's code, never runs its exit handlers
        code = 1
        try:
            _close_all_but(task_r, answer_w)
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(devnull, 2)  # a traceback here would land on the user's terminal
            os.close(devnull)
            # What the parent held at the fork (the library's file list, the index's rows) is never
            # needed here: out of the collector's sight, it is not walked (nor its pages copied) by
            # every full collection while this worker parses.
            gc.freeze()
            serve(task_r, answer_w)
            code = 0
        finally:
            os._exit(code)
    os.close(task_r)
    os.close(answer_w)
    return _Forked(pid, task_w, answer_r)


def _close_all_but(*keep: int) -> None:
    """Close every descriptor from 3 up except `keep`: the pipes of the workers forked before this one
    (a worker must see the end of its own task pipe when the parent closes it), the index, the tty."""
    low = 3
    for fd in sorted(keep):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, _MAX_FD)


_MAX_FD = os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 65536


def _kill(proc: _Process) -> None:
    with contextlib.suppress(OSError):
        proc.kill()
    for stream in (proc.stdin, proc.stdout):
        with contextlib.suppress(OSError):
            if stream is not None:
                stream.close()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)


if __name__ == "__main__":
    serve()
