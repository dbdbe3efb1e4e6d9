"""atheris fuzz target for the html reader.

    python fuzz/fuzz_html.py [-runs=N | -max_total_time=S] [CORPUS_DIR]
"""

import sys

import atheris

with atheris.instrument_imports():
    from common import check_reader


def test_one_input(data: bytes) -> None:
    check_reader(data, ".html")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
