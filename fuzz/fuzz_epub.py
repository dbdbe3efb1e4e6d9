"""atheris fuzz target for the EPUB reader.

    python fuzz/fuzz_epub.py [-runs=N | -max_total_time=S] [CORPUS_DIR]

Half of the inputs are raw bytes; the other half become a structurally valid EPUB
whose container, package document and chapter are built from the fuzzer's strings,
so the XML and XHTML parsing behind the zip layer is exercised too.
"""

import io
import sys
import zipfile

import atheris

with atheris.instrument_imports():
    from common import check_reader

CONTAINER = ('<?xml version="1.0"?><container version="1.0" '
             'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
             '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
             '</rootfiles></container>')
PACKAGE = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
           '</metadata><manifest><item id="c1" href="c1.xhtml" '
           'media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine>'
           '</package>')


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


def build_epub(provider: atheris.FuzzedDataProvider) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        container = CONTAINER if provider.ConsumeBool() else provider.ConsumeUnicode(200)
        archive.writestr("META-INF/container.xml", _utf8(container))
        package = (PACKAGE.format(title=provider.ConsumeUnicode(40)) if provider.ConsumeBool()
                   else provider.ConsumeUnicode(400))
        archive.writestr("OEBPS/content.opf", _utf8(package))
        body = provider.ConsumeUnicode(2000)
        archive.writestr("OEBPS/c1.xhtml", _utf8(f"<html><body><p>{body}</p></body></html>"
                                                 if provider.ConsumeBool() else body))
    return buffer.getvalue()


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    if provider.ConsumeBool():
        check_reader(provider.ConsumeBytes(len(data)), ".epub")
    else:
        check_reader(build_epub(provider), ".epub")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
