"""atheris fuzz target for the text reader.

    python fuzz/fuzz_text.py [-runs=N | -max_total_time=S] [CORPUS_DIR]
"""

import sys

import atheris

with atheris.instrument_imports():
    from common import check_reader


def test_one_input(data: bytes) -> None:
    check_reader(data, ".txt")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
