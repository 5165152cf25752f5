"""Hostile documents built on the spot (no binary is committed): the two files of
issue 12.7, used by the tests and by bench/extraction_drill.py."""

import io
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bomb(expanded_bytes=1024**3, first="Fillimi i bombës"):
    """A DOCX whose word/document.xml expands to `expanded_bytes` (1 GB: ~1 MB
    compressed at level 9). Written in chunks so building it stays small."""
    paragraph = f"<w:p><w:r><w:t>{'A' * 4000}</w:t></w:r></w:p>".encode()
    head = (
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{first}</w:t></w:r></w:p>'
    ).encode()
    tail = b"</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            block = paragraph * 256
            written = len(head)
            while written < expanded_bytes - len(tail):
                member.write(block)
                written += len(block)
            member.write(tail)
    return buffer.getvalue()


def docx(paragraphs):
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
    return buffer.getvalue()


def pdf_bomb(pages=1000, stream_bytes=71 * 1024 * 1024, line="Faqe e perseritur"):
    """A PDF of `pages` pages that all draw one Flate content stream of
    `stream_bytes` decoded bytes (the 225 KB / 71 MB file of the issue)."""
    op = f"BT /F1 9 Tf 72 700 Td ({line}) Tj ET\n".encode()
    content = op * (stream_bytes // len(op))
    stream = zlib.compress(content, 9)
    kids = " ".join(f"{5 + n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream",
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    objects += [page] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
