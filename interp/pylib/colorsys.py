# colorsys for minipy: RGB to and from YIQ, HLS and HSV, all channels
# floats in [0, 1] (YIQ's I and Q may be negative). The formulas are the
# standard ones; each is evaluated in the order CPython evaluates it, so
# the floats come out bit for bit the same.

__all__ = ["rgb_to_yiq", "yiq_to_rgb", "rgb_to_hls", "hls_to_rgb",
           "rgb_to_hsv", "hsv_to_rgb"]

ONE_THIRD = 1.0 / 3.0
ONE_SIXTH = 1.0 / 6.0
TWO_THIRD = 2.0 / 3.0


# YIQ (NTSC): luma plus two chroma axes.

def rgb_to_yiq(r, g, b):
    """RGB in [0, 1] to (Y, I, Q): luma in [0, 1], I and Q signed."""
    luma = 0.30 * r + 0.59 * g + 0.11 * b
    red_diff, blue_diff = r - luma, b - luma
    return (luma,
            0.74 * red_diff - 0.27 * blue_diff,
            0.48 * red_diff + 0.41 * blue_diff)


# The inverse of the matrix above, one row per RGB channel: (I, Q) weights.
_FROM_YIQ = ((0.9468822170900693, 0.6235565819861433),
             (-0.27478764629897834, -0.6356910791873801),
             (-1.1085450346420322, 1.7090069284064666))


def yiq_to_rgb(y, i, q):
    """(Y, I, Q) back to RGB, each channel clamped into [0, 1]."""
    channels = []
    for wi, wq in _FROM_YIQ:
        # Adding a negative product is subtracting a positive one, to the
        # last bit (signed zeros too).
        c = y + wi * i + wq * q
        # Clamp into [0, 1]; NaN stays NaN.
        if c < 0.0:
            c = 0.0
        elif c > 1.0:
            c = 1.0
        channels.append(c)
    return tuple(channels)


def _hue_from(r, g, b, top, spread):
    # Where the colour lies on the hue circle, from how far each channel
    # falls short of the largest one: sector 0 is red-led, 2 green, 4 blue.
    short_r = (top - r) / spread
    short_g = (top - g) / spread
    short_b = (top - b) / spread
    if r == top:
        position = short_b - short_g
    elif g == top:
        position = 2.0 + short_r - short_b
    else:
        position = 4.0 + short_g - short_r
    return (position / 6.0) % 1.0


# HLS: hue, lightness, saturation.

def rgb_to_hls(r, g, b):
    """RGB in [0, 1] to (hue, lightness, saturation), each in [0, 1]."""
    top, bottom = max(r, g, b), min(r, g, b)
    lightness = (top + bottom) / 2.0
    if top == bottom:
        return 0.0, lightness, 0.0
    spread = top - bottom
    if lightness <= 0.5:
        saturation = spread / (top + bottom)
    else:
        saturation = spread / (2.0 - top - bottom)
    return _hue_from(r, g, b, top, spread), lightness, saturation


def _hls_channel(low, high, hue):
    # One channel of hls_to_rgb: a trapezoid over the hue circle, rising
    # in the first sixth, high to one half, falling to two thirds.
    hue = hue % 1.0
    if hue < ONE_SIXTH:
        return low + (high - low) * hue * 6.0
    elif hue < 0.5:
        return high
    elif hue < TWO_THIRD:
        return low + (high - low) * (TWO_THIRD - hue) * 6.0
    else:
        return low


def hls_to_rgb(h, l, s):
    """(hue, lightness, saturation) to RGB; a zero saturation is a grey."""
    if s == 0.0:
        return l, l, l
    high = l * (1.0 + s) if l <= 0.5 else l + s - (l * s)
    low = 2.0 * l - high
    return tuple(_hls_channel(low, high, hue) for hue in (h + ONE_THIRD, h, h - ONE_THIRD))


# HSV: hue, saturation, value.

def rgb_to_hsv(r, g, b):
    """RGB in [0, 1] to (hue, saturation, value), each in [0, 1]."""
    top, bottom = max(r, g, b), min(r, g, b)
    if top == bottom:
        return 0.0, 0.0, top
    spread = top - bottom
    return _hue_from(r, g, b, top, spread), spread / top, top


# For each sixth of the hue circle, which of (v, p, q, t) in hsv_to_rgb
# are its red, green and blue.
_HSV_SECTORS = ((0, 3, 1), (2, 0, 1), (1, 0, 3), (1, 2, 0), (3, 1, 0), (0, 1, 2))


def hsv_to_rgb(h, s, v):
    """(hue, saturation, value) to RGB; a zero saturation is a grey."""
    if s == 0.0:
        return v, v, v
    sector = int(h * 6.0)  # int() truncates toward zero
    frac = h * 6.0 - sector
    levels = (v, v * (1.0 - s), v * (1.0 - s * frac), v * (1.0 - s * (1.0 - frac)))
    red, green, blue = _HSV_SECTORS[sector % 6]
    return levels[red], levels[green], levels[blue]
