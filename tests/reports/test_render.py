"""The reliability diagram (PNG bytes, no database)."""
import io

import numpy as np
from PIL import Image

from forecasts.reports.render import reliability_png, title_of
from forecasts.scoring import summarize

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def diagram(p, y, label="All experts") -> Image.Image:
    data = reliability_png(summarize(p, y, resamples=20), np.asarray(p, dtype=float), label)
    assert data[:8] == PNG_SIGNATURE
    return Image.open(io.BytesIO(data))


def test_it_draws_a_fixed_size_png():
    rng = np.random.default_rng(0)
    p = rng.random(500)
    assert diagram(p, (rng.random(500) < p).astype(float)).size == (640, 660)


def test_it_draws_an_empty_set():
    assert diagram([], []).size == (640, 660)


def test_two_diagrams_differ_when_the_data_differ():
    first = np.asarray(diagram([0.1] * 20, [0] * 20))
    second = np.asarray(diagram([0.9] * 20, [0] * 20))
    assert (first != second).any()


def test_the_same_data_draw_the_same_pixels_every_time():
    first = np.asarray(diagram([0.3, 0.7] * 10, [0, 1] * 10))
    second = np.asarray(diagram([0.3, 0.7] * 10, [0, 1] * 10))
    assert (first == second).all()


def test_the_title_has_n_the_brier_score_and_its_interval():
    title = title_of("All experts", summarize([0.3, 0.7] * 10, [0, 1] * 10, resamples=50))
    assert "n = 20 · Brier 0.090 (95% CI " in title


def test_the_title_says_when_there_is_no_interval():
    assert "no CI below n = 10" in title_of("x", summarize([0.3], [0], resamples=5))


def test_the_title_says_why_the_brier_score_is_undefined():
    assert "Brier undefined (no forecasts)" in title_of("x", summarize([], [], resamples=5))
