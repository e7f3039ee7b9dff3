"""Writes the tiny-mlp example dataset: a small, deterministic CSV regression.

    python3 make_dataset.py [OUT.csv] [--rows N] [--seed S]

Columns x1, x2, x3 (uniform in [-1, 1]) and y = sin(2·x1) + 0.5·x2² − 0.3·x3
plus a little Gaussian noise. The same seed always writes the same bytes.
"""

import argparse
import csv
import math
import random


def rows(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        x1, x2, x3 = (rng.uniform(-1.0, 1.0) for _ in range(3))
        y = math.sin(2 * x1) + 0.5 * x2 * x2 - 0.3 * x3 + rng.gauss(0.0, 0.05)
        yield [f"{x1:.6f}", f"{x2:.6f}", f"{x3:.6f}", f"{y:.6f}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="dataset.csv")
    parser.add_argument("--rows", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with open(args.out, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["x1", "x2", "x3", "y"])
        writer.writerows(rows(args.rows, args.seed))
    print(f"wrote {args.rows} rows to {args.out}")


if __name__ == "__main__":
    main()
