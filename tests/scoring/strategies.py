"""Hypothesis strategies for sets of binary forecasts."""

import numpy as np
from hypothesis import strategies as st

probability = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
# Few distinct values, as verbal probability scales produce, so groups have several members.
scale_probability = st.sampled_from([0.0, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 1.0])


@st.composite
def forecast_sets(draw, min_size=1, max_size=60, values=probability):
    pairs = draw(st.lists(st.tuples(values, st.booleans()), min_size=min_size, max_size=max_size))
    p = np.array([pair[0] for pair in pairs], dtype=np.float64)
    y = np.array([pair[1] for pair in pairs], dtype=np.float64)
    return p, y
