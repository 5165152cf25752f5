"""Plain text of attached documents (PDF, DOCX, ODT), for search."""

import contextlib
import logging
import re
import zipfile
from pathlib import PurePath
from xml.etree import ElementTree

logger = logging.getLogger("transparenca.search")

MAX_CHARS = 1_000_000
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def pdf_text(handle):
    from pypdf import PdfReader

    reader = PdfReader(handle)
    parts = []
    for page in reader.pages:
        parts.append(page.extract_text() or "")
        if sum(map(len, parts)) > MAX_CHARS:
            break
    return "\n".join(parts)


def xml_paragraphs(archive, member, paragraph_tags, text_tags):
    # ElementTree resolves no external entities; the archive is the editor's file.
    root = ElementTree.fromstring(archive.read(member))  # noqa: S314
    paragraphs = []
    for element in root.iter():
        if element.tag in paragraph_tags:
            text = "".join(
                node.text or "" for node in element.iter() if node.tag in text_tags
            )
            if text.strip():
                paragraphs.append(text)
    return "\n".join(paragraphs)


def docx_text(handle):
    with zipfile.ZipFile(handle) as archive:
        return xml_paragraphs(archive, "word/document.xml", {f"{W}p"}, {f"{W}t"})


def odt_text(handle):
    with zipfile.ZipFile(handle) as archive:
        # ODF nests spans in paragraphs and headings; their text is in .text
        # and in the tails of children.
        root = ElementTree.fromstring(archive.read("content.xml"))  # noqa: S314
        blocks = []
        for element in root.iter():
            if element.tag in {f"{TEXT_NS}p", f"{TEXT_NS}h"}:
                text = "".join(element.itertext())
                if text.strip():
                    blocks.append(text)
        return "\n".join(blocks)


EXTRACTORS = {".pdf": pdf_text, ".docx": docx_text, ".odt": odt_text}


def extract_text(file, name):
    """Text of `file` (a Django File) by extension; "" when unknown or broken."""
    extractor = EXTRACTORS.get(PurePath(name or "").suffix.lower())
    if extractor is None:
        return ""
    try:
        file.open("rb")
        file.seek(0)
        text = extractor(file)
    except Exception:  # noqa: BLE001 - a broken upload must not block saving
        logger.warning("Could not extract text from %s", name, exc_info=True)
        return ""
    finally:
        with contextlib.suppress(OSError, ValueError):
            file.seek(0)
    return re.sub(r"[ \t]+", " ", text)[:MAX_CHARS].strip()
