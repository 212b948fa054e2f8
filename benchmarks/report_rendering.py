"""Measure PDF report rendering: RoPA-shaped documents of 10 to 2,000 processing activities.

For each size the script renders the same document four ways and prints seconds, pages and peak memory:

- pipeline: the real report pipeline. A job is requested with `report_request()` and rendered by a Celery
  prefork worker (one child) that this script starts on Redis and PostgreSQL. The time runs from the request
  until the job row is "succeeded". It includes the queue, the claim, the queries, the templates, the layout,
  the storage and the final update. With `--mode eager` the task runs in this process instead.
- worker render: the WeasyPrint part of that job, as logged by the worker (`html_to_pdf`).
- plain render: the same `html_to_pdf()` on the same HTML in a fresh plain Python process.
- bare WeasyPrint: `weasyprint.HTML(...).write_pdf()` with default options on the same HTML, fresh process.
- Chromium: `chromium --headless --print-to-pdf` on the same HTML file.

The document is synthetic and lives in this file only: an 8-column table (activity, purposes, legal basis,
data subjects, personal data, recipients, transfers with long URLs, retention) in landscape, with accented
Latin, Greek and Cyrillic text, rendered with the report stylesheet and a repeating table header. A 13-page
DPIA-shaped document (headings, paragraphs and a risk table) is timed as well.

Run (PostgreSQL database created beforehand; the script migrates it):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dpodesk_bench REDIS_URL=redis://127.0.0.1:6379/7 \\
        .venv/bin/python benchmarks/report_rendering.py [--sizes 10 100 500 2000] [--mode worker|eager]
"""

import argparse
import contextlib
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

KIND_NAME = "ropa_benchmark"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

ROPA_TEMPLATE = """{% extends "reports/pdf/base.html" %}
{% block body %}
<table class="data">
  <colgroup><col class="c-name"><col class="c-purpose"><col class="c-basis"><col class="c-subjects">
    <col class="c-data"><col class="c-recipients"><col class="c-transfers"><col class="c-retention"></colgroup>
  <thead><tr><th>Processing activity</th><th>Purposes</th><th>Legal basis</th><th>Data subjects</th>
    <th>Personal data</th><th>Recipients</th><th>Transfers and safeguards</th><th>Retention period</th></tr></thead>
  <tbody>
  {% for activity in activities %}
    <tr><td>{{ activity.name }}</td><td>{{ activity.purposes }}</td><td>{{ activity.legal_basis }}</td>
      <td>{{ activity.subjects }}</td><td>{{ activity.data }}</td><td>{{ activity.recipients }}</td>
      <td>{{ activity.transfers }}</td><td>{{ activity.retention }}</td></tr>
  {% endfor %}
  </tbody>
</table>
{% endblock %}
{% block extra_style %}
col.c-name { width: 12%; } col.c-purpose { width: 16%; } col.c-basis { width: 9%; } col.c-subjects { width: 10%; }
col.c-data { width: 15%; } col.c-recipients { width: 11%; } col.c-transfers { width: 17%; }
col.c-retention { width: 10%; }
{% endblock %}
"""

NAMES = [
    "Gestion de la paie et des congés",
    "Recrutement des candidats à l'embauche",
    "Διαχείριση πελατολογίου και τιμολόγηση",
    "Обработка заявок клиентов и поддержка",
    "Newsletter-Versand an Abonnenten (Einwilligung)",
    "Videosurveillance des entrepôts de Saint-Étienne",
    "Programme de fidélité « Carte Privilège »",
    "Analyse d'audience du site web",
]
PURPOSES = [
    "Calcul des salaires, déclarations sociales et gestion des absences",
    "Évaluation des candidatures et organisation des entretiens",
    "Έκδοση τιμολογίων, είσπραξη οφειλών και επικοινωνία με πελάτες",
    "Регистрация обращений, ответы клиентам и контроль качества",
    "Zusendung von Produktinformationen und Messung der Öffnungsraten",
]
LEGAL_BASES = [
    "Art. 6(1)(b) contract",
    "Art. 6(1)(c) legal obligation",
    "Art. 6(1)(a) consent",
    "Art. 6(1)(f) legitimate interests",
]
SUBJECTS = ["Employees, interns", "Candidates", "Πελάτες", "Клиенты и потенциальные клиенты", "Abonnenten"]
DATA = [
    "Identity, contact details, bank details (IBAN), salary, social security number",
    "CV, cover letter, interview notes, références professionnelles",
    "Ονοματεπώνυμο, διεύθυνση, ΑΦΜ, ιστορικό παραγγελιών",
    "ФИО, телефон, адрес электронной почты, история обращений",
    "E-Mail-Adresse, Öffnungs- und Klickdaten, Gerätetyp",
]
RECIPIENTS = [
    "Payroll processor, URSSAF",
    "HR team, hiring managers",
    "Λογιστήριο",
    "Служба поддержки",
    "E-mail provider",
]
RETENTION = ["5 years after the end of employment", "2 years after the last contact", "10 ans (Code de commerce)",
             "3 года", "Until consent is withdrawn"]  # fmt: skip


def synthetic_activities(count, seed=20261204):
    """Return `count` deterministic RoPA-shaped rows with long URLs and non-Latin text."""
    rng = random.Random(seed)
    activities = []
    for number in range(count):
        vendor = f"vendor-{number:05d}-{rng.randrange(10**6):06d}"
        url = f"https://{vendor}.example.com/legal/dpa/sub-processors?version=2026-{1 + number % 12:02d}"
        activities.append(
            {
                "name": f"{rng.choice(NAMES)} n° {number + 1}",
                "purposes": rng.choice(PURPOSES),
                "legal_basis": rng.choice(LEGAL_BASES),
                "subjects": rng.choice(SUBJECTS),
                "data": rng.choice(DATA),
                "recipients": rng.choice(RECIPIENTS),
                "transfers": f"United States, SCCs (module 2): {url}",
                "retention": rng.choice(RETENTION),
            }
        )
    return activities


def _ropa_benchmark_context(organisation, parameters):
    count = parameters["activities"]
    return {
        "title": f"Record of processing activities (synthetic, {count} activities)",
        "activities": synthetic_activities(count),
        # Fixed, so the same size always gives the same document.
        "data_timestamp": datetime(2026, 12, 1, tzinfo=UTC),
        "data_version": f"synthetic-{count}",
    }


def _clean_activity_count(value):
    from reports.kinds import ReportInputError

    if not isinstance(value, int) or not 1 <= value <= 5000:
        raise ReportInputError("activities must be an integer from 1 to 5000")
    return value


def register_benchmark_kind():
    """Register the synthetic RoPA kind and its template. Runs in this process and in the benchmark worker."""
    from django.template import engines

    from reports.kinds import ReportKind, register_kind

    template_dir = Path(tempfile.mkdtemp(prefix="report-benchmark-templates-"))
    (template_dir / "ropa_benchmark.html").write_text(ROPA_TEMPLATE)
    # The template engine may exist already (the worker renders nothing before, but checks may load it).
    engines["django"].engine.dirs.append(template_dir)
    register_kind(
        ReportKind(
            name=KIND_NAME,
            label="Synthetic RoPA (benchmark)",
            build_context=_ropa_benchmark_context,
            template_name="ropa_benchmark.html",
            orientation="landscape",
            max_items={"activities": 5000},
            parameters={"activities": _clean_activity_count},
        )
    )


# The benchmark worker imports this module (celery worker -I report_rendering), which registers the kind.
if __name__ != "__main__" and "django" in sys.modules:
    import django.apps

    if django.apps.apps.ready:
        register_benchmark_kind()


def dpia_shaped_html():
    """Return a DPIA-shaped document of about 13 pages: sections of prose and a 6-column risk table."""
    from django.utils.html import escape

    rng = random.Random(35)
    sentences = [
        "The controller processes customer data to deliver orders and handle returns.",
        "Le traitement repose sur l'exécution du contrat et sur l'intérêt légitime du responsable.",
        "Τα δεδομένα διατηρούνται μόνο για όσο χρόνο απαιτείται από τον νόμο.",
        "Доступ к данным ограничен сотрудниками службы поддержки и бухгалтерии.",
        "Pseudonymisation and encryption at rest reduce the severity of a data breach.",
    ]
    sections = []
    for number in range(1, 19):
        paragraphs = "".join(f"<p>{escape(' '.join(rng.choice(sentences) for _ in range(7)))}</p>" for _ in range(4))
        sections.append(f"<h2>{number}. Section {number}</h2>{paragraphs}")
    risks = "".join(
        f"<tr><td>Feared event {index}</td><td>{escape(rng.choice(sentences))}</td><td>Significant</td>"
        f"<td>Limited</td><td>{escape(rng.choice(sentences))}</td><td>Negligible</td></tr>"
        for index in range(1, 41)
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>DPIA</title>'
        '<link rel="stylesheet" href="pdf.css"></head><body><h1>Data protection impact assessment</h1>'
        + "".join(sections)
        + '<h2>Risks</h2><table class="data"><colgroup><col><col><col><col><col><col></colgroup><thead><tr>'
        "<th>Feared event</th><th>Threats</th><th>Severity</th><th>Likelihood</th><th>Measures</th>"
        "<th>Residual risk</th></tr></thead><tbody>" + risks + "</tbody></table></body></html>"
    )


# ---------------------------------------------------------------------------------------------- child modes


def run_bare_weasyprint(html_path, pdf_path):
    """Child process: plain WeasyPrint with default options; prints a JSON line."""
    from weasyprint import HTML

    started = time.perf_counter()
    cpu_started = time.process_time()
    document = HTML(filename=html_path).render()
    document.write_pdf(pdf_path)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(json.dumps({"seconds": seconds, "cpu": cpu, "pages": len(document.pages), "peak_mb": _own_peak_mb()}))


def run_plain_render(html_path, pdf_path):
    """Child process: the pipeline's html_to_pdf() outside Celery; prints a JSON line."""
    import django

    django.setup()
    from reports.rendering.pdf import html_to_pdf

    html = Path(html_path).read_text()
    started = time.perf_counter()
    rendered = html_to_pdf(html, identifier=b"benchmark-plain!")
    seconds = time.perf_counter() - started
    Path(pdf_path).write_bytes(rendered.content)
    print(
        json.dumps(
            {"seconds": seconds, "cpu": rendered.cpu_seconds, "pages": rendered.page_count, "peak_mb": _own_peak_mb()}
        )
    )


def _own_peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_json(mode, html_path, pdf_path):
    output = subprocess.run(
        [sys.executable, __file__, mode, str(html_path), str(pdf_path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------------- measurements


class PeakMemorySampler:
    """Sample the summed resident memory of some processes every 50 ms; `peak_mb` is the largest sum."""

    def __init__(self, processes):
        self.processes = processes
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self._stop.is_set():
            total = 0
            for process in self.processes():
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss
            self.peak_mb = max(self.peak_mb, total / 1_048_576)
            time.sleep(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def measure_chromium(html_path, pdf_path):
    import psutil
    from pypdf import PdfReader

    started = time.perf_counter()
    process = subprocess.Popen(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer", html_path.as_uri()],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    root = psutil.Process(process.pid)

    def tree():
        try:
            return [root, *root.children(recursive=True)]
        except psutil.Error:
            return []

    # NOTE: Chromium's processes share memory, so their summed RSS overstates its footprint somewhat.
    with PeakMemorySampler(tree) as sampler:
        process.wait()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "pages": len(PdfReader(pdf_path).pages), "peak_mb": sampler.peak_mb}


class BenchmarkWorker:
    """A Celery prefork worker (one child) that consumes the report tasks of this run on a queue of its own."""

    def __init__(self, work_dir):
        self.queue = f"report-benchmark-{uuid.uuid4().hex[:8]}"
        self.name = f"{self.queue}@localhost"
        self.log_path = work_dir / "worker.log"
        self.process = None

    def start(self):
        from config.celery import app

        env = {**os.environ, "PYTHONPATH": f"{REPO_ROOT / 'benchmarks'}{os.pathsep}{REPO_ROOT}"}
        command = [
            str(Path(sys.executable).with_name("celery")),
            "-A", "config", "worker", "--pool=prefork", "--concurrency=1", "--loglevel=INFO",
            f"--hostname={self.name}", f"--queues={self.queue}", "-I", "report_rendering",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]  # fmt: skip
        with self.log_path.open("w") as log_file:
            self.process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
        app.conf.task_routes = {"reports.tasks.*": {"queue": self.queue}}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The worker exited early:\n{self.log_path.read_text()[-3000:]}")
            if app.control.ping(destination=[self.name], timeout=0.5):
                return
        raise TimeoutError(f"The benchmark worker did not reply to a ping within 60 s; see {self.log_path}.")

    def processes(self):
        import psutil

        try:
            return psutil.Process(self.process.pid).children()
        except psutil.Error:
            return []

    def last_render_seconds(self):
        """Return (wall, CPU) seconds of the worker's last html_to_pdf() call, from its log."""
        pattern = r"Rendered a PDF of \d+ pages in ([\d.]+) s \(CPU ([\d.]+) s"
        matches = re.findall(pattern, self.log_path.read_text())
        return (float(matches[-1][0]), float(matches[-1][1])) if matches else (None, None)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)


def measure_pipeline(organisation, actor, count, worker):
    from reports.actions import report_request
    from reports.models import ReportJob

    children = worker.processes if worker else (lambda: [__import__("psutil").Process()])
    started = time.perf_counter()
    with PeakMemorySampler(children) as sampler:
        job = report_request(organisation=organisation, actor=actor, kind=KIND_NAME, parameters={"activities": count})
        while True:
            job.refresh_from_db()
            if job.is_finished:
                break
            time.sleep(0.1)
    polled_seconds = time.perf_counter() - started
    if job.status != ReportJob.Status.SUCCEEDED:
        raise RuntimeError(f"The benchmark job failed: {job.error}")
    return {
        # From the row's own timestamps: the request creates the row, the worker stamps it when it is done.
        # Polling the row every 0.1 s would add up to 0.1 s of waiting that is not the pipeline's.
        "seconds": (job.finished_at - job.created_at).total_seconds(),
        "polled_seconds": polled_seconds,
        "pages": job.page_count,
        "peak_mb": sampler.peak_mb,
        "queue_ms": (job.started_at - job.created_at).total_seconds() * 1000,
        "render": worker.last_render_seconds() if worker else (None, None),
    }


def machine_description():
    import psutil

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import weasyprint

    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {psutil.virtual_memory().total / 2**30:.1f} GiB RAM, "
        f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}, {chromium}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500, 2000])
    parser.add_argument("--mode", choices=["worker", "eager"], default=None, help="default: worker with REDIS_URL")
    args = parser.parse_args()
    mode = args.mode or ("worker" if os.environ.get("REDIS_URL") else "eager")
    if mode == "eager":
        os.environ.pop("REDIS_URL", None)

    import django

    django.setup()
    from django.core.management import call_command

    from accounts.models import User
    from organisations.models import Membership, Organisation
    from reports.kinds import get_kind
    from reports.rendering.document import build_report_html
    from reports.rendering.pdf import ASSETS_DIR, html_to_pdf

    register_benchmark_kind()
    call_command("migrate", verbosity=0)
    print(f"Machine: {machine_description()}")
    print(f"Load average at start: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    print(f"Mode: {mode}; database {django.db.connection.vendor}")

    work_dir = Path(tempfile.mkdtemp(prefix="report-benchmark-"))
    shutil.copy(ASSETS_DIR / "pdf.css", work_dir / "pdf.css")
    suffix = uuid.uuid4().hex[:8]
    organisation = Organisation.objects.create(name=f"Benchmark Société {suffix}", slug=f"bench-{suffix}")
    actor = User.objects.create_user(email=f"bench-{suffix}@example.test", password=None)
    Membership.objects.create(organisation=organisation, user=actor, role="owner")

    worker = BenchmarkWorker(work_dir) if mode == "worker" else None
    rows = []
    try:
        if worker:
            worker.start()
            # One small job first, so the worker child has imported everything before the timed runs.
            measure_pipeline(organisation, actor, 5, worker)
        for count in sorted(args.sizes):
            html, _context = build_report_html(
                get_kind(KIND_NAME), organisation=organisation, parameters={"activities": count}
            )
            html_path = work_dir / f"ropa-{count}.html"
            html_path.write_text(html)
            pipeline = measure_pipeline(organisation, actor, count, worker)
            bare = _child_json("--bare-weasyprint", html_path, work_dir / f"bare-{count}.pdf")
            plain = _child_json("--plain-render", html_path, work_dir / f"plain-{count}.pdf")
            chromium = measure_chromium(html_path, work_dir / f"chromium-{count}.pdf")
            rows.append({"count": count, "pipeline": pipeline, "bare": bare, "plain": plain, "chromium": chromium})
            print(f"  {count} activities done: pipeline {pipeline['seconds']:.2f} s", flush=True)

        dpia_html = dpia_shaped_html()
        started = time.perf_counter()
        dpia = html_to_pdf(dpia_html, identifier=b"benchmark-dpia!!")
        dpia_seconds = time.perf_counter() - started
    finally:
        if worker:
            worker.stop()
        from reports.models import ReportJob

        for job in ReportJob.objects.for_organisation(organisation):
            if job.file:
                job.file.delete(save=False)
        organisation.delete()
        actor.delete()

    print()
    header = (
        f"{'activities':>10} {'pages':>5} | {'pipeline s':>10} {'MB':>5} {'queue ms':>8} | "
        f"{'worker render s':>15} {'CPU s':>6} | {'plain render s':>14} {'CPU s':>6} {'MB':>5} | "
        f"{'bare WP s':>9} {'CPU s':>6} {'MB':>5} | {'Chromium s':>10} {'MB':>5} | "
        f"{'overhead':>8} {'worker/plain CPU':>16} {'bare/Chromium':>13} {'pipeline/Chromium':>17}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        pipeline, bare, plain, chromium = row["pipeline"], row["bare"], row["plain"], row["chromium"]
        render_wall, render_cpu = pipeline["render"]
        nan = float("nan")
        # Pipeline overhead: what the pipeline adds to the render it runs (queue, queries, templates, storage).
        overhead = (pipeline["seconds"] - render_wall) / render_wall if render_wall else nan
        worker_ratio = render_cpu / plain["cpu"] if render_cpu else nan
        print(
            f"{row['count']:>10} {pipeline['pages']:>5} | {pipeline['seconds']:>10.2f} {pipeline['peak_mb']:>5.0f} "
            f"{pipeline['queue_ms']:>8.1f} | {render_wall or nan:>15.2f} {render_cpu or nan:>6.2f} | "
            f"{plain['seconds']:>14.2f} {plain['cpu']:>6.2f} {plain['peak_mb']:>5.0f} | "
            f"{bare['seconds']:>9.2f} {bare['cpu']:>6.2f} {bare['peak_mb']:>5.0f} | "
            f"{chromium['seconds']:>10.2f} {chromium['peak_mb']:>5.0f} | {overhead:>+8.1%} {worker_ratio:>16.2f} "
            f"{bare['seconds'] / chromium['seconds']:>13.2f} {pipeline['seconds'] / chromium['seconds']:>17.2f}"
        )
    by_count = {row["count"]: row for row in rows}
    if 500 in by_count and 2000 in by_count:
        ratio = by_count[2000]["pipeline"]["seconds"] / by_count[500]["pipeline"]["seconds"]
        print(f"\n2,000 / 500 activities (pipeline): {ratio:.2f}x")
    print(f"DPIA-shaped document: {dpia.page_count} pages in {dpia_seconds:.2f} s (html_to_pdf, this process)")
    print(f"Load average at end: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    print("Pages: " + ", ".join(f"{row['count']}: bare {row['bare']['pages']}, Chromium {row['chromium']['pages']}"
                                for row in rows))  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--bare-weasyprint":
        run_bare_weasyprint(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "--plain-render":
        run_plain_render(sys.argv[2], sys.argv[3])
    else:
        main()
