"""Bar charts drawn on the server as SVG, so they need no JavaScript.

Every coordinate leaves here as a plain string ("15.5", never "15,5"): the
template renders them under {% localize off %} too, but a number that is already
a string can't be localized by accident in Albanian or Serbian, where Django
writes a decimal comma that SVG reads as a list separator.
"""

WIDTH = 400
LABEL_SIZE = 16
BAR_HEIGHT = 18
ROW_HEIGHT = 50
VALUE_ROOM = 48
MAX_LABEL = 40


def svg_number(value):
    """A coordinate as SVG wants it: a dot for decimals, no thousands separator."""
    text = f"{float(value):.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def bar_chart(rows, width=WIDTH):
    """Geometry for a horizontal bar chart, each label on its own line above its
    bar so a long department name gets the whole width on a 390 px phone.

    Args:
        rows: (label, value) pairs; labels are already translated.
        width: width of the viewBox; the SVG scales to its container.
    Returns:
        A dict the template draws: width, height and one entry per bar, every
        coordinate a string.
    """
    peak = max((value for _label, value in rows), default=0) or 1
    plot = width - VALUE_ROOM
    bars = []
    for index, (label, value) in enumerate(rows):
        top = index * ROW_HEIGHT
        bar_y = top + LABEL_SIZE + 6
        length = plot * value / peak
        if value and length < 2:
            length = 2  # a non-zero value stays visible
        label = str(label)
        bars.append(
            {
                "label": label,
                "short_label": label
                if len(label) <= MAX_LABEL
                else label[: MAX_LABEL - 1] + "…",
                "value": value,
                "label_y": svg_number(top + LABEL_SIZE),
                "y": svg_number(bar_y),
                "width": svg_number(length),
                "value_x": svg_number(length + 6),
                "value_y": svg_number(bar_y + BAR_HEIGHT * 0.8),
            }
        )
    return {
        "width": svg_number(width),
        "height": svg_number(max(len(rows), 1) * ROW_HEIGHT),
        "bar_height": svg_number(BAR_HEIGHT),
        "font_size": svg_number(LABEL_SIZE),
        "bars": bars,
    }
