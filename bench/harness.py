"""What the benchmarks share: an in-process render measure (median time and SQL queries), a
load generator (wrk, else a bounded Python client) and the memory of gunicorn's workers."""

import http.client
import re
import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}  # wrk's units, in ms


@dataclass
class Load:
    requests: int
    seconds: float
    errors: int  # answers other than 2xx/3xx
    p50_ms: float
    p99_ms: float
    timeouts: int = 0  # connection errors and requests without an answer within 10 s

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def generator() -> str:
    return "wrk" if shutil.which("wrk") else "python"


def _wrk_ms(text: str, label: str) -> float:
    value, unit = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M).groups()
    return float(value) * UNITS[unit]


def run_wrk(url: str, host: str, seconds: float, connections: int) -> Load:
    threads = min(2, connections)
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency",
         "--timeout", "10s", "-H", f"Host: {host}", url],
        capture_output=True, text=True, check=False)
    out = result.stdout
    if not re.search(r"\d+ requests in", out):  # wrk gave up (the server went away)
        return Load(0, seconds, 0, 0.0, 0.0, timeouts=1)
    requests, elapsed = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", out).groups()[:2]
    elapsed_s = float(elapsed) * UNITS[re.search(r"requests in [\d.]+(us|ms|s|m)", out)
                                        .group(1)] / 1000
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       out)
    timeouts = sum(int(n) for n in socket.groups()) if socket else 0
    return Load(int(requests), elapsed_s, errors, _wrk_ms(out, "50%"), _wrk_ms(out, "99%"),
                timeouts)


def run_python(url: str, host: str, seconds: float, connections: int) -> Load:
    """A bounded client: ``connections`` threads, each on one keep-alive connection."""
    match = re.match(r"http://([^/:]+):(\d+)(/.*)", url)
    address, port, path = match.group(1), int(match.group(2)), match.group(3)
    latencies: list[float] = []
    errors, timeouts = [0], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        connection = http.client.HTTPConnection(address, port, timeout=10)
        mine, failed, lost = [], 0, 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Host": host})
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                lost += 1
                connection.close()
                connection = http.client.HTTPConnection(address, port, timeout=10)
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += failed
            timeouts[0] += lost

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return Load(len(latencies), elapsed, errors[0], quantiles[49], quantiles[98], timeouts[0])


def load(url: str, host: str, seconds: float, connections: int) -> Load:
    if generator() == "wrk":
        return run_wrk(url, host, seconds, connections)
    return run_python(url, host, seconds, connections)


def response_header(url: str, host: str, name: str) -> str | None:
    """This header of one GET of ``url`` (without cookies), or None when it has none."""
    match = re.match(r"http://([^/:]+):(\d+)(/.*)", url)
    connection = http.client.HTTPConnection(match.group(1), int(match.group(2)), timeout=10)
    try:
        connection.request("GET", match.group(3), headers={"Host": host})
        response = connection.getresponse()
        response.read()
        return response.getheader(name)
    finally:
        connection.close()


def workers_rss_mb(master_pid: int) -> list[float]:
    """Resident memory of each of gunicorn's workers (the master's children), in MB."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes


def machine() -> str:
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    cores = Path("/proc/cpuinfo").read_text().count("processor\t:")
    load_average = Path("/proc/loadavg").read_text().split()[0]
    return (f"{cpu.group(1).strip() if cpu else 'unknown CPU'}, {cores} cores, "
            f"load average {load_average} at start")


def render(client, url, renders, *, before=None):
    """Median in-process time (ms) of ``renders`` GETs of ``url``, after one to warm the
    connection (and, unless ``before`` empties it, the cache), the SQL queries of one more
    and its response. The queries are counted apart from the timed renders: Django's query
    capture costs time of its own (on SQLite it asks the database to quote each query's
    parameters), about 1 ms a query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    durations = []
    for _ in range(renders):
        if before:
            before()
        started = time.perf_counter()
        client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)
    return statistics.median(durations), queries, response
