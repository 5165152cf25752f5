"""Bar charts drawn on the server as SVG, so they need no JavaScript."""


def bar_chart(rows, bar_height=22, gap=8, label_width=220, width=640):
    """Geometry for a horizontal bar chart.

    Args:
        rows: (label, value) pairs.
    Returns:
        A dict the template draws: width, height and one entry per bar.
    """
    peak = max((value for _label, value in rows), default=0) or 1
    plot = width - label_width - 60
    bars = []
    for index, (label, value) in enumerate(rows):
        y = index * (bar_height + gap)
        bars.append(
            {
                "label": label,
                "value": value,
                "y": y,
                "text_y": y + bar_height * 0.7,
                "x": label_width,
                "width": max(round(plot * value / peak), 1 if value else 0),
                "value_x": label_width + round(plot * value / peak) + 6,
            }
        )
    return {
        "width": width,
        "height": max(len(rows) * (bar_height + gap), bar_height),
        "bar_height": bar_height,
        "label_width": label_width,
        "bars": bars,
    }
