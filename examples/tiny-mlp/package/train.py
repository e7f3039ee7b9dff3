"""Train the tiny MLP on a CSV regression dataset (the GPU-Agent example package).

On the platform the agent runs it with the GPU_AGENT_* variables set:

- data: the `prepare` stage's split, GPU_AGENT_INPUT_DIR/prepare/train.csv and
  validation.csv; without it, the first .csv in GPU_AGENT_DATA_DIR, split the
  same way (row i goes to validation when i % 10 == 9);
- hyperparameters: GPU_AGENT_HYPERPARAMETERS, a JSON object with `epochs`
  (default 40), `lr` (0.05), `hidden` (16), `batch_size` (32), `seed` (0);
- outputs in GPU_AGENT_OUTPUT_DIR: metrics.jsonl (one line per epoch with
  loss and val_loss) and checkpoint.json (the weights and how they were made).

Locally: `python3 train.py dataset.csv` writes to ./output.
"""

import glob
import json
import os
import random
import sys
import time

from mlp import MLP

DEFAULTS = {"epochs": 40, "lr": 0.05, "hidden": 16, "batch_size": 32, "seed": 0}


def hyperparameters(overrides=None) -> dict:
    given = json.loads(os.environ.get("GPU_AGENT_HYPERPARAMETERS") or "{}")
    merged = {**DEFAULTS, **{k: v for k, v in given.items() if k in DEFAULTS}, **(overrides or {})}
    return {
        "epochs": max(1, min(int(merged["epochs"]), 10_000)),
        "lr": float(merged["lr"]),
        "hidden": max(1, min(int(merged["hidden"]), 1024)),
        "batch_size": max(1, int(merged["batch_size"])),
        "seed": int(merged["seed"]),
    }


def read_csv(path: str):
    xs, ys = [], []
    with open(path, encoding="utf-8") as source:
        header = source.readline().strip().split(",")
        for line in source:
            if line.strip():
                values = [float(v) for v in line.strip().split(",")]
                xs.append(values[:-1])
                ys.append(values[-1])
    return header, xs, ys


def load_data(argv):
    prepared = os.path.join(os.environ.get("GPU_AGENT_INPUT_DIR", ""), "prepare")
    if os.path.isfile(os.path.join(prepared, "train.csv")):
        _, train_x, train_y = read_csv(os.path.join(prepared, "train.csv"))
        _, val_x, val_y = read_csv(os.path.join(prepared, "validation.csv"))
        return "prepare split", (train_x, train_y), (val_x, val_y)

    data_dir = os.environ.get("GPU_AGENT_DATA_DIR", ".")
    pattern = os.path.join(data_dir, "**", "*.csv")
    candidates = argv[1:] or sorted(glob.glob(pattern, recursive=True))
    if not candidates:
        raise SystemExit("train.py: no CSV dataset found")
    _, xs, ys = read_csv(candidates[0])
    train = [i for i in range(len(xs)) if i % 10 != 9]
    val = [i for i in range(len(xs)) if i % 10 == 9]
    pick = lambda idx, values: [values[i] for i in idx]  # noqa: E731
    return candidates[0], (pick(train, xs), pick(train, ys)), (pick(val, xs), pick(val, ys))


def run(hp: dict, argv=None) -> dict:
    output_dir = os.environ.get("GPU_AGENT_OUTPUT_DIR", "output")
    os.makedirs(output_dir, exist_ok=True)
    source, (train_x, train_y), (val_x, val_y) = load_data(argv or [])
    model = MLP(len(train_x[0]), hp["hidden"], hp["seed"])
    print(f"training on {len(train_x)} rows from {source} ({model.backend}), hyperparameters {hp}")

    rng = random.Random(hp["seed"])
    started = time.time()
    with open(os.path.join(output_dir, "metrics.jsonl"), "w", encoding="utf-8") as metrics:
        for epoch in range(1, hp["epochs"] + 1):
            loss = model.train_epoch(train_x, train_y, hp["lr"], hp["batch_size"], rng)
            val_loss = model.loss(val_x, val_y)
            line = {"epoch": epoch, "loss": round(loss, 6), "val_loss": round(val_loss, 6)}
            metrics.write(json.dumps(line) + "\n")
            metrics.flush()
            print(f"epoch {epoch}/{hp['epochs']} loss={loss:.5f} val_loss={val_loss:.5f}")

    final = {"loss": round(loss, 6), "val_loss": round(val_loss, 6), "epochs": hp["epochs"]}
    checkpoint = {
        "model": "tiny-mlp",
        "architecture": {"inputs": len(train_x[0]), "hidden": hp["hidden"], "activation": "tanh"},
        "hyperparameters": hp,
        "final": final,
        "seconds": round(time.time() - started, 3),
        "weights": model.to_dict(),
    }
    with open(os.path.join(output_dir, "checkpoint.json"), "w", encoding="utf-8") as out:
        json.dump(checkpoint, out)
    print(f"done: {final}")
    return final


if __name__ == "__main__":
    run(hyperparameters(), sys.argv)
