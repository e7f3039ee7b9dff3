"""A one-hidden-layer tanh MLP for regression, trained with mini-batch SGD.

Uses numpy when it is installed and plain Python otherwise; both compute the
same model (up to floating-point rounding), so the package runs on any node.
"""

import math
import random

try:
    import numpy as np
except ImportError:  # plain Python fallback
    np = None


class MLP:
    def __init__(self, inputs: int, hidden: int, seed: int = 0):
        rng = random.Random(seed)
        scale = 1.0 / math.sqrt(inputs)
        self.w1 = [[rng.gauss(0.0, scale) for _ in range(inputs)] for _ in range(hidden)]
        self.b1 = [0.0] * hidden
        self.w2 = [rng.gauss(0.0, 1.0 / math.sqrt(hidden)) for _ in range(hidden)]
        self.b2 = 0.0

    @property
    def backend(self) -> str:
        return "numpy" if np is not None else "python"

    def train_epoch(self, xs, ys, lr: float, batch_size: int, rng: random.Random) -> float:
        order = list(range(len(xs)))
        rng.shuffle(order)
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            self._step([xs[i] for i in batch], [ys[i] for i in batch], lr)
        return self.loss(xs, ys)

    def loss(self, xs, ys) -> float:
        if not xs:
            return float("nan")
        predictions = self.predict(xs)
        return sum((p - y) ** 2 for p, y in zip(predictions, ys)) / len(xs)

    def predict(self, xs) -> list:
        if np is not None:
            hidden = np.tanh(np.asarray(xs) @ np.asarray(self.w1).T + np.asarray(self.b1))
            return (hidden @ np.asarray(self.w2) + self.b2).tolist()
        return [self._forward(x)[1] for x in xs]

    def to_dict(self) -> dict:
        return {"w1": self.w1, "b1": self.b1, "w2": self.w2, "b2": self.b2}

    def _forward(self, x):
        hidden = [
            math.tanh(sum(w * v for w, v in zip(row, x)) + b) for row, b in zip(self.w1, self.b1)
        ]
        return hidden, sum(w * h for w, h in zip(self.w2, hidden)) + self.b2

    def _step(self, xs, ys, lr: float) -> None:
        if np is not None:
            return self._step_numpy(xs, ys, lr)
        size = len(xs)
        g_w1 = [[0.0] * len(self.w1[0]) for _ in self.w1]
        g_b1 = [0.0] * len(self.b1)
        g_w2 = [0.0] * len(self.w2)
        g_b2 = 0.0
        for x, y in zip(xs, ys):
            hidden, out = self._forward(x)
            d_out = 2.0 * (out - y) / size
            g_b2 += d_out
            for j, h in enumerate(hidden):
                g_w2[j] += d_out * h
                d_z = d_out * self.w2[j] * (1.0 - h * h)
                g_b1[j] += d_z
                row = g_w1[j]
                for k, v in enumerate(x):
                    row[k] += d_z * v
        for j in range(len(self.w2)):
            self.w2[j] -= lr * g_w2[j]
            self.b1[j] -= lr * g_b1[j]
            for k in range(len(self.w1[j])):
                self.w1[j][k] -= lr * g_w1[j][k]
        self.b2 -= lr * g_b2

    def _step_numpy(self, xs, ys, lr: float) -> None:
        x, y = np.asarray(xs), np.asarray(ys)
        w1, b1, w2 = np.asarray(self.w1), np.asarray(self.b1), np.asarray(self.w2)
        hidden = np.tanh(x @ w1.T + b1)
        d_out = 2.0 * (hidden @ w2 + self.b2 - y) / len(xs)
        d_z = np.outer(d_out, w2) * (1.0 - hidden**2)
        self.w2 = (w2 - lr * (hidden.T @ d_out)).tolist()
        self.b2 = float(self.b2 - lr * d_out.sum())
        self.w1 = (w1 - lr * (d_z.T @ x)).tolist()
        self.b1 = (b1 - lr * d_z.sum(axis=0)).tolist()
