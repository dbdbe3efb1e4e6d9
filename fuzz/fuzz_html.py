"""atheris fuzz target for the HTML reader.

    python fuzz/fuzz_html.py [-runs=N | -max_total_time=S] [CORPUS_DIR]
"""

import atheris

with atheris.instrument_imports():
    from common import fuzz_reader

if __name__ == "__main__":
    fuzz_reader(".html")
