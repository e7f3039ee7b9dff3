"""One shard of a hyper-parameter sweep over the tiny MLP.

The manifest (gpu-agent.json) fans the `sweep` stage out into 4 units; each
picks its learning rate and width from GRID by GPU_AGENT_UNIT_INDEX and trains
with train.py from the tiny-mlp package (zipped together with this file).
The job's own hyperparameters (e.g. `epochs`) apply to every shard; the
platform's `package` stage then keeps the checkpoint with the lowest final
val_loss.
"""

import os

import train

GRID = [
    {"lr": 0.02, "hidden": 8},
    {"lr": 0.05, "hidden": 8},
    {"lr": 0.05, "hidden": 16},
    {"lr": 0.1, "hidden": 16},
]


def main() -> None:
    index = int(os.environ.get("GPU_AGENT_UNIT_INDEX", "0"))
    count = int(os.environ.get("GPU_AGENT_UNIT_COUNT", "1"))
    choice = GRID[index % len(GRID)]
    print(f"sweep shard {index + 1}/{count}: {choice}")
    train.run(train.hyperparameters(choice))


if __name__ == "__main__":
    main()
