"""Plain text of attached documents (PDF, DOCX, ODT), for search.

Uploaded files are hostile until proven otherwise: a 3 MB DOCX can expand to
1 GB, a 225 KB PDF can make every one of 1,000 pages parse the same 71 MB
content stream. So the parsing never runs in the caller's process: `extract()`
copies the file to a temporary file and runs `python -m search.extract` on it,
a child that sets its own memory and CPU limits before it reads a byte, counts
the uncompressed bytes it parses, the pages and the characters it keeps, and
is killed if it outlives its wall-clock limit. The child imports no Django.
"""

import dataclasses
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path, PurePath
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
CHUNK = 1 << 20
REPO = Path(__file__).resolve().parents[1]
MEMORY_ERROR_EXIT = 3

# Why a document has no (or only part of its) text; stored on the document.
TOO_LARGE = "too_large"
PAGE_LIMIT = "page_limit"
OUTPUT_LIMIT = "output_limit"
TIME_LIMIT = "time_limit"
MEMORY_LIMIT = "memory_limit"
UNREADABLE = "unreadable"
UNSUPPORTED = "unsupported"


@dataclasses.dataclass(frozen=True)
class Limits:
    # Bytes of XML or of decoded PDF content streams parsed, in total.
    uncompressed_bytes: int = 64 * 1024 * 1024
    pages: int = 1000
    chars: int = 1_000_000
    cpu_seconds: int = 30
    wall_seconds: int = 60
    # Address space of the child; the interpreter and pypdf take ~40 MB of it.
    memory_bytes: int = 512 * 1024 * 1024


@dataclasses.dataclass
class Extraction:
    text: str = ""
    # "done", "partial" (text kept up to a limit), "skipped" or "failed".
    status: str = "done"
    reason: str = ""
    details: dict = dataclasses.field(default_factory=dict)


class Stop(Exception):
    """A limit was reached: keep what was read so far."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class Budget:
    def __init__(self, limits):
        self.limits = limits
        self.parts = []
        self.chars = 0
        self.uncompressed = 0

    def read(self, size):
        self.uncompressed += size
        if self.uncompressed > self.limits.uncompressed_bytes:
            raise Stop(TOO_LARGE)

    def add(self, text):
        if not text.strip():
            return
        self.parts.append(text)
        self.chars += len(text) + 1
        if self.chars > self.limits.chars:
            raise Stop(OUTPUT_LIMIT)


# --- In the child process ------------------------------------------------------


def pdf_text(handle, budget, details):
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    reader = PdfReader(handle)
    details["total_pages"] = len(reader.pages)
    for number, page in enumerate(reader.pages):
        if number >= budget.limits.pages:
            raise Stop(PAGE_LIMIT)
        try:
            contents = page.get_contents()
            # Every page is parsed on its own, shared stream or not: count it
            # each time, which is what the parsing costs.
            budget.read(len(contents.get_data()) if contents is not None else 0)
            text = page.extract_text() or ""
        except LimitReachedError as error:  # pypdf's own 75 MB stream limit
            raise Stop(TOO_LARGE) from error
        details["pages"] = number + 1
        budget.add(text)


def xml_blocks(archive, member, block_tags, text_of, budget):
    """Stream `member` through a pull parser: memory stays flat however large."""
    info = archive.getinfo(member)
    if info.file_size > budget.limits.uncompressed_bytes:
        raise Stop(TOO_LARGE)
    # ElementTree resolves no external entities; expat caps entity expansion.
    parser = ElementTree.XMLPullParser(events=("end",))  # noqa: S314
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            budget.read(len(chunk))
            parser.feed(chunk)
            for _event, element in parser.read_events():
                if element.tag in block_tags:
                    budget.add(text_of(element))
                    element.clear()
    parser.close()


def docx_text(handle, budget, details):
    import zipfile

    def runs(paragraph):
        return "".join(n.text or "" for n in paragraph.iter() if n.tag == f"{W}t")

    with zipfile.ZipFile(handle) as archive:
        xml_blocks(archive, "word/document.xml", {f"{W}p"}, runs, budget)


def odt_text(handle, budget, details):
    import zipfile

    # ODF nests spans in paragraphs and headings; their text is in .text and in
    # the tails of children.
    def text_of(element):
        return "".join(element.itertext())

    with zipfile.ZipFile(handle) as archive:
        tags = {f"{TEXT_NS}p", f"{TEXT_NS}h"}
        xml_blocks(archive, "content.xml", tags, text_of, budget)


EXTRACTORS = {".pdf": pdf_text, ".docx": docx_text, ".odt": odt_text}


def run_child(suffix, limits, handle):
    """Extract from `handle`; returns the JSON-able answer for the parent."""
    budget = Budget(limits)
    details = {}
    answer = {"status": "done", "reason": ""}
    try:
        EXTRACTORS[suffix](handle, budget, details)
    except Stop as stop:
        answer = {"status": "partial", "reason": stop.reason}
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - a broken file is an answer too
        answer = {"status": "failed", "reason": UNREADABLE, "error": repr(error)[:200]}
    text = re.sub(r"[ \t]+", " ", "\n".join(budget.parts))[: limits.chars].strip()
    if answer["status"] == "partial" and not text:
        answer["status"] = "skipped"
    return {**answer, "text": text, "details": details}


def own_peak_rss_kb():
    # VmHWM, not getrusage(): after fork and exec, ru_maxrss still counts the
    # parent's resident set at the fork.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def child_main(argv):
    suffix, limits = argv[0], Limits(**json.loads(argv[1]))
    # Limits first, before any byte of the file is parsed. RLIMIT_CPU sends
    # SIGXCPU at the soft limit and SIGKILL a second later.
    memory = limits.memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = limits.cpu_seconds
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        answer = run_child(suffix, limits, sys.stdin.buffer)
    except MemoryError:
        # Nothing may allocate much here: drop everything and just exit.
        os._exit(MEMORY_ERROR_EXIT)
    answer["details"]["peak_rss_kb"] = own_peak_rss_kb()
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    sys.stdout.flush()


# --- In the caller's process ---------------------------------------------------


def suffix_of(name):
    return PurePath(name or "").suffix.lower()


def extract(file, name, limits=None):
    """Text of `file` (a Django File or binary file object) by extension.

    Never raises for a bad file: the answer says why there is no text.

    Args:
        file: the document's file, opened or openable in binary mode.
        name: its name, whose extension chooses the extractor.
        limits: a `Limits`; the defaults otherwise.

    Returns:
        An `Extraction` with text, status, reason and details (pages, peak RSS
        of the child in KB, its CPU and wall-clock seconds).
    """
    limits = limits or Limits()
    suffix = suffix_of(name)
    if suffix not in EXTRACTORS:
        return Extraction(status="skipped", reason=UNSUPPORTED)
    with tempfile.TemporaryFile() as source, tempfile.TemporaryFile() as output:
        if hasattr(file, "open"):
            file.open("rb")
        file.seek(0)
        shutil.copyfileobj(file, source, CHUNK)
        file.seek(0)
        source.seek(0)
        return run_limited(suffix, limits, source, output)


def run_limited(suffix, limits, source, output):
    started = time.monotonic()
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-m",
            "search.extract",
            suffix,
            json.dumps(dataclasses.asdict(limits)),
        ],
        stdin=source,
        stdout=output,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
        env=env,
    )
    timer = threading.Timer(limits.wall_seconds, child.kill)
    timer.start()
    try:
        # wait4 rather than wait: it also returns the child's CPU time.
        _pid, status, usage = os.wait4(child.pid, 0)
    finally:
        timer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)
    details = {
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "seconds": round(time.monotonic() - started, 2),
    }
    if child.returncode != 0:
        reason = failure(child.returncode)
        return Extraction(status="failed", reason=reason, details=details)
    output.seek(0)
    try:
        answer = json.loads(output.read().decode())
    except ValueError:
        return Extraction(status="failed", reason=UNREADABLE, details=details)
    return Extraction(
        text=answer["text"],
        status=answer["status"],
        reason=answer["reason"],
        details={**answer["details"], **details},
    )


def failure(returncode):
    import signal

    if returncode == MEMORY_ERROR_EXIT:
        return MEMORY_LIMIT
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return TIME_LIMIT
    return UNREADABLE


def extract_text(file, name, limits=None):
    """Only the text (empty when nothing could be extracted)."""
    return extract(file, name, limits).text


if __name__ == "__main__":
    child_main(sys.argv[1:])
