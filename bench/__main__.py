"""Run every benchmark in this folder (or those named): python -m bench [name ...]."""

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> None:
    wanted = set(sys.argv[1:])
    here = Path(__file__).parent
    for info in pkgutil.iter_modules([str(here)]):
        if info.name.startswith("_") or info.name == "harness":
            continue
        if wanted and info.name not in wanted:
            continue
        module = importlib.import_module(f"bench.{info.name}")
        if hasattr(module, "main"):
            print(f"== {info.name}")
            module.main()


if __name__ == "__main__":
    main()
