"""atheris fuzz target for the plain-text reader.

    python fuzz/fuzz_text.py [-runs=N | -max_total_time=S] [CORPUS_DIR]
"""

import atheris

with atheris.instrument_imports():
    from common import fuzz_reader

if __name__ == "__main__":
    fuzz_reader(".txt")
