"""The editor uploads a signed PDF and two decompression bombs through the admin;
the real `db_worker` beside the site extracts in the background, survives the
bombs, and the editor reads why their text was not indexed. A document in a
restricted collection is then refused to a citizen, and never under /media/."""

import json
import time
import urllib.error
import urllib.request

import pytest

from home.demo_pdf import minimal_pdf
from tests.search.bombs import docx_bomb, pdf_bomb

from .conftest import login, shot

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]
PHRASE = "Kanalizimi i lagjes Arbëria faza e trete"


def documents_state(site):
    """What the editor uploaded, by file name, as the database has it."""
    code = (
        "import json; from wagtail.documents import get_document_model;"
        "print(json.dumps({d.filename: [d.pk, d.extraction_status, d.extraction_reason,"
        " d.extracted_text[:200], d.extraction_details, d.url, d.file.name]"
        " for d in get_document_model().objects.filter("
        "uploaded_by_user__username='editor')}))"
    )
    return json.loads(site.shell(code).splitlines()[-1])


def rss_kb(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1])
    return None


def status_of(url):
    try:
        return urllib.request.urlopen(url, timeout=10).status
    except urllib.error.HTTPError as error:
        return error.code


def test_uploads_extract_in_the_background_and_bombs_are_refused(
    live_site, desktop, tmp_path
):
    files = {
        "kanalizimi.pdf": minimal_pdf([PHRASE]),
        "bomba.docx": docx_bomb(),
        "bomba.pdf": pdf_bomb(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    login(desktop, live_site, "editor")
    desktop.goto(f"{live_site.url}/admin/documents/multiple/add/")
    started = time.monotonic()
    desktop.set_input_files(
        "input[type=file]", [str(tmp_path / name) for name in files]
    )
    # Each upload answers on its own; all three must succeed.
    desktop.locator(".upload-success").nth(2).wait_for(timeout=60_000)
    upload_seconds = time.monotonic() - started
    assert desktop.locator(".upload-failure:visible").count() == 0
    shot(desktop, "documents-01-uploaded")

    deadline = time.monotonic() + 120
    while True:
        state = documents_state(live_site)
        if len(state) == 3 and all(v[1] != "pending" for v in state.values()):
            break
        assert time.monotonic() < deadline, (state, live_site.worker_log())
        time.sleep(1)
    assert live_site.worker.poll() is None, "the worker died"
    assert rss_kb(live_site.worker.pid, "VmHWM") < 1024 * 1024
    assert state["kanalizimi.pdf"][1:3] == ["done", ""]
    assert PHRASE in state["kanalizimi.pdf"][3]
    for bomb in ("bomba.docx", "bomba.pdf"):
        assert state[bomb][1:3] == ["skipped", "too_large"], state[bomb]
        assert state[bomb][4]["peak_rss_kb"] < 1024 * 1024
    assert upload_seconds < 30

    desktop.goto(f"{live_site.url}/admin/documents/edit/{state['bomba.docx'][0]}/")
    reason = desktop.locator("[data-extraction-status]")
    assert reason.get_attribute("data-extraction-status") == "skipped"
    assert "expands to more than the size limit" in reason.inner_text()
    shot(desktop, "documents-02-why-not-extracted")

    # A citizen: the public document downloads through the serve view; once its
    # collection is restricted it does not, and /media/ never has it.
    pk, url, name = (state["kanalizimi.pdf"][i] for i in (0, 5, 6))
    assert status_of(f"{live_site.url}{url}") == 200
    assert status_of(f"{live_site.url}/media/{name}") == 404
    live_site.shell(
        "from wagtail.documents import get_document_model;"
        "from wagtail.models import Collection, CollectionViewRestriction;"
        "c = Collection.get_first_root_node().add_child(name='Brendshme');"
        "CollectionViewRestriction.objects.create(collection=c,"
        " restriction_type='login');"
        f"get_document_model().objects.filter(pk={pk}).update(collection=c)"
    )
    request = urllib.request.Request(f"{live_site.url}{url}")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as refused:
        opener.open(request, timeout=10)
    assert refused.value.code == 302
    assert "login" in refused.value.headers["Location"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
